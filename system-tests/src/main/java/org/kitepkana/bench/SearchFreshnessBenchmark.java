package org.kitepkana.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.kitepkana.devstack.Devstack;

/**
 * The search freshness benchmark (issue #4 §2, "a change is searchable within one second of being
 * acknowledged"): on a fresh devstack, writes changes through the gateway at a fixed rate and
 * measures, per change, the time from the write's 200 answer to the first search through the
 * gateway that lists the record. Prints figures; asserts nothing.
 *
 * <p>Three kinds of change: a sync batch that creates a new record (NEW), a sync batch that
 * re-sends an existing item with an author its record lacked, which the record takes (COMPLETED; a
 * re-sent title never replaces the record's title, see {@code CatalogRecord.completeWith}), and a
 * coordinator's edit of an existing record's title (EDITED, {@code PUT /api/catalog/records/{id}}).
 * Every change carries one unique Latin word that the search analysers keep as one token and fold
 * to a key no other change shares.
 *
 * <p>Usage: {@code bin/bench-search-freshness [--changes 300] [--rate 10] [--memory] [--pollers 4]}
 */
public final class SearchFreshnessBenchmark {

  static final String DEFINITION =
      "ack-to-searchable = from the arrival of the write's 200 answer (the acknowledgement) at the"
          + " client to the arrival of the first answer of GET /api/catalog/search?q=<the change's"
          + " unique word> through the gateway that lists the record; each pending change is"
          + " searched every %d ms; a change not listed %d s after its acknowledgement counts as"
          + " not visible within %d s";

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final long TARGET_MICROS = 1_000_000;
  private static final String[] SYLLABLES = {
    "ba", "da", "fa", "ga", "ka", "la", "ma", "na", "pa", "ra"
  };
  private static final Pattern SEED_RECORD =
      Pattern.compile(
          "\"itemId\"\\s*:\\s*\"(seed-[0-9]+)\"[^}]*?\"recordId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern RECORD_ID = Pattern.compile("\"recordId\"\\s*:\\s*\"([^\"]+)\"");

  enum Kind {
    NEW,
    COMPLETED,
    EDITED
  }

  /** One measured change; its fields are written by one thread at a time. */
  private static final class Change {
    final int index;
    final Kind kind;
    final String word;
    volatile String recordId;
    volatile long version;
    volatile long ackNanos;

    Change(int index, Kind kind, String word) {
      this.index = index;
      this.kind = kind;
      this.word = word;
    }
  }

  private final int changes;
  private final int rate;
  private final boolean memory;
  private final int pollers;
  private final String branch = "bench-fresh";
  private String bearer = "";
  private String gateway;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final Histogram all = histogram();
  private final Map<Kind, Histogram> byKind = new EnumMap<>(Kind.class);
  private final Histogram writes = histogram();
  private final AtomicLong failedWrites = new AtomicLong();
  private final AtomicLong over = new AtomicLong();
  private final AtomicLong notVisible = new AtomicLong();
  private final AtomicLong searches = new AtomicLong();
  private final AtomicLong searchNanos = new AtomicLong();
  private final AtomicLong searchErrors = new AtomicLong();
  private final AtomicLong tooManyRequests = new AtomicLong();
  private final AtomicLong lateStarts = new AtomicLong();
  private volatile String firstFailure;

  SearchFreshnessBenchmark(Map<String, String> args) {
    changes = Integer.parseInt(args.getOrDefault("changes", "300"));
    rate = Integer.parseInt(args.getOrDefault("rate", "10"));
    memory = args.containsKey("memory");
    pollers = Integer.parseInt(args.getOrDefault("pollers", "4"));
    for (Kind k : Kind.values()) {
      byKind.put(k, histogram());
    }
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = BenchSupport.args(argv);
    new SearchFreshnessBenchmark(args).run();
    System.exit(0);
  }

  void run() throws Exception {
    System.out.printf("load average at start: %s%n", BenchSupport.loadAverage());
    Path dir = Files.createTempDirectory("kitepkana-bench-fresh-");
    List<String> jvmFlags = BenchSupport.serviceJvmFlags(true);
    try (Devstack stack = BenchSupport.startStack(dir, memory, jvmFlags)) {
      gateway = stack.gatewayUrl();
      bearer = "Bearer " + stack.token("coordinator");
      System.out.printf(
          "devstack up (store: %s), gateway %s; coordinator token on every request, gateway rate"
              + " limits raised out of the way%n",
          memory ? "memory" : "H2 file", gateway);
      createBranch();

      List<Change> plan = new ArrayList<>();
      for (int i = 0; i < changes; i++) {
        Kind kind = i % 4 == 1 ? Kind.COMPLETED : i % 4 == 3 ? Kind.EDITED : Kind.NEW;
        plan.add(new Change(i, kind, word("zoq", i)));
      }
      seed(plan);
      measure(plan);
      report(plan);
    }
    System.out.printf("load average at end: %s%n", BenchSupport.loadAverage());
  }

  /**
   * The records the COMPLETED and EDITED changes change, created before the measurement (without
   * authors), and searched once each until found: this also warms the write and search paths.
   */
  private void seed(List<Change> plan) throws Exception {
    List<Change> seeded = plan.stream().filter(c -> c.kind != Kind.NEW).toList();
    Map<String, String> recordOf = new HashMap<>();
    for (int from = 0; from < seeded.size(); from += 1000) {
      List<Change> chunk = seeded.subList(from, Math.min(seeded.size(), from + 1000));
      StringBuilder items = new StringBuilder("{\"items\":[");
      for (int i = 0; i < chunk.size(); i++) {
        Change c = chunk.get(i);
        items.append(i == 0 ? "" : ",").append(item("seed-" + c.index, seedTitle(c), null));
      }
      items.append("]}");
      HttpResponse<String> answer =
          send(
              request(gateway + "/api/catalog/branches/" + branch + "/sync-batches/seed-" + from)
                  .header("Content-Type", "application/json")
                  .PUT(
                      HttpRequest.BodyPublishers.ofString(
                          items.toString(), StandardCharsets.UTF_8)));
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("seed batch: " + answer.statusCode() + " " + answer.body());
      }
      Matcher m = SEED_RECORD.matcher(answer.body());
      while (m.find()) {
        recordOf.put(m.group(1), m.group(2));
      }
    }
    for (Change c : seeded) {
      c.recordId = recordOf.get("seed-" + c.index);
      if (c.recordId == null) {
        throw new IllegalStateException("seed-" + c.index + " got no record");
      }
      if (c.kind == Kind.EDITED) {
        HttpResponse<String> read =
            send(request(gateway + "/api/catalog/records/" + c.recordId).GET());
        String etag = read.headers().firstValue("ETag").orElse("");
        if (read.statusCode() != 200 || etag.isEmpty()) {
          throw new IllegalStateException("record " + c.recordId + ": " + read.statusCode());
        }
        c.version = Long.parseLong(etag.replaceAll("[^0-9]", ""));
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (Change c : seeded) {
      String seedWord = word("vok", c.index);
      while (!listed(seedWord, c.recordId)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("seeded records not searchable within 60 s");
        }
        LockSupport.parkNanos(POLL_NANOS);
      }
    }
    System.out.printf(
        "seeded: %d records (for the COMPLETED and EDITED changes) created by sync and each found"
            + " by search once (warm-up)%n",
        seeded.size());
  }

  /** Open model: change i is due at start + i / rate, whatever became of the ones before. */
  private void measure(List<Change> plan) throws Exception {
    CountDownLatch done = new CountDownLatch(plan.size());
    ScheduledExecutorService polls = new ScheduledThreadPoolExecutor(pollers);
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    for (Change c : plan) {
      long due = start + c.index * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      } else if (wait < -TimeUnit.MILLISECONDS.toNanos(10)) {
        lateStarts.incrementAndGet();
      }
      http.sendAsync(write(c), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
          .whenComplete(
              (answer, error) -> {
                long now = System.nanoTime();
                // A sync item the batch rejected (e.g. "record busy") is not acknowledged.
                if (error != null
                    || answer.statusCode() != 200
                    || (c.kind != Kind.EDITED && answer.body().contains("\"REJECTED\""))) {
                  failedWrites.incrementAndGet();
                  if (firstFailure == null) {
                    firstFailure =
                        c.kind
                            + " "
                            + (error != null
                                ? error.toString()
                                : answer.statusCode() + " " + answer.body());
                  }
                  done.countDown();
                  return;
                }
                c.ackNanos = now;
                record(writes, now - due);
                if (c.kind == Kind.NEW) {
                  Matcher m = RECORD_ID.matcher(answer.body());
                  if (!m.find()) {
                    failedWrites.incrementAndGet();
                    done.countDown();
                    return;
                  }
                  c.recordId = m.group(1);
                }
                polls.execute(() -> poll(c, polls, done));
              });
    }
    if (!done.await(GIVE_UP_NANOS / 1_000_000_000L + 120, TimeUnit.SECONDS)) {
      System.out.printf("%d changes were still unresolved at the end%n", done.getCount());
    }
    polls.shutdownNow();
  }

  private void poll(Change c, ScheduledExecutorService polls, CountDownLatch done) {
    long started = System.nanoTime();
    if (started - c.ackNanos > GIVE_UP_NANOS) {
      notVisible.incrementAndGet();
      done.countDown();
      return;
    }
    boolean found;
    try {
      found = listed(c.word, c.recordId);
    } catch (IOException | RuntimeException e) {
      searchErrors.incrementAndGet();
      found = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    long now = System.nanoTime();
    if (found) {
      long micros = (now - c.ackNanos) / 1000;
      record(all, now - c.ackNanos);
      record(byKind.get(c.kind), now - c.ackNanos);
      if (micros > TARGET_MICROS) {
        over.incrementAndGet();
      }
      done.countDown();
      return;
    }
    long next = Math.max(0, started + POLL_NANOS - now);
    polls.schedule(() -> poll(c, polls, done), next, TimeUnit.NANOSECONDS);
  }

  /** Whether a search for the word through the gateway lists the record. */
  private boolean listed(String word, String recordId) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    HttpResponse<String> answer =
        send(
            request(
                    gateway
                        + "/api/catalog/search?size=20&q="
                        + URLEncoder.encode(word, StandardCharsets.UTF_8))
                .GET());
    searchNanos.addAndGet(System.nanoTime() - t0);
    searches.incrementAndGet();
    if (answer.statusCode() == 429) {
      tooManyRequests.incrementAndGet();
      return false;
    }
    if (answer.statusCode() != 200) {
      searchErrors.incrementAndGet();
      return false;
    }
    Matcher m = RECORD_ID.matcher(answer.body());
    while (m.find()) {
      if (m.group(1).equals(recordId)) {
        return true;
      }
    }
    return false;
  }

  private HttpRequest write(Change c) {
    if (c.kind == Kind.EDITED) {
      String body =
          ("{\"version\":%d,\"kind\":\"BOOK\",\"title\":\"Freshness edit %s\",\"authors\":[],"
                  + "\"year\":2026,\"language\":\"ky\"}")
              .formatted(c.version, c.word);
      return request(gateway + "/api/catalog/records/" + c.recordId)
          .header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
          .build();
    }
    String item =
        c.kind == Kind.NEW
            ? item("fresh-" + c.index, "Freshness " + c.word, "Өлчөөчү, Аты")
            : item("seed-" + c.index, seedTitle(c), capitalised(c.word) + ", Aty");
    return request(gateway + "/api/catalog/branches/" + branch + "/sync-batches/fresh-" + c.index)
        .header("Content-Type", "application/json")
        .PUT(
            HttpRequest.BodyPublishers.ofString(
                "{\"items\":[" + item + "]}", StandardCharsets.UTF_8))
        .build();
  }

  private void report(List<Change> plan) {
    long acknowledged = plan.size() - failedWrites.get();
    System.out.println("definition: " + DEFINITION.formatted(POLL_NANOS / 1_000_000, 10, 10));
    System.out.printf(
        "resolution: the %d ms polling interval (searches by a pool of %d threads, the next one"
            + " %d ms after the previous one started, at once if that one took longer) bounds the"
            + " resolution: a figure is late by up to %d ms plus one search round trip (mean %.1f"
            + " ms here)%n",
        POLL_NANOS / 1_000_000,
        pollers,
        POLL_NANOS / 1_000_000,
        POLL_NANOS / 1_000_000,
        searches.get() == 0 ? 0 : searchNanos.get() / 1e6 / searches.get());
    Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    for (Change c : plan) {
      counts.merge(c.kind, 1L, Long::sum);
    }
    System.out.printf(
        "changes: N = %d at %d/s, open model (each due at its time whatever became of the ones"
            + " before; %d started more than 10 ms late): %d NEW (sync batch PUT of one new item:"
            + " a new record), %d COMPLETED (sync batch PUT re-sending an existing item with an"
            + " author its record lacked), %d EDITED (coordinator PUT /api/catalog/records/{id}"
            + " with a new title)%n",
        plan.size(),
        rate,
        lateStarts.get(),
        counts.getOrDefault(Kind.NEW, 0L),
        counts.getOrDefault(Kind.COMPLETED, 0L),
        counts.getOrDefault(Kind.EDITED, 0L));
    System.out.printf(
        "writes: %d acknowledged (200), %d failed%s; due -> ack p50 %.1f ms, p99 %.1f ms, max %.1f"
            + " ms%n",
        acknowledged,
        failedWrites.get(),
        firstFailure == null ? "" : " (first: " + firstFailure + ")",
        writes.getValueAtPercentile(50) / 1e3,
        writes.getValueAtPercentile(99) / 1e3,
        writes.getMaxValue() / 1e3);
    System.out.printf("ack-to-searchable, all: %s%n", figures(all));
    for (Kind k : Kind.values()) {
      System.out.printf("  %-9s            %s%n", k, figures(byKind.get(k)));
    }
    System.out.printf(
        "over 1 s: %d of %d acknowledged; not visible within 10 s: %d%n",
        over.get(), acknowledged, notVisible.get());
    System.out.printf(
        "searches: %d (%.1f per change), %d answered 429, %d failed otherwise%n",
        searches.get(),
        acknowledged == 0 ? 0 : (double) searches.get() / acknowledged,
        tooManyRequests.get(),
        searchErrors.get());
    boolean met =
        acknowledged > 0
            && all.getTotalCount() == acknowledged
            && notVisible.get() == 0
            && all.getMaxValue() <= TARGET_MICROS;
    System.out.printf(
        "target: searchable within 1 s of the acknowledgement (every acknowledged change): %s"
            + " (p99 %.0f ms, max %.0f ms)%n",
        met ? "met" : "NOT met", all.getValueAtPercentile(99) / 1e3, all.getMaxValue() / 1e3);
  }

  private static String figures(Histogram h) {
    if (h.getTotalCount() == 0) {
      return "none visible";
    }
    return "p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms (n = %d)"
        .formatted(
            h.getValueAtPercentile(50) / 1e3,
            h.getValueAtPercentile(90) / 1e3,
            h.getValueAtPercentile(99) / 1e3,
            h.getMaxValue() / 1e3,
            h.getTotalCount());
  }

  private void createBranch() throws Exception {
    HttpResponse<String> created =
        send(
            request(gateway + "/api/catalog/branches")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        ("{\"id\":\"%s\",\"name\":\"Нарын шаардык китепканасы\",\"type\":\"CITY\","
                                + "\"parentId\":null,\"languages\":[\"ky\",\"ru\"]}")
                            .formatted(branch),
                        StandardCharsets.UTF_8)));
    if (created.statusCode() != 201) {
      throw new IllegalStateException("branch: " + created.statusCode() + " " + created.body());
    }
  }

  private static String item(String itemId, String title, String author) {
    return ("{\"op\":\"UPSERT\",\"itemId\":\"%s\",\"callNumber\":\"84(2Ки)\",\"copies\":1,"
            + "\"location\":\"абонемент\",\"description\":{\"title\":\"%s\",\"authors\":[%s],"
            + "\"year\":2026,\"language\":\"ky\",\"kind\":\"BOOK\"}}")
        .formatted(itemId, title, author == null ? "" : "\"" + author + "\"");
  }

  private static String seedTitle(Change c) {
    return "Seed " + word("vok", c.index);
  }

  /**
   * A unique word: the prefix, then the number's decimal digits as syllables (0 = ba, 1 = da, ...).
   * The standard tokenizer keeps it as one token, and text folding leaves it as it is (no letter
   * pair the phonetic reduction rewrites, no repeated letter), so no two numbers meet.
   */
  static String word(String prefix, int n) {
    StringBuilder w = new StringBuilder(prefix);
    for (char d : String.format("%04d", n).toCharArray()) {
      w.append(SYLLABLES[d - '0']);
    }
    return w.toString();
  }

  private static String capitalised(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", bearer);
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static Histogram histogram() {
    return new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
  }

  /** Records nanoseconds as microseconds; histograms are shared between threads. */
  private static void record(Histogram h, long nanos) {
    synchronized (h) {
      h.recordValue(Math.min(nanos / 1000, h.getHighestTrackableValue()));
    }
  }
}
