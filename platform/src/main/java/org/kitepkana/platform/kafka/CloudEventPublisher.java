package org.kitepkana.platform.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.extensions.DistributedTracingExtension;
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
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.kitepkana.platform.events.EventEnvelope;
import org.kitepkana.platform.events.TraceParent;
import org.kitepkana.platform.tracing.EventTracing;

/**
 * Sends {@link EventEnvelope}s as CloudEvents in Kafka binary mode ({@code ce_*} headers, JSON
 * body) with an idempotent, acks=all producer, so a retried send never duplicates or reorders a
 * partition.
 *
 * <p>An envelope that carries a trace context is sent inside a producer span that continues it
 * ({@link EventTracing}); the record carries that span's context twice: as the W3C {@code
 * traceparent} (and {@code tracestate}) Kafka header, which tracing-aware consumers read, and as
 * the CloudEvents distributed-tracing attribute, which binary mode writes as {@code
 * ce_traceparent}.
 */
public final class CloudEventPublisher implements AutoCloseable {

  private final KafkaProducer<String, CloudEvent> producer;
  private final EventTracing tracing;

  /** A publisher that passes stored trace contexts on without producer spans. */
  public CloudEventPublisher(Map<String, Object> producerProperties) {
    this(producerProperties, EventTracing.disabled());
  }

  public CloudEventPublisher(Map<String, Object> producerProperties, EventTracing tracing) {
    this.tracing = tracing;
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
    EventTracing.Publication publication = tracing.startPublish(envelope);
    try {
      TraceParent trace = publication.trace().orElse(null);
      producer.send(
          new ProducerRecord<>(
              envelope.topic(),
              null,
              envelope.key(),
              toCloudEvent(envelope, trace),
              traceHeaders(trace)),
          (metadata, error) -> {
            publication.end(error);
            if (error != null) {
              result.completeExceptionally(error);
            } else {
              result.complete(metadata);
            }
          });
    } catch (RuntimeException e) {
      publication.end(e);
      result.completeExceptionally(e);
    }
    return result;
  }

  private static Headers traceHeaders(TraceParent trace) {
    RecordHeaders headers = new RecordHeaders();
    if (trace != null) {
      headers.add(
          EventTracing.TRACEPARENT, trace.traceparent().getBytes(StandardCharsets.US_ASCII));
      if (trace.tracestate() != null) {
        headers.add(
            EventTracing.TRACESTATE, trace.tracestate().getBytes(StandardCharsets.US_ASCII));
      }
    }
    return headers;
  }

  public void flush() {
    producer.flush();
  }

  static CloudEvent toCloudEvent(EventEnvelope envelope, TraceParent trace) {
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
    if (trace != null) {
      builder.withExtension(DistributedTracingExtension.TRACEPARENT, trace.traceparent());
      if (trace.tracestate() != null) {
        builder.withExtension(DistributedTracingExtension.TRACESTATE, trace.tracestate());
      }
    }
    return builder.build();
  }

  @Override
  public void close() {
    producer.close();
  }
}
