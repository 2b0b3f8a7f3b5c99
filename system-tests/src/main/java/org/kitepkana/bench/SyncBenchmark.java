package org.kitepkana.bench;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.kitepkana.devstack.Devstack;
import org.kitepkana.devstack.DevstackClasspath;

/**
 * The sync benchmark: on a fresh devstack, pushes holdings through the gateway in batches of 500
 * and prints the rate next to Kafka's own producer tool and the raw store rate measured in the same
 * run, then write-to-consumer latency at a fixed arrival rate. Prints figures; asserts nothing.
 *
 * <p>Usage: {@code bin/bench-sync [--holdings 100000] [--batch 500] [--senders 4] [--memory]
 * [--latency-rate 500] [--latency-seconds 20]}
 */
public final class SyncBenchmark {

  private static final Pattern ITEM_ID = Pattern.compile("\"itemId\":\"(lat-[0-9]+)\"");

  private final int holdings;
  private final int batchSize;
  private final int senders;
  private final boolean memory;
  private final int latencyRate;
  private final int latencySeconds;

  /** A coordinator's token from the devstack issuer, sent with every write. */
  private String bearer = "";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicLong resends = new AtomicLong();

  SyncBenchmark(Map<String, String> args) {
    holdings = Integer.parseInt(args.getOrDefault("holdings", "100000"));
    batchSize = Integer.parseInt(args.getOrDefault("batch", "500"));
    senders = Integer.parseInt(args.getOrDefault("senders", "4"));
    memory = args.containsKey("memory");
    latencyRate = Integer.parseInt(args.getOrDefault("latency-rate", "500"));
    latencySeconds = Integer.parseInt(args.getOrDefault("latency-seconds", "20"));
  }

  public static void main(String[] argv) throws Exception {
    new SyncBenchmark(BenchSupport.args(argv)).run();
    System.exit(0);
  }

  void run() throws Exception {
    Path dir = Files.createTempDirectory("kitepkana-bench-");
    try (Devstack stack =
        BenchSupport.startStack(dir, memory, Devstack.DEFAULT_SERVICE_JVM_FLAGS)) {
      String gateway = stack.gatewayUrl();
      bearer = "Bearer " + stack.token("coordinator");
      System.out.printf(
          "devstack up (store: %s), gateway %s%n", memory ? "memory" : "H2 file", gateway);
      List<String> branches = registerBranches(gateway);

      EventCounter counter = new EventCounter(stack.kafkaBootstrap());
      counter.start();
      long t0 = System.nanoTime();
      long acknowledged = pushHoldings(gateway, branches);
      double ackSeconds = (System.nanoTime() - t0) / 1e9;
      long expectedEvents = counter.awaitQuiet(Duration.ofSeconds(5), Duration.ofMinutes(10));
      double e2eSeconds = (counter.lastArrivalNanos() - t0) / 1e9;
      counter.stop();

      double rate = acknowledged / ackSeconds;
      System.out.printf(
          "sync: %,d holdings acknowledged in %.1f s = %,.0f holdings/s (batches of %d, %d senders; %d batches resent after a 5xx or timeout)%n",
          acknowledged, ackSeconds, rate, batchSize, senders, resends.get());
      System.out.printf(
          "      %,d events on catalog.records.v1, last one %.1f s after start = %,.0f holdings/s end to end; mean event %d bytes%n",
          expectedEvents, e2eSeconds, acknowledged / e2eSeconds, counter.meanSize());

      double producerRate =
          producerPerformance(stack, (int) Math.max(expectedEvents, holdings), counter.meanSize());
      System.out.printf(
          "kafka ProducerPerformance (%,d records of %d bytes, acks=all, idempotent, linger.ms=2, batch.size=131072): %,.0f records/s%n",
          Math.max(expectedEvents, holdings), counter.meanSize(), producerRate);
      System.out.printf(
          "ratio: sync holdings/s / producer records/s = %.1f%% (events/s: %.1f%%)%n",
          100 * rate / producerRate, 100 * (expectedEvents / e2eSeconds) / producerRate);

      double storeRate = rawStoreRate(stack, holdings);
      System.out.printf(
          "raw store: %,d record documents bulk-upserted through the driver in batches of %d: %,.0f docs/s; sync reaches %.1f%% of it%n",
          holdings, batchSize, storeRate, 100 * rate / storeRate);

      latency(gateway, branches.get(0), stack.kafkaBootstrap());
    }
  }

  private List<String> registerBranches(String gateway) throws Exception {
    String regional = "bench-oblast";
    post(gateway + "/api/catalog/branches", branchJson(regional, "REGIONAL", null));
    List<String> branches = new ArrayList<>();
    for (int i = 0; i < Math.max(senders, 8); i++) {
      String id = "bench-branch-" + i;
      post(gateway + "/api/catalog/branches", branchJson(id, "VILLAGE", regional));
      branches.add(id);
    }
    return branches;
  }

  /** Each branch holds its share of the holdings; books repeat across branches (5 holders each). */
  private long pushHoldings(String gateway, List<String> branches) throws Exception {
    int batches = (holdings + batchSize - 1) / batchSize;
    AtomicLong acknowledged = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    List<Future<?>> done = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      final int sender = s;
      done.add(
          pool.submit(
              () -> {
                for (int b = sender; b < batches; b += senders) {
                  String branch = branches.get(b % branches.size());
                  StringBuilder items = new StringBuilder("{\"items\":[");
                  int first = b * batchSize;
                  int last = Math.min(holdings, first + batchSize);
                  for (int h = first; h < last; h++) {
                    int book = h / 5;
                    items
                        .append(h == first ? "" : ",")
                        .append(
                            "{\"op\":\"UPSERT\",\"itemId\":\"inv-%d\",\"callNumber\":\"84(2Ки)%d\",\"copies\":%d,\"location\":\"абонемент\",\"description\":{\"title\":\"Китеп №%d: Манас жана башкалар\",\"authors\":[\"Автор%d, Аты\"],\"year\":%d,\"language\":\"ky\",\"publisher\":\"Бийиктик\",\"kind\":\"BOOK\"}}"
                                .formatted(
                                    h, book % 100, 1 + h % 3, book, book % 997, 1950 + book % 70));
                  }
                  items.append("]}");
                  String url =
                      gateway + "/api/catalog/branches/" + branch + "/sync-batches/bench-" + b;
                  // A branch resends a batch that timed out or failed: same id, so it is safe.
                  int status = put(url, items.toString());
                  while (status >= 500 || status < 0) {
                    resends.incrementAndGet();
                    LockSupport.parkNanos(Duration.ofSeconds(1).toNanos()); // as Retry-After asks
                    status = put(url, items.toString());
                  }
                  if (status != 200) {
                    throw new IllegalStateException("batch " + b + " answered " + status);
                  }
                  acknowledged.addAndGet(last - first);
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    return acknowledged.get();
  }

  private double producerPerformance(Devstack stack, int records, int size) throws Exception {
    List<String> command =
        List.of(
            DevstackClasspath.javaExecutable(),
            "-Xmx512m",
            "-cp",
            DevstackClasspath.resolve(stack.repoRoot()),
            "org.apache.kafka.tools.ProducerPerformance",
            "--topic",
            "bench.raw." + UUID.randomUUID().toString().substring(0, 8),
            "--num-records",
            String.valueOf(records),
            "--record-size",
            String.valueOf(size),
            "--throughput",
            "-1",
            "--producer-props",
            "bootstrap.servers=" + stack.kafkaBootstrap(),
            "acks=all",
            "enable.idempotence=true",
            "linger.ms=2",
            "batch.size=131072",
            "max.in.flight.requests.per.connection=5");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    Matcher m = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec").matcher(out);
    String last = null;
    while (m.find()) {
      last = m.group(2);
    }
    if (last == null) {
      throw new IllegalStateException("ProducerPerformance printed no summary:\n" + out);
    }
    return Double.parseDouble(last);
  }

  private double rawStoreRate(Devstack stack, int count) {
    try (var client = MongoClients.create(stack.mongoUri("bench_raw"))) {
      var coll = client.getDatabase("bench_raw").getCollection("records");
      long t0 = System.nanoTime();
      List<WriteModel<Document>> batch = new ArrayList<>();
      for (int h = 0; h < count; h++) {
        Document doc =
            new Document("_id", "raw-" + h)
                .append("version", 1L)
                .append("kind", "BOOK")
                .append("title", "Китеп №" + h + ": Манас жана башкалар")
                .append("authors", List.of("Автор" + h % 997 + ", Аты"))
                .append("year", 1950 + h % 70)
                .append("language", "ky")
                .append("publisher", "Бийиктик")
                .append("matchKey", "kitep " + h + "|avtor|2001")
                .append(
                    "holdings",
                    List.of(
                        new Document("branchId", "bench-branch-0")
                            .append("itemId", "inv-" + h)
                            .append("callNumber", "84(2Ки)")
                            .append("copies", 1)
                            .append("location", "абонемент")
                            .append("status", "AVAILABLE")));
        batch.add(
            new ReplaceOneModel<>(
                new Document("_id", "raw-" + h), doc, new ReplaceOptions().upsert(true)));
        if (batch.size() == batchSize) {
          coll.bulkWrite(batch, new BulkWriteOptions().ordered(false));
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        coll.bulkWrite(batch, new BulkWriteOptions().ordered(false));
      }
      return count / ((System.nanoTime() - t0) / 1e9);
    }
  }

  /** Open model: writes are due at a fixed rate; latency runs from the due time to arrival. */
  private void latency(String gateway, String branch, String bootstrap) throws Exception {
    Map<String, Long> due = new ConcurrentHashMap<>();
    Histogram histogram = new Histogram(60_000_000_000L, 3);
    AtomicBoolean stop = new AtomicBoolean();
    Thread consumer =
        new Thread(
            () -> {
              try (var c = consumer(bootstrap)) {
                while (!stop.get()) {
                  for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    Matcher m = ITEM_ID.matcher(new String(r.value(), StandardCharsets.UTF_8));
                    if (m.find()) {
                      Long sent = due.remove(m.group(1));
                      if (sent != null) {
                        synchronized (histogram) {
                          histogram.recordValue(now - sent);
                        }
                      }
                    }
                  }
                }
              }
            });
    consumer.start();
    LockSupport.parkNanos(Duration.ofSeconds(3).toNanos()); // consumer joins and seeks to the end
    int total = latencyRate * latencySeconds;
    long interval = 1_000_000_000L / latencyRate;
    long start = System.nanoTime();
    AtomicLong failed = new AtomicLong();
    for (int i = 0; i < total; i++) {
      long at = start + i * interval;
      long wait = at - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      String itemId = "lat-" + i;
      due.put(itemId, at);
      String body =
          "{\"items\":[{\"op\":\"UPSERT\",\"itemId\":\"%s\",\"copies\":1,\"description\":{\"title\":\"Латенция %d\",\"authors\":[\"Өлчөөчү, Аты\"],\"year\":2026,\"language\":\"ky\"}}]}"
              .formatted(itemId, i);
      http.sendAsync(
              HttpRequest.newBuilder(
                      URI.create(
                          gateway + "/api/catalog/branches/" + branch + "/sync-batches/lat-" + i))
                  .header("Content-Type", "application/json")
                  .header("Authorization", bearer)
                  .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .thenAccept(
              r -> {
                if (r.statusCode() != 200) {
                  failed.incrementAndGet();
                }
              });
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!due.isEmpty() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    stop.set(true);
    consumer.join();
    synchronized (histogram) {
      System.out.printf(
          "latency at %d writes/s for %d s (1-item batches through the gateway, due time -> consumer): p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d arrived, %d missing, %d failed%n",
          latencyRate,
          latencySeconds,
          histogram.getValueAtPercentile(50) / 1e6,
          histogram.getValueAtPercentile(99) / 1e6,
          histogram.getMaxValue() / 1e6,
          histogram.getTotalCount(),
          due.size(),
          failed.get());
    }
  }

  private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    var c = new KafkaConsumer<String, byte[]>(props);
    c.subscribe(List.of("catalog.records.v1"));
    return c;
  }

  /** Counts events on the records topic and their sizes, from the end of the topic on. */
  private static final class EventCounter {
    private final String bootstrap;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong lastArrival = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private Thread thread;

    EventCounter(String bootstrap) {
      this.bootstrap = bootstrap;
    }

    void start() {
      thread =
          new Thread(
              () -> {
                try (var c = consumer(bootstrap)) {
                  while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
                      long size = r.value() == null ? 0 : r.value().length;
                      for (Header h : r.headers()) {
                        size += h.key().length() + (h.value() == null ? 0 : h.value().length);
                      }
                      bytes.addAndGet(size);
                      count.incrementAndGet();
                      lastArrival.set(System.nanoTime());
                    }
                  }
                }
              });
      thread.start();
      LockSupport.parkNanos(Duration.ofSeconds(3).toNanos());
    }

    /** Waits until no event arrived for {@code quiet}; returns the count. */
    long awaitQuiet(Duration quiet, Duration max) {
      long deadline = System.nanoTime() + max.toNanos();
      while (System.nanoTime() < deadline) {
        long last = lastArrival.get();
        if (last != 0 && System.nanoTime() - last > quiet.toNanos()) {
          break;
        }
        LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      }
      return count.get();
    }

    long lastArrivalNanos() {
      return lastArrival.get();
    }

    int meanSize() {
      return count.get() == 0 ? 500 : (int) (bytes.get() / count.get());
    }

    void stop() throws InterruptedException {
      stop.set(true);
      thread.join();
    }
  }

  private int put(String url, String body) throws Exception {
    try {
      return send(url, body);
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  private int send(String url, String body) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private void post(String url, String body) throws Exception {
    int status =
        http.send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .header("Authorization", bearer)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode();
    if (status != 201 && status != 409) {
      throw new IllegalStateException(url + " answered " + status);
    }
  }

  private static String branchJson(String id, String type, String parent) {
    return "{\"id\":\"%s\",\"name\":\"Китепкана %s\",\"type\":\"%s\",\"parentId\":%s,\"languages\":[\"ky\",\"ru\"]}"
        .formatted(id, id, type, parent == null ? "null" : "\"" + parent + "\"");
  }
}
