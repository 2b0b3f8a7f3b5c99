package org.kitepkana.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.cloudevents.CloudEvent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.kitepkana.platform.events.EventEnvelope;
import org.kitepkana.platform.events.EventEnvelopes;
import org.kitepkana.platform.kafka.KafkaConsumerConfiguration;
import org.kitepkana.platform.kafka.ReceivedEvent;
import org.kitepkana.platform.outbox.OutboxRelay;
import org.kitepkana.platform.outbox.OutboxWrites;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructure;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructureTest;
import org.kitepkana.platform.testsupport.KafkaTestConsumer;
import org.kitepkana.platform.testsupport.KafkaTestConsumer.Seen;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * One trace from a "request" to a consumer: an event made inside a span is stored in an outbox, the
 * relay publishes it with a {@code traceparent} of the same trace, and a listener built from the
 * platform's factory handles it inside a span of that trace, with the ids in its log context.
 */
@SpringBootTest(
    properties = {
      "spring.application.name=trace-it",
      "management.tracing.sampling.probability=1.0",
      "kitepkana.outbox.collections=" + TraceThroughOutboxIT.COLLECTION,
      "kitepkana.kafka.retry.retries=1",
      "kitepkana.kafka.retry.interval-ms=20"
    })
@EmbeddedInfrastructureTest
class TraceThroughOutboxIT {

  static final String TOPIC = "test.traced.v1";
  static final String COLLECTION = "traced_things";
  static final String TYPE = "kitepkana.test.thing.changed";

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(TraceRecorder.class)
  static class App {
    @Bean
    NewTopic tracedTopic() {
      return new NewTopic(TOPIC, 1, (short) 1);
    }
  }

  /** What a listener sees of the trace while it handles each event (by event id). */
  static class TraceRecorder {
    record Handled(String spanTraceId, String mdcTraceId) {}

    private final Tracer tracer;
    final Map<String, Handled> handled = new ConcurrentHashMap<>();

    TraceRecorder(Tracer tracer) {
      this.tracer = tracer;
    }

    @KafkaListener(
        topics = TOPIC,
        groupId = "trace-recorder",
        containerFactory = KafkaConsumerConfiguration.FACTORY)
    void on(ConsumerRecord<String, CloudEvent> record) {
      ReceivedEvent event = ReceivedEvent.of(record);
      Span span = tracer.currentSpan();
      handled.put(
          event.id(),
          new Handled(span == null ? null : span.context().traceId(), MDC.get("traceId")));
      if (event.json().contains("\"fail\":true")) {
        throw new IllegalStateException("cannot apply " + event.id());
      }
    }
  }

  record ThingChanged(String title, boolean fail) {}

  @Autowired Tracer tracer;
  @Autowired EventEnvelopes envelopes;
  @Autowired OutboxRelay relay;
  @Autowired MongoDatabase database;
  @Autowired TraceRecorder recorder;

  @Test
  void anEventMadeInsideASpanReachesTheListenerInsideASpanOfTheSameTrace() {
    try (KafkaTestConsumer topic = new KafkaTestConsumer(kafka(), TOPIC)) {
      Span request = tracer.nextSpan().name("PUT /things/manas").start();
      EventEnvelope event;
      try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
        event = envelopes.create(TOPIC, "manas", TYPE, new ThingChanged("Манас", false));
      } finally {
        request.end();
      }
      String traceId = request.context().traceId();
      assertThat(event.trace()).isNotNull();
      assertThat(event.trace().traceId()).isEqualTo(traceId);
      assertThat(event.trace().parentId()).isEqualTo(request.context().spanId());

      writes().insert(new Document("_id", "manas").append("version", 1L), List.of(event));

      Seen record = awaitRecord(topic, event.id());
      assertThat(record.header("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01");
      assertThat(record.header("ce_traceparent")).isEqualTo(record.header("traceparent"));
      // The relay's producer span sits between the request's span and the consumer's.
      assertThat(record.header("traceparent")).doesNotContain(request.context().spanId());

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(recorder.handled).containsKey(event.id()));
      assertThat(recorder.handled.get(event.id()))
          .isEqualTo(new TraceRecorder.Handled(traceId, traceId));
    }
  }

  @Test
  void anEventMadeOutsideAnyTraceIsPublishedWithoutOneAndHandledInAFreshTrace() {
    try (KafkaTestConsumer topic = new KafkaTestConsumer(kafka(), TOPIC)) {
      assertThat(tracer.currentSpan()).isNull();
      EventEnvelope event =
          envelopes.create(TOPIC, "semetei", TYPE, new ThingChanged("Семетей", false));
      assertThat(event.trace()).isNull();

      writes().insert(new Document("_id", "semetei").append("version", 1L), List.of(event));

      Seen record = awaitRecord(topic, event.id());
      assertThat(record.headers()).doesNotContainKeys("traceparent", "ce_traceparent");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(recorder.handled).containsKey(event.id()));
      TraceRecorder.Handled handled = recorder.handled.get(event.id());
      assertThat(handled.spanTraceId()).isNotNull().isEqualTo(handled.mdcTraceId());
    }
  }

  @Test
  void anEventThatCannotBeAppliedGoesToTheDeadLetterTopicWithItsTraceparent() {
    try (KafkaTestConsumer deadLetters = new KafkaTestConsumer(kafka(), TOPIC + ".dlt")) {
      Span request = tracer.nextSpan().name("PUT /things/poison").start();
      EventEnvelope event;
      try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
        event = envelopes.create(TOPIC, "poison", TYPE, new ThingChanged("Курманбек", true));
      } finally {
        request.end();
      }

      writes().insert(new Document("_id", "poison").append("version", 1L), List.of(event));

      Seen dead = awaitRecord(deadLetters, event.id());
      assertThat(dead.header("traceparent"))
          .matches("00-" + request.context().traceId() + "-[0-9a-f]{16}-01");
      assertThat(recorder.handled.get(event.id()).spanTraceId())
          .isEqualTo(request.context().traceId());
    }
  }

  private OutboxWrites writes() {
    return new OutboxWrites(database.getCollection(COLLECTION), relay);
  }

  private static String kafka() {
    return EmbeddedInfrastructure.kafkaBootstrap();
  }

  private static Seen awaitRecord(KafkaTestConsumer consumer, String eventId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                consumer.poll().stream()
                    .filter(s -> eventId.equals(s.header("ce_id")))
                    .findFirst()
                    .orElse(null),
            seen -> seen != null);
  }
}
