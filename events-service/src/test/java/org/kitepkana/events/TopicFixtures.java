package org.kitepkana.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.kitepkana.platform.events.EventEnvelope;
import org.kitepkana.platform.kafka.CloudEventPublisher;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructure;

/**
 * Publishes what other services publish, in the shapes of {@code docs/topics.md}: branches as
 * catalog-service does, partners and projects as partnership-service will. CloudEvents in binary
 * mode through the platform's publisher.
 */
public final class TopicFixtures implements AutoCloseable {

  private final CloudEventPublisher publisher;

  /** Publishes to the embedded broker. */
  public TopicFixtures() {
    this(EmbeddedInfrastructure.kafkaBootstrap());
  }

  public TopicFixtures(String bootstrap) {
    this.publisher =
        new CloudEventPublisher(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  public String branch(String branchId, String name, long version) {
    return publish(
        "network.branches.v1",
        branchId,
        version == 1 ? "kitepkana.catalog.branch.created" : "kitepkana.catalog.branch.updated",
        "/catalog-service",
        """
        {"branchId": "%s", "version": %d, "name": "%s", "type": "DISTRICT",
         "parentId": "naryn-oblast", "district": "Ат-Башы", "address": "Ат-Башы айылы",
         "languages": ["ky", "ru"], "updatedAt": "2026-03-14T09:30:00+06:00"}
        """
            .formatted(branchId, version, name));
  }

  public String partner(String partnerId, String name, boolean active, long version) {
    return publish(
        "partnerships.partners.v1",
        partnerId,
        version == 1
            ? "kitepkana.partnerships.partner.created"
            : "kitepkana.partnerships.partner.updated",
        "/partnership-service",
        """
        {"partnerId": "%s", "version": %d, "name": "%s", "type": "LOCAL_GOVERNMENT",
         "district": "Ат-Башы", "active": %s}
        """
            .formatted(partnerId, version, name, active));
  }

  public String project(String projectId, String title, String status, long version) {
    return publish(
        "partnerships.projects.v1",
        projectId,
        "kitepkana.partnerships.project." + status.toLowerCase(),
        "/partnership-service",
        """
        {"projectId": "%s", "version": %d, "title": "%s", "status": "%s", "scale": "MONO",
         "contentAreas": ["LEGAL_INFORMATION"], "leadLibraryId": "at-bashy",
         "participatingLibraryIds": [], "partnerIds": [], "start": "2026-03-01",
         "end": "2026-11-30"}
        """
            .formatted(projectId, version, title, status));
  }

  /** Publishes a CloudEvent; returns its id. */
  public String publish(String topic, String key, String type, String source, String json) {
    return publish(UUID.randomUUID().toString(), topic, key, type, source, json);
  }

  /** Publishes a CloudEvent with the given id (again, to test deduplication). */
  public String publish(
      String id, String topic, String key, String type, String source, String json) {
    try {
      publisher
          .send(
              new EventEnvelope(
                  id,
                  topic,
                  key,
                  type,
                  source,
                  key,
                  "schemas/" + type + ".json",
                  Instant.now(),
                  json))
          .get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return id;
  }

  /** Publishes bytes that are no CloudEvent at all (no ce_ headers). */
  public static void raw(String topic, String key, byte[] value) {
    try (var producer =
        new KafkaProducer<String, byte[]>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedInfrastructure.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class))) {
      producer.send(new ProducerRecord<>(topic, key, value)).get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    publisher.close();
  }
}
