package org.kitepkana.platform.kafka;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.kitepkana.platform.events.EventEnvelope;
import org.kitepkana.platform.events.EventEnvelopes;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructure;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructureTest;
import org.kitepkana.platform.testsupport.KafkaTestConsumer;
import org.kitepkana.platform.testsupport.KafkaTestConsumer.Seen;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The consumer kit in a small application: a listener on {@value
 * KafkaConsumerConfiguration#FACTORY} that applies events idempotently. Each test uses its own
 * topic, so their records and dead letters do not mix.
 */
@SpringBootTest(
    properties = {
      "spring.application.name=dead-letter-it",
      "kitepkana.kafka.retry.retries=2",
      "kitepkana.kafka.retry.interval-ms=20"
    })
@EmbeddedInfrastructureTest
class DeadLetterIT {

  static final String GARBAGE_TOPIC = "test.things.v1";
  static final String POISON_TOPIC = "test.poison.v1";
  static final String DUPLICATE_TOPIC = "test.duplicates.v1";
  static final String TYPE = "kitepkana.test.thing.changed";

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(ThingsProjector.class)
  static class App {
    @Bean
    NewTopic garbageTopic() {
      return new NewTopic(GARBAGE_TOPIC, 1, (short) 1);
    }

    @Bean
    NewTopic poisonTopic() {
      return new NewTopic(POISON_TOPIC, 1, (short) 1);
    }

    @Bean
    NewTopic duplicateTopic() {
      return new NewTopic(DUPLICATE_TOPIC, 1, (short) 1);
    }
  }

  /**
   * A read model of things: applies each event once (processed-id check plus an upsert) and cannot
   * apply an event whose body asks it to fail. Counts deliveries per event id, so a test can tell
   * how often a record reached it.
   */
  static class ThingsProjector {
    static final String CONSUMER = "things-projector";

    private final ProcessedEvents processed;
    private final MongoCollection<Document> things;
    final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    ThingsProjector(ProcessedEvents processed, MongoDatabase database) {
      this.processed = processed;
      this.things = database.getCollection("things");
    }

    @KafkaListener(
        topics = {GARBAGE_TOPIC, POISON_TOPIC, DUPLICATE_TOPIC},
        groupId = CONSUMER,
        containerFactory = KafkaConsumerConfiguration.FACTORY)
    void on(ConsumerRecord<String, CloudEvent> record) {
      ReceivedEvent event = ReceivedEvent.of(record);
      deliveries.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
      if (event.json().contains("\"fail\":true")) {
        throw new IllegalStateException("cannot apply " + event.id());
      }
      processed.applyOnce(
          CONSUMER,
          event.id(),
          () ->
              things.updateOne(
                  eq("_id", event.subject()),
                  Updates.combine(Updates.inc("applied", 1), Updates.set("json", event.json())),
                  new UpdateOptions().upsert(true)));
    }

    Document thing(String id) {
      return things.find(eq("_id", id)).first();
    }

    int deliveries(String eventId) {
      AtomicInteger count = deliveries.get(eventId);
      return count == null ? 0 : count.get();
    }
  }

  /** The body of a test event; {@code fail} makes the projector throw. */
  record ThingChanged(String title, boolean fail) {}

  @Autowired CloudEventPublisher publisher;
  @Autowired EventEnvelopes envelopes;
  @Autowired ThingsProjector projector;
  @Autowired ProcessedEvents processed;
  @Autowired MeterRegistry meters;

  @Test
  void sendsARecordThatIsNoCloudEventToTheDeadLetterTopicAndGoesOnWithTheNextOne()
      throws Exception {
    try (KafkaTestConsumer deadLetters =
            new KafkaTestConsumer(EmbeddedInfrastructure.kafkaBootstrap(), GARBAGE_TOPIC + ".dlt");
        KafkaProducer<String, byte[]> raw = rawProducer()) {
      raw.send(
              new ProducerRecord<>(
                  GARBAGE_TOPIC,
                  "garbage-1",
                  "not a CloudEvent, just Манас".getBytes(StandardCharsets.UTF_8)))
          .get(10, TimeUnit.SECONDS);
      EventEnvelope valid = send(GARBAGE_TOPIC, "after-garbage", "Семетей", false);

      await().untilAsserted(() -> assertThat(projector.thing("after-garbage")).isNotNull());
      assertThat(projector.thing("after-garbage").getInteger("applied")).isEqualTo(1);
      assertThat(projector.deliveries(valid.id())).isEqualTo(1);

      Seen dead = awaitOne(deadLetters);
      assertThat(dead.key()).isEqualTo("garbage-1");
      assertThat(dead.body()).isEqualTo("not a CloudEvent, just Манас");
      assertThat(dead.header("kafka_dlt-original-topic")).isEqualTo(GARBAGE_TOPIC);
      assertThat(dead.headers())
          .containsKeys("kafka_dlt-original-partition", "kafka_dlt-original-offset");
      assertThat(dead.header("kafka_dlt-exception-fqcn"))
          .isEqualTo("org.springframework.kafka.support.serializer.DeserializationException");
      assertThat(dead.header("kafka_dlt-exception-message")).isNotBlank();
      await().until(() -> deadLetters(GARBAGE_TOPIC) == 1.0);
    }
  }

  @Test
  void sendsAnEventThatAlwaysFailsToTheDeadLetterTopicAfterBoundedRetriesAndLaterEventsFlow() {
    try (KafkaTestConsumer deadLetters =
        new KafkaTestConsumer(EmbeddedInfrastructure.kafkaBootstrap(), POISON_TOPIC + ".dlt")) {
      EventEnvelope poison = send(POISON_TOPIC, "poison-1", "Курманбек", true);
      EventEnvelope later = send(POISON_TOPIC, "after-poison", "Эр Төштүк", false);

      await().untilAsserted(() -> assertThat(projector.thing("after-poison")).isNotNull());
      assertThat(projector.deliveries(later.id())).isEqualTo(1);
      // the first delivery and two retries (kitepkana.kafka.retry.retries=2), then no more
      assertThat(projector.deliveries(poison.id())).isEqualTo(3);
      assertThat(projector.thing("poison-1")).isNull();
      assertThat(processed.seen(ThingsProjector.CONSUMER, poison.id())).isFalse();

      Seen dead = awaitOne(deadLetters);
      assertThat(dead.key()).isEqualTo("poison-1");
      assertThat(dead.body()).isEqualTo(poison.data());
      assertThat(dead.header("ce_id")).isEqualTo(poison.id());
      assertThat(dead.header("ce_type")).isEqualTo(TYPE);
      assertThat(dead.header("ce_specversion")).isEqualTo("1.0");
      assertThat(dead.header("content-type")).isEqualTo("application/json");
      assertThat(dead.header("kafka_dlt-original-topic")).isEqualTo(POISON_TOPIC);
      assertThat(dead.header("kafka_dlt-exception-message"))
          .contains("cannot apply " + poison.id());
      await().until(() -> deadLetters(POISON_TOPIC) == 1.0);
    }
  }

  @Test
  void appliesAnEventDeliveredTwiceWithTheSameIdOnlyOnce() {
    EventEnvelope event =
        envelopes.create(DUPLICATE_TOPIC, "dup-1", TYPE, new ThingChanged("Кожожаш", false));
    sendAndWait(event);
    sendAndWait(event);
    send(DUPLICATE_TOPIC, "after-dup", "Олжобай", false);

    // one partition: once the later event is applied, both copies have been handled
    await().untilAsserted(() -> assertThat(projector.thing("after-dup")).isNotNull());
    assertThat(projector.deliveries(event.id())).isEqualTo(2);
    assertThat(projector.thing("dup-1").getInteger("applied")).isEqualTo(1);
    assertThat(processed.seen(ThingsProjector.CONSUMER, event.id())).isTrue();
    assertThat(deadLetters(DUPLICATE_TOPIC)).isZero();
  }

  // ---- helpers ----

  private EventEnvelope send(String topic, String subject, String title, boolean fail) {
    EventEnvelope envelope = envelopes.create(topic, subject, TYPE, new ThingChanged(title, fail));
    sendAndWait(envelope);
    return envelope;
  }

  private void sendAndWait(EventEnvelope envelope) {
    assertThat(publisher.send(envelope)).succeedsWithin(Duration.ofSeconds(10));
  }

  private double deadLetters(String topic) {
    Counter counter = meters.find("kitepkana.kafka.dead.letters").tag("topic", topic).counter();
    return counter == null ? 0 : counter.count();
  }

  /** Waits for a dead letter and makes sure no second one follows it. */
  private static Seen awaitOne(KafkaTestConsumer consumer) {
    await().atMost(Duration.ofSeconds(30)).until(consumer::poll, records -> !records.isEmpty());
    List<Seen> seen =
        await()
            .during(Duration.ofMillis(300))
            .atMost(Duration.ofSeconds(5))
            .until(consumer::poll, records -> records.size() == 1);
    return seen.get(0);
  }

  private static KafkaProducer<String, byte[]> rawProducer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafkaBootstrap(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
  }
}
