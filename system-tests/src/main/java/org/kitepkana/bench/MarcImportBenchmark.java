package org.kitepkana.bench;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.InsertManyOptions;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.kitepkana.devstack.Devstack;

/**
 * The MARC import benchmark: on a fresh devstack, uploads 100,000 MARC records (the four real files
 * of shared/data/marc repeated, each copy with its own control number, ISBN-13 and title, so every
 * record is a distinct edition and item) through the gateway and times the job; prints, from the
 * same run, marc4j's own parse rate of the same file, the raw rate of the store for the documents
 * an import writes, and where the job's time went. Prints figures; asserts nothing.
 *
 * <p>Usage: {@code bin/bench-marc-import [--records 100000] [--memory] [--reimport]}. marc4j is on
 * the classpath the script builds; it is called reflectively, so this module needs no compile
 * dependency on it.
 */
public final class MarcImportBenchmark {

  private static final byte RT = 0x1D;
  private static final byte FT = 0x1E;
  private static final List<String> FILES =
      List.of(
          "marc4j-pride-and-prejudice-fixed.mrc",
          "marc4j-065001035.mrc",
          "neb-heritage-rumorgb-2019-0000001-0000013.mrc",
          "pymarc-marc.dat");

  private final int records;
  private final boolean memory;
  private final boolean reimport;

  /** A coordinator's token from the devstack issuer, sent with every write. */
  private String bearer = "";

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  MarcImportBenchmark(Map<String, String> args) {
    records = Integer.parseInt(args.getOrDefault("records", "100000"));
    memory = args.containsKey("memory");
    reimport = args.containsKey("reimport");
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = BenchSupport.args(argv);
    new MarcImportBenchmark(args).run();
    System.exit(0);
  }

  void run() throws Exception {
    Path dir = Files.createTempDirectory("kitepkana-marc-bench-");
    Path file = dir.resolve("bench.mrc");
    int written = generate(file);
    long size = Files.size(file);
    System.out.printf(
        "file: %,d records, %.1f MB: the %d real files of shared/data/marc repeated, each copy with"
            + " its own 001, ISBN-13 and title%n",
        written, size / 1e6, FILES.size());
    double parseRate = rawParseRate(file);
    System.out.printf(
        "raw marc4j parse of the same file (MarcPermissiveStreamReader, permissive, to UTF-8; best"
            + " of 3 passes in this JVM): %,.0f records/s%n",
        parseRate);

    try (Devstack stack =
        BenchSupport.startStack(
            dir.resolve("devstack"), memory, Devstack.DEFAULT_SERVICE_JVM_FLAGS)) {
      String gateway = stack.gatewayUrl();
      bearer = "Bearer " + stack.token("coordinator");
      System.out.printf(
          "devstack up (store: %s), gateway %s%n", memory ? "memory" : "H2 file", gateway);
      // The memory store's heap holds the import's documents or the raw rate's, not both: there
      // the raw rate is measured first, on the quiet stack, and its documents dropped before the
      // import. On H2 it is measured after the import, as it always was.
      double[] store = memory ? rawStoreRate(stack, records) : null;
      String branch = "bench-marc";
      post(
          gateway + "/api/catalog/branches",
          "{\"id\": \""
              + branch
              + "\", \"name\": \"Бенчмарк китепканасы\", \"type\": \"DISTRICT\", \"parentId\":"
              + " null, \"district\": \"Нарын\", \"address\": \"Нарын\", \"languages\": [\"ky\"]}");

      Job first = importFile(gateway, branch, file, size);
      double rate = first.read / first.jobSeconds;
      System.out.printf(
          "import: %,d records read (%,d imported: %,d new union records, %,d matched; %,d"
              + " failed, %,d warnings) in %.1f s = %,.0f records/s (job start to finish);"
              + " %,.0f records/s from the first byte uploaded%n",
          first.read,
          first.imported,
          first.created,
          first.matched,
          first.failed,
          first.warnings,
          first.jobSeconds,
          rate,
          first.read / first.totalSeconds);
      System.out.printf("ratio: import / raw marc4j parse = %.1f%%%n", 100 * rate / parseRate);
      System.out.printf(
          "targets: >= 1,700 records/s: %s; >= 50%% of raw parse: %s%n",
          rate >= 1700 ? "met" : "NOT met", rate >= parseRate / 2 ? "met" : "NOT met");
      long worker = first.parseMs + first.matchMs + first.storeMs + first.reportMs;
      System.out.printf(
          "where the worker's time went: parse %.1f s (%.0f%%), matching %.1f s (%.0f%%), union"
              + " records load+save %.1f s (%.0f%%), progress and report %.1f s (%.0f%%)%n",
          first.parseMs / 1e3,
          100.0 * first.parseMs / worker,
          first.matchMs / 1e3,
          100.0 * first.matchMs / worker,
          first.storeMs / 1e3,
          100.0 * first.storeMs / worker,
          first.reportMs / 1e3,
          100.0 * first.reportMs / worker);

      long drainStart = System.nanoTime();
      long backlog = awaitOutboxDrained(stack, Duration.ofMinutes(10));
      double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
      System.out.printf(
          "events: outbox drained %.1f s after the job completed (%,d record documents still with"
              + " pending events)%n",
          drainSeconds, backlog);

      long countStart = System.nanoTime();
      long holdings = branchHoldings(stack, branch);
      long counted = awaitHoldingsCounted(gateway, branch, holdings, Duration.ofMinutes(10));
      System.out.printf(
          "consumers: the statistics consumer had counted %,d of the branch's %,d holdings %.1f s"
              + " after the job completed%n",
          counted, holdings, (System.nanoTime() - countStart) / 1e9 + drainSeconds);

      if (reimport) {
        Job again = importFile(gateway, branch, file, size);
        System.out.printf(
            "re-import of the same file: %,d records in %.1f s = %,.0f records/s; %,d new union"
                + " records, %,d unchanged%n",
            again.read,
            again.jobSeconds,
            again.read / again.jobSeconds,
            again.created,
            again.unchanged);
      }

      if (store == null) {
        store = rawStoreRate(stack, first.imported);
      }
      System.out.printf(
          "raw store: the documents an import writes per record (1 record, 1 locator, 2 keys),"
              + " bulk-inserted through the driver in batches of 500: %,.0f records/s (%,.0f docs/s);"
              + " the import reaches %.1f%% of it%n",
          store[0], store[1], 100 * rate / store[0]);
    }
  }

  /** The job's outcome and timings, as its status reported them. */
  private record Job(
      long read,
      long imported,
      long created,
      long matched,
      long unchanged,
      long failed,
      long warnings,
      double jobSeconds,
      double totalSeconds,
      long parseMs,
      long matchMs,
      long storeMs,
      long reportMs) {}

  private Job importFile(String gateway, String branch, Path file, long size) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> accepted =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(gateway + "/api/catalog/branches/" + branch + "/marc-imports"))
                .timeout(Duration.ofMinutes(30))
                .header("Content-Type", "application/marc")
                .header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    double uploadSeconds = (System.nanoTime() - t0) / 1e9;
    if (accepted.statusCode() != 202) {
      throw new IllegalStateException(
          "upload answered " + accepted.statusCode() + ": " + accepted.body());
    }
    String self = gateway + accepted.headers().firstValue("Location").orElseThrow();
    System.out.printf(
        "upload: %.1f MB through the gateway, 202 after %.1f s (%.1f MB/s); polling %s%n",
        size / 1e6, uploadSeconds, size / 1e6 / uploadSeconds, self);
    String body;
    long lastPrint = 0;
    while (true) {
      body = get(self);
      String state = text(body, "state");
      if (state.equals("COMPLETED") || state.equals("FAILED")) {
        break;
      }
      if (System.nanoTime() - lastPrint > 5_000_000_000L) {
        lastPrint = System.nanoTime();
        System.out.printf(
            "  %s: %,d read, %s records/s, about %s s left%n",
            state, number(body, "read"), raw(body, "recordsPerSecond"), raw(body, "secondsLeft"));
      }
      LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
    }
    double total = (System.nanoTime() - t0) / 1e9;
    if (text(body, "state").equals("FAILED")) {
      throw new IllegalStateException("the job failed: " + body);
    }
    Instant started = Instant.parse(text(body, "startedAt"));
    Instant finished = Instant.parse(text(body, "finishedAt"));
    return new Job(
        number(body, "read"),
        number(body, "imported"),
        number(body, "created"),
        number(body, "matched"),
        number(body, "unchanged"),
        number(body, "failed"),
        number(body, "warnings"),
        Duration.between(started, finished).toMillis() / 1e3,
        total,
        number(body, "parseMillis"),
        number(body, "matchMillis"),
        number(body, "storeMillis"),
        number(body, "reportMillis"));
  }

  private long awaitOutboxDrained(Devstack stack, Duration max) {
    try (var client = MongoClients.create(stack.mongoUri("catalog"))) {
      var records = client.getDatabase("catalog").getCollection("records");
      long deadline = System.nanoTime() + max.toNanos();
      long pending;
      do {
        pending = records.countDocuments(new Document("outbox.0", new Document("$exists", true)));
        if (pending == 0) {
          break;
        }
        LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
      } while (System.nanoTime() < deadline);
      return pending;
    }
  }

  /** The branch's holdings in the store: its entries in holding_locators, by _id range. */
  private static long branchHoldings(Devstack stack, String branch) {
    try (var client = MongoClients.create(stack.mongoUri("catalog"))) {
      return client
          .getDatabase("catalog")
          .getCollection("holding_locators")
          .countDocuments(
              new Document(
                  "_id", new Document("$gte", branch + "|").append("$lt", branch + "|\uffff")));
    }
  }

  /**
   * Polls the statistics API until the branch's counted holdings reach {@code expected} (or the
   * time is up); returns the last count.
   */
  private long awaitHoldingsCounted(String gateway, String branch, long expected, Duration max)
      throws Exception {
    long deadline = System.nanoTime() + max.toNanos();
    Pattern entry =
        Pattern.compile("\\{[^}]*\"branchId\":\"" + Pattern.quote(branch) + "\"[^}]*\\}");
    long counted;
    do {
      Matcher m = entry.matcher(get(gateway + "/api/catalog/statistics/branches"));
      counted = m.find() ? number(m.group(), "holdings") : 0;
      if (counted >= expected) {
        break;
      }
      LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
    } while (System.nanoTime() < deadline);
    return counted;
  }

  /**
   * The documents an import writes per new record, bulk-inserted into a database of their own
   * (dropped afterwards): records/s and docs/s.
   */
  private double[] rawStoreRate(Devstack stack, long count) {
    try (var client = MongoClients.create(stack.mongoUri("bench_raw"))) {
      var db = client.getDatabase("bench_raw");
      var recordsColl = db.getCollection("records");
      var locators = db.getCollection("holding_locators");
      var keys = db.getCollection("record_keys");
      long t0 = System.nanoTime();
      List<Document> r = new ArrayList<>();
      List<Document> l = new ArrayList<>();
      List<Document> k = new ArrayList<>();
      for (long n = 0; n < count; n++) {
        String id = String.format("RAW%023d", n);
        r.add(
            new Document("_id", id)
                .append("version", 1L)
                .append("kind", "BOOK")
                .append("title", "Pride and prejudice [" + n + "]")
                .append("authors", List.of("Austen, Jane"))
                .append("isbn13", String.format("9791%09d", n))
                .append("year", 1999)
                .append("language", "eng")
                .append("publisher", "HarperCollins")
                .append("matchKey", "pride and prejudice " + n + "|austen|1999")
                .append("subjects", List.of("Young women -- England -- Fiction"))
                .append(
                    "holdings",
                    List.of(
                        new Document("branchId", "bench-marc")
                            .append("itemId", "bench-" + n)
                            .append("callNumber", null)
                            .append("copies", 1)
                            .append("location", null)
                            .append("status", "AVAILABLE")))
                .append(
                    "outbox",
                    List.of(new Document("id", "e1-" + n), new Document("id", "e2-" + n))));
        l.add(new Document("_id", "bench-marc|bench-" + n).append("recordId", id));
        k.add(new Document("_id", "isbn:" + n).append("recordId", id));
        k.add(new Document("_id", "mk:" + n).append("recordId", id));
        if (r.size() == 500) {
          flush(recordsColl, r);
          flush(locators, l);
          flush(keys, k);
        }
      }
      flush(recordsColl, r);
      flush(locators, l);
      flush(keys, k);
      double seconds = (System.nanoTime() - t0) / 1e9;
      db.drop();
      return new double[] {count / seconds, 4 * count / seconds};
    }
  }

  private static void flush(
      com.mongodb.client.MongoCollection<Document> coll, List<Document> docs) {
    if (!docs.isEmpty()) {
      coll.insertMany(docs, new InsertManyOptions().ordered(false));
      docs.clear();
    }
  }

  // ---- the file ----

  /** Writes {@code records} records: the real ones, copy k with a new 001, ISBN and title. */
  private int generate(Path file) throws IOException {
    List<List<byte[][]>> base = new ArrayList<>();
    List<byte[]> leaders = new ArrayList<>();
    Path marc = sharedMarcDir();
    for (String name : FILES) {
      byte[] data = Files.readAllBytes(marc.resolve(name));
      int start = 0;
      for (int i = 0; i < data.length; i++) {
        if (data[i] == RT) {
          byte[] rec = java.util.Arrays.copyOfRange(data, start, i + 1);
          start = i + 1;
          List<byte[][]> fields = fields(rec);
          if (fields != null) {
            base.add(fields);
            leaders.add(java.util.Arrays.copyOf(rec, 24));
          }
        } else if (i == start && (data[i] == '\n' || data[i] == '\r')) {
          start = i + 1;
        }
      }
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (int n = 0; n < records; n++) {
        int copy = n / base.size();
        List<byte[][]> fields = new ArrayList<>();
        fields.add(new byte[][] {ascii("001"), ascii("bench-" + copy + "-" + n)});
        fields.add(new byte[][] {ascii("020"), concat(ascii("  \u001Fa"), ascii(isbn13(n)))});
        for (byte[][] f : base.get(n % base.size())) {
          String tag = new String(f[0], StandardCharsets.US_ASCII);
          if (tag.equals("001") || tag.equals("020")) {
            continue;
          }
          fields.add(tag.equals("245") && copy > 0 ? new byte[][] {f[0], numbered(f[1], copy)} : f);
        }
        out.write(record(leaders.get(n % base.size()), fields));
      }
    }
    return records;
  }

  /** The fields of a raw record, or null if its leader or directory cannot be read. */
  private static List<byte[][]> fields(byte[] rec) {
    try {
      int base = Integer.parseInt(new String(rec, 12, 5, StandardCharsets.US_ASCII));
      List<byte[][]> fields = new ArrayList<>();
      for (int e = 24; e + 12 <= base - 1; e += 12) {
        String tag = new String(rec, e, 3, StandardCharsets.US_ASCII);
        int length = Integer.parseInt(new String(rec, e + 3, 4, StandardCharsets.US_ASCII));
        int at = Integer.parseInt(new String(rec, e + 7, 5, StandardCharsets.US_ASCII));
        fields.add(
            new byte[][] {
              tag.getBytes(StandardCharsets.US_ASCII),
              java.util.Arrays.copyOfRange(rec, base + at, base + at + length - 1)
            });
      }
      return fields;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** 245 with " [copy]" at the end of $a, before its ISBD punctuation. */
  private static byte[] numbered(byte[] f245, int copy) {
    String text = new String(f245, StandardCharsets.ISO_8859_1);
    int a = text.indexOf("\u001Fa");
    if (a < 0) {
      return f245;
    }
    int end = text.indexOf('\u001F', a + 2);
    end = end < 0 ? text.length() : end;
    Matcher m = Pattern.compile("^(.*?)([\\s/:;,=.]*)$").matcher(text.substring(a + 2, end));
    if (!m.matches()) {
      return f245;
    }
    String changed =
        text.substring(0, a + 2)
            + m.group(1)
            + " ["
            + copy
            + "]"
            + m.group(2)
            + text.substring(end);
    return changed.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] record(byte[] leader, List<byte[][]> fields) {
    ByteArrayOutputStream directory = new ByteArrayOutputStream();
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (byte[][] f : fields) {
      directory.writeBytes(f[0]);
      directory.writeBytes(ascii(String.format("%04d%05d", f[1].length + 1, data.size())));
      data.writeBytes(f[1]);
      data.write(FT);
    }
    directory.write(FT);
    int base = 24 + directory.size();
    int total = base + data.size() + 1;
    byte[] l = leader.clone();
    System.arraycopy(ascii(String.format("%05d", total)), 0, l, 0, 5);
    System.arraycopy(ascii(String.format("%05d", base)), 0, l, 12, 5);
    ByteArrayOutputStream out = new ByteArrayOutputStream(total);
    out.writeBytes(l);
    out.writeBytes(directory.toByteArray());
    out.writeBytes(data.toByteArray());
    out.write(RT);
    return out.toByteArray();
  }

  private static String isbn13(int n) {
    String digits = "9791" + String.format("%08d", n);
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return digits + (10 - sum % 10) % 10;
  }

  private static Path sharedMarcDir() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared/data/marc");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("shared/data/marc not found above the working directory");
  }

  // ---- raw marc4j ----

  /** marc4j's permissive reader over the file, best of three passes. */
  private static double rawParseRate(Path file) throws Exception {
    Class<?> type = Class.forName("org.marc4j.MarcPermissiveStreamReader");
    Constructor<?> create = type.getConstructor(InputStream.class, boolean.class, boolean.class);
    Method hasNext = type.getMethod("hasNext");
    Method next = type.getMethod("next");
    double best = 0;
    for (int pass = 0; pass < 3; pass++) {
      long t0 = System.nanoTime();
      long n = 0;
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
        Object reader = create.newInstance(in, true, true);
        while ((Boolean) hasNext.invoke(reader)) {
          next.invoke(reader);
          n++;
        }
      }
      best = Math.max(best, n / ((System.nanoTime() - t0) / 1e9));
    }
    return best;
  }

  // ---- HTTP and JSON text ----

  private void post(String url, String json) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  /** A GET with the coordinator's token; a rate-limited answer (429) is asked again shortly. */
  private String get(String url) throws Exception {
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(30))
                  .header("Authorization", bearer)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (r.statusCode() == 200) {
        return r.body();
      }
      if (r.statusCode() != 429 || attempt >= 100) {
        throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
      }
      LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
    }
  }

  private static String raw(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(\"[^\"]*\"|[^,}]*)").matcher(json);
    return m.find() ? m.group(1).replace("\"", "") : "";
  }

  private static String text(String json, String field) {
    return raw(json, field);
  }

  private static long number(String json, String field) {
    String v = raw(json, field);
    return v.isEmpty() || v.equals("null") ? 0 : Long.parseLong(v);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
