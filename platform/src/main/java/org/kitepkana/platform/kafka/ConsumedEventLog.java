package org.kitepkana.platform.kafka;

import io.cloudevents.CloudEvent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.kitepkana.platform.tracing.EventTracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * One DEBUG line per record a platform listener is handed: event type and id, where it came from,
 * and the consumer group. It runs inside the listener's observation, so with the services' log
 * pattern the line carries the trace id the record's {@code traceparent} continued; turn it on per
 * service with {@code logging.level.org.kitepkana.platform.kafka.ConsumedEventLog=DEBUG} (the
 * services with small, low-rate input topics do; catalog-service's own records topic is too busy).
 */
final class ConsumedEventLog implements RecordInterceptor<String, CloudEvent> {

  private static final Logger log = LoggerFactory.getLogger(ConsumedEventLog.class);

  @Override
  public ConsumerRecord<String, CloudEvent> intercept(
      ConsumerRecord<String, CloudEvent> record, Consumer<String, CloudEvent> consumer) {
    if (log.isDebugEnabled()) {
      line(record, consumer.groupMetadata().groupId());
    }
    return record;
  }

  private static void line(ConsumerRecord<String, CloudEvent> record, String group) {
    CloudEvent event = record.value();
    log.debug(
        "Consumed {} {} from {}-{}@{} (group {})",
        event == null ? "an unreadable record" : event.getType(),
        event == null ? "" : event.getId(),
        record.topic(),
        record.partition(),
        record.offset(),
        group);
  }

  /**
   * The same line for each record of a batch listener's poll. A batch has no observation per
   * record, so each line is written inside a consumer span of its own that continues the record's
   * {@code traceparent}: the line carries the trace of the request that caused the event. Only with
   * DEBUG on; otherwise it costs nothing.
   */
  static final class PerBatch implements BatchInterceptor<String, CloudEvent> {

    private final Tracer tracer;
    private final Propagator propagator;

    /** {@code tracer} and {@code propagator} may be null: the lines then carry no trace. */
    PerBatch(Tracer tracer, Propagator propagator) {
      this.tracer = tracer == Tracer.NOOP ? null : tracer;
      this.propagator = propagator;
    }

    @Override
    public ConsumerRecords<String, CloudEvent> intercept(
        ConsumerRecords<String, CloudEvent> records, Consumer<String, CloudEvent> consumer) {
      if (log.isDebugEnabled()) {
        String group = consumer.groupMetadata().groupId();
        for (ConsumerRecord<String, CloudEvent> record : records) {
          inTrace(record, group);
        }
      }
      return records;
    }

    private void inTrace(ConsumerRecord<String, CloudEvent> record, String group) {
      Header traceparent = record.headers().lastHeader("traceparent");
      if (tracer == null || propagator == null || traceparent == null) {
        line(record, group);
        return;
      }
      Header tracestate = record.headers().lastHeader("tracestate");
      Span span =
          EventTracing.kafkaSpan(
                  propagator,
                  new String(traceparent.value(), StandardCharsets.US_ASCII),
                  tracestate == null
                      ? null
                      : new String(tracestate.value(), StandardCharsets.US_ASCII),
                  record.topic(),
                  "process",
                  Span.Kind.CONSUMER)
              .tag("messaging.consumer.group.name", group)
              .start();
      try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
        line(record, group);
      } finally {
        span.end();
      }
    }
  }
}
