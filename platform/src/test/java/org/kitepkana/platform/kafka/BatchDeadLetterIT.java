package org.kitepkana.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
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
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batch side of the consumer kit: a listener on {@value
 * KafkaConsumerConfiguration#BATCH_FACTORY} that applies each poll through {@link EventBatches} and
 * {@link ProcessedEvents#applyOnce(String, List, java.util.function.Function,
 * java.util.function.Consumer)}. Each test has its own topic and its own listener, started only
 * once the test's records are all on the topic, so they reach the listener as one batch.
 */
@SpringBootTest(
    properties = {
      "spring.application.name=batch-dead-letter-it",
      "kitepkana.kafka.retry.retries=2",
      "kitepkana.kafka.retry.interval-ms=20"
    })
@EmbeddedInfrastructureTest
class BatchDeadLetterIT {

  static final String POISON_TOPIC = "test.batch-poison.v1";
  static final String GARBAGE_TOPIC = "test.batch-garbage.v1";
  static final String REDELIVERED_TOPIC = "test.batch-redelivered.v1";
  static final String TYPE = "kitepkana.test.thing.changed";

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(BatchThingsProjector.class)
  static class App {
    @Bean
    NewTopic batchPoisonTopic() {
      return new NewTopic(POISON_TOPIC, 1, (short) 1);
    }

    @Bean
    NewTopic batchGarbageTopic() {
      return new NewTopic(GARBAGE_TOPIC, 1, (short) 1);
    }

    @Bean
    NewTopic batchRedeliveredTopic() {
      return new NewTopic(REDELIVERED_TOPIC, 1, (short) 1);
    }
  }

  /**
   * A read model of things fed in batches. Applying is deliberately not idempotent by itself (it
   * increments a counter), so an event applied twice shows; a batch holding an event whose body
   * asks it to fail cannot be applied, nor can that event alone.
   */
  static class BatchThingsProjector {
    static final String CONSUMER = "batch-things-projector";

    private final ProcessedEvents processed;
    private final MongoCollection<Document> things;
    private final JsonMapper json;
    final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    final Map<String, List<Integer>> batchSizes = new ConcurrentHashMap<>();

    BatchThingsProjector(ProcessedEvents processed, MongoDatabase database, JsonMapper json) {
      this.processed = processed;
      this.things = database.getCollection("batch_things");
      this.json = json;
    }

    record Thing(String eventId, String subject, String title, boolean fail) {}

    @KafkaListener(
        id = "batch-poison",
        topics = POISON_TOPIC,
        groupId = CONSUMER,
        autoStartup = "false",
        containerFactory = KafkaConsumerConfiguration.BATCH_FACTORY)
    void poison(List<ConsumerRecord<String, CloudEvent>> records) {
      on(POISON_TOPIC, records);
    }

    @KafkaListener(
        id = "batch-garbage",
        topics = GARBAGE_TOPIC,
        groupId = CONSUMER,
        autoStartup = "false",
        containerFactory = KafkaConsumerConfiguration.BATCH_FACTORY)
    void garbage(List<ConsumerRecord<String, CloudEvent>> records) {
      on(GARBAGE_TOPIC, records);
    }

    @KafkaListener(
        id = "batch-redelivered",
        topics = REDELIVERED_TOPIC,
        groupId = CONSUMER,
        autoStartup = "false",
        containerFactory = KafkaConsumerConfiguration.BATCH_FACTORY)
    void redelivered(List<ConsumerRecord<String, CloudEvent>> records) {
      on(REDELIVERED_TOPIC, records);
    }

    private void on(String topic, List<ConsumerRecord<String, CloudEvent>> records) {
      batchSizes.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(records.size());
      EventBatches.apply(
          records,
          event -> {
            reads.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            ThingChanged body = json.readValue(event.json(), ThingChanged.class);
            return new Thing(event.id(), event.subject(), body.title(), body.fail());
          },
          batch -> processed.applyOnce(CONSUMER, batch, Thing::eventId, this::applyAll));
    }

    private void applyAll(List<Thing> batch) {
      if (batch.stream().anyMatch(Thing::fail)) {
        throw new IllegalStateException(
            "cannot apply "
                + batch.stream().filter(Thing::fail).findFirst().orElseThrow().eventId());
      }
      things.bulkWrite(
          batch.stream()
              .map(
                  t ->
                      new UpdateOneModel<Document>(
                          Filters.eq("_id", t.subject()),
                          Updates.combine(
                              Updates.inc("applied", 1), Updates.set("title", t.title())),
                          new UpdateOptions().upsert(true)))
              .toList());
    }

    Document thing(String id) {
      return things.find(Filters.eq("_id", id)).first();
    }

    int reads(String eventId) {
      AtomicInteger count = reads.get(eventId);
      return count == null ? 0 : count.get();
    }
  }

  /** The body of a test event; {@code fail} makes the projector throw. */
  record ThingChanged(String title, boolean fail) {}

  @Autowired CloudEventPublisher publisher;
  @Autowired EventEnvelopes envelopes;
  @Autowired BatchThingsProjector projector;
  @Autowired ProcessedEvents processed;
  @Autowired MeterRegistry meters;
  @Autowired KafkaListenerEndpointRegistry listeners;

  @Test
  void aPoisonEventInABatchGoesAloneToTheDeadLetterTopicAndItsNeighboursAreApplied() {
    try (KafkaTestConsumer deadLetters =
        new KafkaTestConsumer(EmbeddedInfrastructure.kafkaBootstrap(), POISON_TOPIC + ".dlt")) {
      EventEnvelope before1 = envelope(POISON_TOPIC, "before-1", "Манас", false);
      EventEnvelope before2 = envelope(POISON_TOPIC, "before-2", "Семетей", false);
      EventEnvelope poison = envelope(POISON_TOPIC, "poison", "Курманбек", true);
      EventEnvelope after1 = envelope(POISON_TOPIC, "after-1", "Сейтек", false);
      EventEnvelope after2 = envelope(POISON_TOPIC, "after-2", "Эр Төштүк", false);
      sendAll(before1, before2, poison, after1, after2);
      listeners.getListenerContainer("batch-poison").start();

      await()
          .untilAsserted(
              () -> {
                assertThat(projector.thing("after-2")).isNotNull();
                assertThat(projector.thing("after-1")).isNotNull();
              });
      assertThat(projector.batchSizes.get(POISON_TOPIC).get(0)).isEqualTo(5);
      for (String subject : List.of("before-1", "before-2", "after-1", "after-2")) {
        assertThat(projector.thing(subject).getInteger("applied")).as(subject).isEqualTo(1);
      }
      assertThat(projector.thing("poison")).isNull();
      // the first delivery and two retries (kitepkana.kafka.retry.retries=2), then no more
      assertThat(projector.reads(poison.id())).isEqualTo(3);
      // the events before the poison were committed with the first failure, never read again
      assertThat(projector.reads(before1.id())).isEqualTo(1);
      assertThat(processed.seen(BatchThingsProjector.CONSUMER, poison.id())).isFalse();

      Seen dead = awaitOne(deadLetters);
      assertThat(dead.key()).isEqualTo("poison");
      assertThat(dead.body()).isEqualTo(poison.data());
      assertThat(dead.header("ce_id")).isEqualTo(poison.id());
      assertThat(dead.header("ce_type")).isEqualTo(TYPE);
      assertThat(dead.header("kafka_dlt-original-topic")).isEqualTo(POISON_TOPIC);
      assertThat(dead.header("kafka_dlt-exception-message")).contains(poison.id());
      await().until(() -> deadLetters(POISON_TOPIC) == 1.0);
    }
  }

  @Test
  void aRecordThatIsNoCloudEventInABatchGoesToTheDeadLetterTopicAndItsNeighboursAreApplied()
      throws Exception {
    try (KafkaTestConsumer deadLetters =
            new KafkaTestConsumer(EmbeddedInfrastructure.kafkaBootstrap(), GARBAGE_TOPIC + ".dlt");
        KafkaProducer<String, byte[]> raw = rawProducer()) {
      sendAll(envelope(GARBAGE_TOPIC, "before-garbage", "Жаңыл Мырза", false));
      raw.send(
              new ProducerRecord<>(
                  GARBAGE_TOPIC,
                  "garbage-1",
                  "not a CloudEvent, just Манас".getBytes(StandardCharsets.UTF_8)))
          .get(10, TimeUnit.SECONDS);
      sendAll(envelope(GARBAGE_TOPIC, "after-garbage", "Кожожаш", false));
      listeners.getListenerContainer("batch-garbage").start();

      await()
          .untilAsserted(
              () -> {
                assertThat(projector.thing("before-garbage")).isNotNull();
                assertThat(projector.thing("after-garbage")).isNotNull();
              });
      assertThat(projector.batchSizes.get(GARBAGE_TOPIC).get(0)).isEqualTo(3);
      assertThat(projector.thing("before-garbage").getInteger("applied")).isEqualTo(1);
      assertThat(projector.thing("after-garbage").getInteger("applied")).isEqualTo(1);

      Seen dead = awaitOne(deadLetters);
      assertThat(dead.key()).isEqualTo("garbage-1");
      assertThat(dead.body()).isEqualTo("not a CloudEvent, just Манас");
      assertThat(dead.header("kafka_dlt-original-topic")).isEqualTo(GARBAGE_TOPIC);
      assertThat(dead.headers())
          .containsKeys("kafka_dlt-original-partition", "kafka_dlt-original-offset");
      await().until(() -> deadLetters(GARBAGE_TOPIC) == 1.0);
    }
  }

  @Test
  void aBatchDeliveredAgainAndEventsTwiceInOneBatchApplyNothingTwice() {
    EventEnvelope first = envelope(REDELIVERED_TOPIC, "again-1", "Олжобай", false);
    EventEnvelope second = envelope(REDELIVERED_TOPIC, "again-2", "Кишимжан", false);
    // an earlier delivery of the first event, applied and remembered before this batch arrives
    processed.applyOnce(
        BatchThingsProjector.CONSUMER,
        List.of(new BatchThingsProjector.Thing(first.id(), first.subject(), "Олжобай", false)),
        BatchThingsProjector.Thing::eventId,
        batch -> projector.applyAll(batch));
    // the whole batch again, each event twice in it
    sendAll(first, second, first, second);
    EventEnvelope last = envelope(REDELIVERED_TOPIC, "again-last", "Бакай", false);
    sendAll(last);
    listeners.getListenerContainer("batch-redelivered").start();

    await().untilAsserted(() -> assertThat(projector.thing("again-last")).isNotNull());
    assertThat(projector.batchSizes.get(REDELIVERED_TOPIC).get(0)).isEqualTo(5);
    assertThat(projector.thing("again-1").getInteger("applied")).isEqualTo(1);
    assertThat(projector.thing("again-2").getInteger("applied")).isEqualTo(1);
    assertThat(projector.thing("again-last").getInteger("applied")).isEqualTo(1);
    assertThat(projector.reads(first.id())).isEqualTo(2);
    assertThat(processed.seen(BatchThingsProjector.CONSUMER, List.of(first.id(), second.id())))
        .containsExactlyInAnyOrder(first.id(), second.id());
    assertThat(deadLetters(REDELIVERED_TOPIC)).isZero();
  }

  // ---- helpers ----

  private EventEnvelope envelope(String topic, String subject, String title, boolean fail) {
    return envelopes.create(topic, subject, TYPE, new ThingChanged(title, fail));
  }

  private void sendAll(EventEnvelope... events) {
    for (EventEnvelope event : events) {
      assertThat(publisher.send(event)).succeedsWithin(Duration.ofSeconds(10));
    }
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
