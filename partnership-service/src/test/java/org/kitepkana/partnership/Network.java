package org.kitepkana.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.kitepkana.platform.events.EventEnvelope;
import org.kitepkana.platform.kafka.CloudEventPublisher;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructure;

/**
 * What other services publish, as a test publishes it: branches on {@code network.branches.v1}
 * (catalog-service's shape) and library events on {@code events.schedule.v1} (events-service's
 * shape, docs/topics.md), as CloudEvents in binary mode.
 */
public final class Network {

  private static CloudEventPublisher publisher;

  private Network() {}

  static synchronized CloudEventPublisher publisher() {
    if (publisher == null) {
      publisher =
          new CloudEventPublisher(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  EmbeddedInfrastructure.kafkaBootstrap()));
    }
    return publisher;
  }

  /** A fresh library id with a short random suffix, so tests never meet each other's data. */
  public static String uniqueLibrary(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static void publish(String topic, String key, String type, String source, String json) {
    publish(UUID.randomUUID().toString(), topic, key, type, source, json);
  }

  /** Publishes with a given CloudEvent id: the same id twice is a redelivery. */
  public static void publish(
      String eventId, String topic, String key, String type, String source, String json) {
    try {
      publisher()
          .send(
              new EventEnvelope(
                  eventId,
                  topic,
                  key,
                  type,
                  source,
                  key,
                  "schemas/" + type + ".json",
                  Instant.now(),
                  json))
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A library event in events-service's shape (docs/topics.md), with attendance when COMPLETED. */
  public static String libraryEvent(
      String eventId, long version, String status, String branchId, String projectId, int came) {
    String attendance =
        "COMPLETED".equals(status)
            ? "{\"registeredAttended\": %d, \"walkIns\": %d, \"total\": %d}"
                .formatted(came - came / 4, came / 4, came)
            : "null";
    return """
        {"eventId": "%s", "version": %d, "status": "%s",
         "title": {"ky": "Укуктук сабаттуулук күнү", "ru": "День правовой грамотности", "en": null},
         "type": "LEGAL_CONSULTATION", "audience": "ADULTS", "branchId": "%s",
         "room": "окуу залы", "start": "2025-04-10T14:00:00+06:00",
         "end": "2025-04-10T16:00:00+06:00", "capacity": 40, "registrationRequired": true,
         "partnerIds": [], "projectId": %s, "campaignId": null,
         "registered": 38, "waitlisted": 0, "attendance": %s}
        """
        .formatted(
            eventId,
            version,
            status,
            branchId,
            projectId == null ? "null" : "\"" + projectId + "\"",
            attendance);
  }

  /** Publishes a library event on events.schedule.v1 as events-service would. */
  public static void publishLibraryEvent(String type, String eventId, String json) {
    publish("events.schedule.v1", eventId, type, "/events-service", json);
  }

  /** Publishes a branch as catalog-service does and waits until the service knows it. */
  public static void branch(PartnershipApi api, String id, String type, String district) {
    publish(
        "network.branches.v1",
        id,
        "kitepkana.catalog.branch.created",
        "/catalog-service",
        """
        {"branchId": "%s", "version": 1, "name": "Китепкана %s", "type": "%s",
         "parentId": null, "district": "%s", "address": null, "languages": ["ky", "ru"],
         "updatedAt": "2025-03-14T03:30:00Z"}
        """
            .formatted(id, id, type, district));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(api.get("/api/partnerships/libraries/" + id).status()).isEqualTo(200));
  }
}
