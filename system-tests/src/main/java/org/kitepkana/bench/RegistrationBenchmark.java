package org.kitepkana.bench;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.bson.Document;
import org.kitepkana.devstack.Devstack;

/**
 * The registration benchmark: on a fresh devstack, {@code --clients} concurrent clients register
 * readers through the gateway for library events with limited seats (so most end on waitlists, the
 * contended path), then every event's seats are checked: confirmed registrations never exceed the
 * capacity (overbookings, which must be 0), and every accepted registration is either confirmed or
 * waitlisted. Prints the rate and latency next to the raw store rate of the same store operations
 * done straight through the driver. Prints figures; asserts nothing.
 *
 * <p>Usage: {@code bin/bench-registrations [--registrations 5000] [--clients 50] [--events 20]
 * [--capacity 100] [--memory]}
 */
public final class RegistrationBenchmark {

  private static final Pattern EVENT_ID = Pattern.compile("\"eventId\":\"([0-9A-Z]{26})\"");
  private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");

  private final int registrations;
  private final int clients;
  private final int events;
  private final int capacity;
  private final boolean memory;

  /** A coordinator's token from the devstack issuer, sent with every write. */
  private String bearer = "";

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  RegistrationBenchmark(Map<String, String> args) {
    registrations = Integer.parseInt(args.getOrDefault("registrations", "5000"));
    clients = Integer.parseInt(args.getOrDefault("clients", "50"));
    events = Integer.parseInt(args.getOrDefault("events", "20"));
    capacity = Integer.parseInt(args.getOrDefault("capacity", "100"));
    memory = args.containsKey("memory");
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = BenchSupport.args(argv);
    new RegistrationBenchmark(args).run();
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
      String branch = branch(gateway);
      List<String> eventIds = new ArrayList<>();
      for (int i = 0; i < events; i++) {
        eventIds.add(event(gateway, branch, "зал " + i, capacity));
      }
      register(gateway, event(gateway, branch, "жылытуу залы", 50), 200, "warm-up");

      Histogram latency = new Histogram(60_000_000_000L, 3);
      Map<String, AtomicInteger> accepted = new HashMap<>();
      eventIds.forEach(id -> accepted.put(id, new AtomicInteger()));
      AtomicLong failed = new AtomicLong();
      AtomicLong confirmedAnswers = new AtomicLong();
      AtomicInteger next = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      long t0 = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        done.add(
            pool.submit(
                () -> {
                  for (int n = next.getAndIncrement();
                      n < registrations;
                      n = next.getAndIncrement()) {
                    String eventId = eventIds.get(n % eventIds.size());
                    long start = System.nanoTime();
                    HttpResponse<String> r = registerOne(gateway, eventId, n);
                    long took = System.nanoTime() - start;
                    synchronized (latency) {
                      latency.recordValue(took);
                    }
                    if (r.statusCode() == 201) {
                      accepted.get(eventId).incrementAndGet();
                      if (r.body().contains("\"status\":\"CONFIRMED\"")) {
                        confirmedAnswers.incrementAndGet();
                      }
                    } else {
                      failed.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      double seconds = (System.nanoTime() - t0) / 1e9;
      long ok = accepted.values().stream().mapToLong(AtomicInteger::get).sum();

      Check check = check(gateway, eventIds, accepted);
      double rate = ok / seconds;
      System.out.printf(
          "registrations: %,d accepted (%,d confirmed, %,d waitlisted), %,d failed in %.1f s ="
              + " %,.0f registrations/s through the gateway (%d clients, %d events of %d seats)%n",
          ok,
          confirmedAnswers.get(),
          ok - confirmedAnswers.get(),
          failed.get(),
          seconds,
          rate,
          clients,
          events,
          capacity);
      System.out.printf(
          "latency: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          latency.getValueAtPercentile(50) / 1e6,
          latency.getValueAtPercentile(90) / 1e6,
          latency.getValueAtPercentile(99) / 1e6,
          latency.getMaxValue() / 1e6);
      System.out.printf(
          "overbookings: %d (confirmed beyond capacity, by the attendee lists and by the seat"
              + " counters); lost or unaccounted registrations: %d; duplicate arrival numbers: %d%n",
          check.overbooked, check.unaccounted, check.duplicateArrivals);

      double raw = rawStoreRate(stack, ok);
      System.out.printf(
          "raw store: the same operations per registration (insert, guarded findOneAndUpdate on"
              + " the seats, status update) straight through the driver with %d threads:"
              + " %,.0f registrations/s; the gateway path reaches %.1f%% of it%n",
          clients, raw, 100 * rate / raw);
    }
  }

  private record Check(long overbooked, long unaccounted, long duplicateArrivals) {}

  /** Reads every event's counters and attendee list back through the gateway. */
  private Check check(String gateway, List<String> eventIds, Map<String, AtomicInteger> accepted)
      throws Exception {
    long overbooked = 0;
    long unaccounted = 0;
    long duplicates = 0;
    for (String id : eventIds) {
      String event = get(gateway + "/api/events/" + id);
      int registered = number(event, "registered");
      int waitlisted = number(event, "waitlisted");
      String list = get(gateway + "/api/events/" + id + "/registrations");
      int confirmedDocs = 0;
      int waitingDocs = 0;
      Matcher m = STATUS.matcher(list);
      while (m.find()) {
        if ("CONFIRMED".equals(m.group(1))) {
          confirmedDocs++;
        } else if ("WAITLISTED".equals(m.group(1))) {
          waitingDocs++;
        }
      }
      overbooked += Math.max(0, Math.max(confirmedDocs, registered) - capacity);
      int expected = accepted.get(id).get();
      unaccounted += Math.abs(expected - (confirmedDocs + waitingDocs));
      unaccounted += Math.abs(expected - (registered + waitlisted));
      Set<String> arrivals = new HashSet<>();
      Matcher a = Pattern.compile("\"arrival\":(\\d+)").matcher(list);
      while (a.find()) {
        if (!arrivals.add(a.group(1))) {
          duplicates++;
        }
      }
    }
    return new Check(overbooked, unaccounted, duplicates);
  }

  private double rawStoreRate(Devstack stack, long count) throws Exception {
    try (var client = MongoClients.create(stack.mongoUri("bench_raw"))) {
      var db = client.getDatabase("bench_raw");
      MongoCollection<Document> events = db.getCollection("events");
      MongoCollection<Document> regs = db.getCollection("registrations");
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < this.events; i++) {
        String id = "raw-" + i;
        events.insertOne(
            new Document("_id", id)
                .append("status", "SCHEDULED")
                .append("registrationRequired", true)
                .append(
                    "seats",
                    new Document("left", capacity)
                        .append("seq", 0L)
                        .append("confirmed", 0)
                        .append("waitlisted", 0)
                        .append("waitlist", List.of())));
        ids.add(id);
      }
      AtomicInteger next = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      long t0 = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        done.add(
            pool.submit(
                () -> {
                  for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    String event = ids.get(n % ids.size());
                    String reg = UUID.randomUUID().toString();
                    regs.insertOne(
                        new Document("_id", reg)
                            .append("eventId", event)
                            .append("name", "Demo: Окурман " + n)
                            .append("contact", "+996 000 000 " + n % 1000)
                            .append("status", "PENDING"));
                    Document seat =
                        events.findOneAndUpdate(
                            Filters.and(
                                Filters.eq("_id", event),
                                Filters.gt("seats.left", 0),
                                Filters.exists("seats.waitlist.0", false)),
                            Updates.combine(
                                Updates.inc("seats.left", -1),
                                Updates.inc("seats.confirmed", 1),
                                Updates.inc("seats.seq", 1L)),
                            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                    if (seat == null) {
                      events.findOneAndUpdate(
                          Filters.eq("_id", event),
                          Updates.combine(
                              Updates.inc("seats.seq", 1L),
                              Updates.inc("seats.waitlisted", 1),
                              Updates.push("seats.waitlist", reg)),
                          new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                    }
                    regs.updateOne(
                        Filters.and(Filters.eq("_id", reg), Filters.eq("status", "PENDING")),
                        Updates.set("status", seat == null ? "WAITLISTED" : "CONFIRMED"));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      return count / ((System.nanoTime() - t0) / 1e9);
    }
  }

  private String branch(String gateway) throws Exception {
    post(
        gateway + "/api/catalog/branches",
        "{\"id\":\"bench-oblast\",\"name\":\"Bench oblast\",\"type\":\"REGIONAL\",\"parentId\":null,\"languages\":[\"ky\",\"ru\"]}",
        Set.of(201, 409));
    post(
        gateway + "/api/catalog/branches",
        "{\"id\":\"bench-branch\",\"name\":\"Bench branch\",\"type\":\"DISTRICT\",\"parentId\":\"bench-oblast\",\"languages\":[\"ky\",\"ru\"]}",
        Set.of(201, 409));
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!get(gateway + "/api/events/directory/branches").contains("\"bench-branch\"")) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("events-service never learned the branch from Kafka");
      }
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
    return "bench-branch";
  }

  private String event(String gateway, String branch, String room, int seats) throws Exception {
    String day = LocalDate.now(ZoneId.of("Asia/Bishkek")).plusDays(30).toString();
    String body =
        ("{\"title\":{\"ky\":\"Бенчмарк\"},\"type\":\"LECTURE\",\"audience\":\"ADULTS\","
                + "\"branchId\":\"%s\",\"room\":\"%s\",\"start\":\"%sT10:00:00+06:00\","
                + "\"end\":\"%sT12:00:00+06:00\",\"capacity\":%d}")
            .formatted(branch, room, day, day, seats);
    Matcher m = EVENT_ID.matcher(post(gateway + "/api/events", body, Set.of(201)));
    if (!m.find()) {
      throw new IllegalStateException("no event id in the answer");
    }
    return m.group(1);
  }

  private void register(String gateway, String eventId, int n, String what) throws Exception {
    for (int i = 0; i < n; i++) {
      if (registerOne(gateway, eventId, 1_000_000 + i).statusCode() != 201) {
        throw new IllegalStateException(what + " registration failed");
      }
    }
  }

  private HttpResponse<String> registerOne(String gateway, String eventId, int n) throws Exception {
    String body =
        "{\"name\":\"Demo: Окурман %d\",\"phone\":\"+996 000 %06d\"}".formatted(n, n % 1_000_000);
    return http.send(
        HttpRequest.newBuilder(URI.create(gateway + "/api/events/" + eventId + "/registrations"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Authorization", bearer)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String post(String url, String body, Set<Integer> expected) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (!expected.contains(r.statusCode())) {
      throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  private String get(String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static int number(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + field + " in " + json);
    }
    return Integer.parseInt(m.group(1));
  }
}
