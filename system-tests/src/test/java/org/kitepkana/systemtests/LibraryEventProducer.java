package org.kitepkana.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes library events onto {@code events.schedule.v1} the way events-service does
 * (docs/topics.md): a plain Kafka producer, CloudEvents 1.0 in binary mode (the {@code ce_*}
 * headers by hand), JSON body, key = event id. Stands in for events-service until it runs.
 */
final class LibraryEventProducer implements AutoCloseable {

  static final String TOPIC = "events.schedule.v1";

  private final KafkaProducer<String, byte[]> producer;

  LibraryEventProducer(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    producer = new KafkaProducer<>(props);
  }

  /** A library event held (COMPLETED) or scheduled, in events-service's public shape. */
  static String libraryEvent(
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
         "partnerIds": [], "projectId": "%s", "campaignId": null,
         "registered": 38, "waitlisted": 0, "attendance": %s}
        """
        .formatted(eventId, version, status, branchId, projectId, attendance);
  }

  /** Sends one CloudEvent and waits for the broker's acknowledgement. */
  void send(String ceId, String type, String eventId, String json) {
    var record =
        new ProducerRecord<String, byte[]>(TOPIC, eventId, json.getBytes(StandardCharsets.UTF_8));
    header(record, "ce_specversion", "1.0");
    header(record, "ce_id", ceId);
    header(record, "ce_source", "/events-service");
    header(record, "ce_type", type);
    header(record, "ce_subject", eventId);
    header(record, "ce_time", Instant.now().toString());
    header(record, "ce_dataschema", "schemas/" + type + ".json");
    header(record, "content-type", "application/json");
    try {
      producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  void send(String type, String eventId, String json) {
    send(UUID.randomUUID().toString(), type, eventId, json);
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    producer.close();
  }
}
