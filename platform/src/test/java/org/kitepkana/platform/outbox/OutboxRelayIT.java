package org.kitepkana.platform.outbox;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.kitepkana.platform.events.EventEnvelope;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructure;
import org.kitepkana.platform.testsupport.KafkaTestConsumer;
import org.kitepkana.platform.testsupport.KafkaTestConsumer.Seen;

/** The outbox relay against the embedded store and broker. */
class OutboxRelayIT extends OutboxRelayContract {

  /**
   * A producer that gives up quickly when nobody answers. The defaults (5 s per blocked send) would
   * only make the outage tests slow; what they prove does not depend on the timeouts.
   */
  private static final Map<String, Object> FAIL_FAST =
      Map.of(
          ProducerConfig.MAX_BLOCK_MS_CONFIG, 150,
          ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 200,
          ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300);

  @Override
  protected String mongoUri() {
    return EmbeddedInfrastructure.freshMongoUri();
  }

  @Override
  protected String kafkaBootstrap() {
    return EmbeddedInfrastructure.kafkaBootstrap();
  }

  @Test
  void publishesEventsWrittenWhileNoRelayRanThroughTheSweepAfterStart() {
    KafkaTestConsumer consumer = consumer();
    // Written, then the process died before it could wake a relay.
    Map<String, List<String>> written = new LinkedHashMap<>();
    for (int i = 1; i <= 5; i++) {
      String id = "orphan-" + i;
      written.put(id, ids(change(id, "v1", thing("Кыргыз эл жомоктору", 1), thing("Манас", 2))));
    }

    startRelay("relay-after-restart", kafkaBootstrap(), Duration.ofMinutes(10));

    awaitRecords(consumer, 10);
    assertOrderPerAggregate(noMoreThan(consumer, 10), written);
    await().untilAsserted(() -> assertThat(pendingEvents()).isZero());
  }

  @Test
  void twoRelaysWokenForTheSameDocumentsPublishEachEventExactlyOnce() {
    KafkaTestConsumer consumer = consumer();
    SimpleMeterRegistry registryA = new SimpleMeterRegistry();
    SimpleMeterRegistry registryB = new SimpleMeterRegistry();
    OutboxRelay a =
        startRelay(
            "relay-a",
            publisher(kafkaBootstrap(), Map.of()),
            properties(Duration.ofMillis(100), Duration.ofSeconds(60)),
            new OutboxMetrics(registryA));
    OutboxRelay b =
        startRelay(
            "relay-b",
            publisher(kafkaBootstrap(), Map.of()),
            properties(Duration.ofMillis(100), Duration.ofSeconds(60)),
            new OutboxMetrics(registryB));

    Map<String, List<String>> written = new LinkedHashMap<>();
    for (int batch = 0; batch < 10; batch++) {
      List<String> batchIds = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String id = "shared-" + batch + "-" + i;
        batchIds.add(id);
        written.put(
            id, ids(change(id, "v1", thing("Алып", 1), thing("Берүү", 2), thing("Кайтаруу", 3))));
      }
      a.wake(COLLECTION, batchIds);
      b.wake(COLLECTION, batchIds);
    }

    awaitRecords(consumer, 600);
    List<Seen> seen = noMoreThan(consumer, 600);
    assertOrderPerAggregate(seen, written);
    assertThat(seen).extracting(s -> s.header("ce_id")).doesNotHaveDuplicates().hasSize(600);
    await()
        .untilAsserted(
            () -> {
              assertThat(published(registryA) + published(registryB)).isEqualTo(600);
              assertThat(pendingEvents()).isZero();
              assertThat(leasedDocuments()).isZero();
            });
  }

  @Test
  void keepsEventsPendingWhileKafkaIsUnreachableAndAnotherRelayPublishesThemAllLater()
      throws IOException {
    KafkaTestConsumer consumer = consumer();
    Map<String, List<String>> written = new LinkedHashMap<>();
    for (int i = 1; i <= 3; i++) {
      String id = "outage-" + i;
      written.put(id, ids(change(id, "v1", thing("Саякбай", 1), thing("Сагымбай", 2))));
    }
    SimpleMeterRegistry deadRegistry = new SimpleMeterRegistry();
    OutboxRelay stranded =
        startRelay(
            "relay-without-kafka",
            publisher(deadBootstrap(), FAIL_FAST),
            properties(Duration.ofMillis(100), Duration.ofSeconds(2)),
            new OutboxMetrics(deadRegistry));
    stranded.wake(COLLECTION, written.keySet());

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> counter(deadRegistry, "kitepkana.outbox.publish.failures") >= 2);
    assertThat(pendingEvents()).isEqualTo(6);
    assertThat(counter(deadRegistry, "kitepkana.outbox.published")).isZero();
    stranded.stop();
    assertThat(consumer.poll()).isEmpty();

    startRelay("relay-with-kafka", kafkaBootstrap(), Duration.ofMillis(100));

    awaitRecords(consumer, 6);
    assertOrderPerAggregate(noMoreThan(consumer, 6), written);
    await()
        .untilAsserted(
            () -> {
              assertThat(pendingEvents()).isZero();
              assertThat(leasedDocuments()).isZero();
            });
  }

  @Test
  void keepsOrderPerAggregateWhenAppendsInterleaveWithRelayRounds() throws Exception {
    KafkaTestConsumer consumer = consumer();
    OutboxRelay relay = startRelay("relay-busy", kafkaBootstrap(), Duration.ofMillis(50));
    Map<String, List<String>> written = new ConcurrentHashMap<>();
    List<Callable<Void>> writers =
        IntStream.range(0, 12)
            .<Callable<Void>>mapToObj(
                a ->
                    () -> {
                      String id = "busy-" + a;
                      List<String> ids = new ArrayList<>();
                      int seq = 0;
                      for (int step = 0; step < 25; step++) {
                        List<EventEnvelope> events =
                            step % 3 == 0
                                ? change(id, "step-" + step, thing("т", seq++), thing("т", seq++))
                                : change(id, "step-" + step, thing("т", seq++));
                        ids.addAll(ids(events));
                        relay.wake(COLLECTION, id);
                      }
                      written.put(id, ids);
                      return null;
                    })
            .toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (Future<Void> done : pool.invokeAll(writers)) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }
    int total = written.values().stream().mapToInt(List::size).sum();

    awaitRecords(consumer, total);
    List<Seen> seen = noMoreThan(consumer, total);
    assertOrderPerAggregate(seen, written);
    seen.stream()
        .collect(groupingBy(Seen::key, mapping(OutboxRelayContract::seq, toList())))
        .forEach(
            (key, seqs) ->
                assertThat(seqs)
                    .as(key)
                    .isEqualTo(IntStream.range(0, seqs.size()).boxed().toList()));
  }

  @Test
  void reportsTheBacklogOfDocumentsWithPendingEventsAsOfTheLastSweep() throws IOException {
    for (int i = 1; i <= 4; i++) {
      change("backlog-" + i, "v1", thing("Курманжан датка", 1), thing("Алымбек датка", 2));
    }
    SimpleMeterRegistry deadRegistry = new SimpleMeterRegistry();
    OutboxMetrics deadMetrics = new OutboxMetrics(deadRegistry);
    OutboxRelay stranded =
        startRelay(
            "relay-without-kafka",
            publisher(deadBootstrap(), FAIL_FAST),
            properties(Duration.ofMillis(100), Duration.ofSeconds(2)),
            deadMetrics);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(gauge(deadRegistry, "kitepkana.outbox.backlog")).isEqualTo(4.0);
              assertThat(gauge(deadRegistry, "kitepkana.outbox.oldest.age.ms")).isPositive();
            });
    assertThat(deadMetrics.backlog(COLLECTION)).isEqualTo(4);
    stranded.stop();

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    startRelay(
        "relay-with-kafka",
        publisher(kafkaBootstrap(), Map.of()),
        properties(Duration.ofMillis(100), Duration.ofSeconds(60)),
        new OutboxMetrics(registry));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(counter(registry, "kitepkana.outbox.published")).isEqualTo(8.0);
              assertThat(gauge(registry, "kitepkana.outbox.backlog")).isZero();
              assertThat(gauge(registry, "kitepkana.outbox.oldest.age.ms")).isZero();
            });
  }

  // ---- helpers ----

  private static ThingChanged thing(String title, int seq) {
    return new ThingChanged(title, "Нарын", seq);
  }

  /** Waits a little longer and proves that no further record (a duplicate) arrives. */
  private static List<Seen> noMoreThan(KafkaTestConsumer consumer, int count) {
    return await()
        .during(Duration.ofMillis(600))
        .atMost(Duration.ofSeconds(10))
        .until(consumer::poll, seen -> seen.size() == count);
  }

  /** Exactly the written events, each once, and in write order within each aggregate. */
  private static void assertOrderPerAggregate(List<Seen> seen, Map<String, List<String>> written) {
    Map<String, List<String>> byKey =
        seen.stream()
            .collect(
                groupingBy(
                    Seen::key, LinkedHashMap::new, mapping(s -> s.header("ce_id"), toList())));
    assertThat(byKey).isEqualTo(written);
  }

  /** An address where nothing listens: the port was free a moment ago and is closed again. */
  private static String deadBootstrap() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "127.0.0.1:" + socket.getLocalPort();
    }
  }

  private static double counter(MeterRegistry registry, String name) {
    Counter counter = registry.find(name).counter();
    return counter == null ? 0 : counter.count();
  }

  private static long published(MeterRegistry registry) {
    return (long) counter(registry, "kitepkana.outbox.published");
  }

  private static double gauge(MeterRegistry registry, String name) {
    Gauge gauge = registry.find(name).tag("collection", COLLECTION).gauge();
    return gauge == null ? -1 : gauge.value();
  }
}
