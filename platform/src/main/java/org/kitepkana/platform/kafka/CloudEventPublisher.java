package org.kitepkana.platform.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.kitepkana.platform.events.EventEnvelope;

/**
 * Sends {@link EventEnvelope}s as CloudEvents in Kafka binary mode ({@code ce_*} headers, JSON
 * body) with an idempotent, acks=all producer, so a retried send never duplicates or reorders a
 * partition.
 */
public final class CloudEventPublisher implements AutoCloseable {

  private final KafkaProducer<String, CloudEvent> producer;

  public CloudEventPublisher(Map<String, Object> producerProperties) {
    Map<String, Object> props = new HashMap<>(producerProperties);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
    props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 131072);
    // Fail a send within seconds when the broker is away; the outbox keeps the event and retries.
    props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
    props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
    this.producer = new KafkaProducer<>(props);
  }

  public CompletableFuture<RecordMetadata> send(EventEnvelope envelope) {
    CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
    try {
      producer.send(
          new ProducerRecord<>(envelope.topic(), envelope.key(), toCloudEvent(envelope)),
          (metadata, error) -> {
            if (error != null) {
              result.completeExceptionally(error);
            } else {
              result.complete(metadata);
            }
          });
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  public void flush() {
    producer.flush();
  }

  static CloudEvent toCloudEvent(EventEnvelope envelope) {
    CloudEventBuilder builder =
        CloudEventBuilder.v1()
            .withId(envelope.id())
            .withSource(URI.create(envelope.source()))
            .withType(envelope.type())
            .withTime(envelope.time().atOffset(ZoneOffset.UTC))
            .withDataContentType("application/json")
            .withData(envelope.data().getBytes(StandardCharsets.UTF_8));
    if (envelope.subject() != null) {
      builder.withSubject(envelope.subject());
    }
    if (envelope.dataschema() != null) {
      builder.withDataSchema(URI.create(envelope.dataschema()));
    }
    return builder.build();
  }

  @Override
  public void close() {
    producer.close();
  }
}
