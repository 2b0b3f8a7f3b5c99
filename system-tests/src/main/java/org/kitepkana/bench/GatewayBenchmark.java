package org.kitepkana.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.kitepkana.devstack.Devstack;
import org.kitepkana.devstack.ManagedProcess;

/**
 * The gateway benchmark: GET of one catalogue record on a fresh devstack, straight to
 * catalog-service, through the gateway, through Spring Cloud Gateway as it comes (the {@code
 * gateway-floor} module: the catalogue route and nothing of ours, started with the gateway's
 * command line), through Reactor Netty alone (the same jar's {@code ReactorNettyFloor}, same
 * command line: the server and client Spring Cloud Gateway runs on, without Spring) and through
 * nginx as a plain reverse proxy, in one run.
 *
 * <p>Open model: requests are due at a fixed arrival rate whatever the answers do, and latency runs
 * from each request's due time (not from when it was actually sent) to its answer, so a stalled
 * target cannot hide its queue (no coordinated omission). Prints, per target, the highest
 * sustainable rate of a step-up (see {@link #SUSTAINABLE}), p50/p99 at a fixed rate (1,000 req/s by
 * default) and the ratios to direct. Prints figures; asserts nothing.
 *
 * <p>Usage: {@code bin/bench-gateway [--nginx /usr/sbin/nginx] [--floor-jar
 * gateway-floor/target/gateway-floor-exec.jar] [--rate 1000] [--seconds 15] [--step-seconds 5]
 * [--steps 250,500,...] [--p99-bound-ms 100] [--connections 64] [--warm-up-requests 40000]
 * [--step-ups 1] [--rounds N] [--slice-ms 1000]}; with {@code --step-ups N}, every target is
 * stepped up N times, and run N times at the fixed rate, in rounds that take the targets in turn,
 * and every figure is a median of the N; {@code --rounds M} runs M rounds at the fixed rate instead
 * (a p99 difference of a millisecond needs more rounds than a throughput does). At the fixed rate
 * the targets of a round share one schedule in slices of {@code --slice-ms}, taken in turn ({@link
 * #runInterleaved}); {@code --slice-ms 0} runs them back to back instead, {@code --seconds} each.
 */
public final class GatewayBenchmark {

  static final String SUSTAINABLE =
      "max sustainable throughput = the highest fixed arrival rate of the step-up at which, over"
          + " the step, every request was answered 200, none was still outstanding %d ms after the"
          + " last was due, p99 latency (from the due time) stayed <= %d ms, and the load generator"
          + " itself never fell more than %d ms behind schedule (a run in which it did is void and"
          + " is run again, at most twice)";

  /** The leg through Spring Cloud Gateway as it comes (module gateway-floor). */
  static final String FLOOR = "scg-floor";

  /**
   * The leg through Reactor Netty alone (gateway-floor's {@code ReactorNettyFloor}): the least a
   * proxy on Spring Cloud Gateway's server and client does per request.
   */
  static final String NETTY_FLOOR = "netty-floor";

  /** A floor: started from the floor jar with the gateway's command line and these JVM flags. */
  record Floor(String name, String description, List<String> jvmFlags) {}

  static final List<Floor> FLOORS =
      List.of(
          new Floor(FLOOR, "Spring Cloud Gateway as it comes, the catalogue route only", List.of()),
          new Floor(
              NETTY_FLOOR,
              "Reactor Netty alone, a bare proxy without Spring or any check",
              List.of("-Dkitepkana.floor=reactor-netty")));

  /** How often a void run (see {@link #measured}) is run again. */
  static final int VOID_REPEATS = 2;

  private static final Pattern RECORD_ID = Pattern.compile("\"recordId\"\\s*:\\s*\"([^\"]+)\"");

  private final String nginx;
  private final String floorJar;
  private final int rate;
  private final int seconds;
  private final int stepSeconds;
  private final List<Integer> steps;
  private final long p99BoundMicros;
  private final int connections;
  private final int warmUpRequests;
  private final int stepUps;
  private final int rounds;
  private final int sliceMillis;
  private final long drainMillis = 2000;
  private final long generatorLagBoundMicros = 20_000;
  private int voidRuns;
  private final HttpClient setup =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  GatewayBenchmark(Map<String, String> args) {
    nginx = args.get("nginx");
    floorJar = args.get("floor-jar");
    rate = Integer.parseInt(args.getOrDefault("rate", "1000"));
    seconds = Integer.parseInt(args.getOrDefault("seconds", "15"));
    stepSeconds = Integer.parseInt(args.getOrDefault("step-seconds", "5"));
    steps =
        List.of(
                args.getOrDefault(
                        "steps",
                        "250,500,750,1000,1250,1500,1750,2000,2500,3000,4000,5000,6000,8000,10000")
                    .split(","))
            .stream()
            .map(String::trim)
            .map(Integer::parseInt)
            .toList();
    p99BoundMicros = Long.parseLong(args.getOrDefault("p99-bound-ms", "100")) * 1000;
    connections = Integer.parseInt(args.getOrDefault("connections", "64"));
    warmUpRequests = Integer.parseInt(args.getOrDefault("warm-up-requests", "40000"));
    stepUps = Integer.parseInt(args.getOrDefault("step-ups", "1"));
    rounds = Integer.parseInt(args.getOrDefault("rounds", String.valueOf(stepUps)));
    sliceMillis = Integer.parseInt(args.getOrDefault("slice-ms", "1000"));
    if (stepUps < 1 || rounds < 1) {
      throw new IllegalArgumentException("--step-ups and --rounds must be at least 1");
    }
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = BenchSupport.args(argv);
    new GatewayBenchmark(args).run();
    System.exit(0);
  }

  void run() throws Exception {
    Path dir = Files.createTempDirectory("kitepkana-bench-gateway-");
    List<String> jvmFlags = BenchSupport.serviceJvmFlags(true);
    System.out.printf("load average at start: %s%n", BenchSupport.loadAverage());
    try (Devstack stack = BenchSupport.startStack(dir, true, jvmFlags)) {
      String gateway = stack.gatewayUrl();
      String catalog = stack.serviceUrl("catalog");
      String token = coordinatorToken(stack);
      String recordPath = createRecord(gateway, token);
      System.out.printf(
          "devstack up (store: memory); gateway %s, catalog-service %s; record %s%n",
          gateway, catalog, recordPath);

      Map<String, String> targets = new LinkedHashMap<>();
      targets.put("direct", catalog);
      targets.put("gateway", gateway);
      long catalogPid = stack.service("catalog").pid().orElse(-1);
      long gatewayPid = stack.gateway().pid().orElse(-1);
      Map<String, List<Long>> processes = new LinkedHashMap<>();
      processes.put("direct", List.of(catalogPid));
      processes.put("gateway", List.of(gatewayPid, catalogPid));
      List<ManagedProcess> floors = new ArrayList<>();
      Process nginxProcess = null;
      Path nginxDir = dir.resolve("nginx");
      try {
        if (floorJar != null) {
          for (Floor floor : FLOORS) {
            int port = freePort();
            ManagedProcess started =
                BenchSupport.gatewayLike(
                        gatewayPid, Path.of(floorJar), floor.jvmFlags(), floor.name(), port, dir)
                    .start();
            floors.add(started);
            targets.put(floor.name(), "http://127.0.0.1:" + port);
            processes.put(floor.name(), List.of(started.pid().orElse(-1), catalogPid));
            System.out.printf(
                "%s: %s (%s%s) on 127.0.0.1:%d%n",
                floor.name(),
                floor.description(),
                floorJar,
                floor.jvmFlags().isEmpty() ? "" : " with " + String.join(" ", floor.jvmFlags()),
                port);
          }
        } else {
          System.out.println(
              FLOORS.stream().map(Floor::name).toList()
                  + ": not given (--floor-jar PATH); those legs are skipped");
        }
        if (nginx != null) {
          int port = freePort();
          nginxProcess = startNginx(nginxDir, port, URI.create(catalog).getPort());
          targets.put("nginx", "http://127.0.0.1:" + port);
        } else {
          System.out.println("nginx: not given (--nginx PATH); that leg is skipped");
        }
        if (nginxProcess != null) {
          processes.put("nginx", List.of(nginxProcess.pid(), catalogPid));
        }
        measure(targets, recordPath, token, processes);
      } finally {
        try {
          if (nginxProcess != null) {
            stopNginx(nginxProcess, nginxDir);
          }
        } finally {
          floors.forEach(ManagedProcess::close);
        }
      }
    }
    System.out.printf(
        "void runs (the load generator fell behind; each was run again): %d%n", voidRuns);
    System.out.printf("load average at end: %s%n", BenchSupport.loadAverage());
  }

  String coordinatorToken(Devstack stack) {
    try {
      String token = stack.token("coordinator");
      System.out.println(
          "token: a coordinator's access token from the devstack issuer, sent on every leg"
              + " (the service checks it too, so only the proxying differs)");
      return token;
    } catch (RuntimeException e) {
      System.out.println(
          "token: NONE - the devstack issuer gave no token ("
              + e.getMessage()
              + "); every leg runs anonymous, the gateway leg WITHOUT a valid token");
      return null;
    }
  }

  /** A branch and one record with a holding, through the gateway; returns the record's path. */
  String createRecord(String gateway, String token) throws Exception {
    String branch = "bench-gw-" + Long.toHexString(System.nanoTime());
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(URI.create(gateway + "/api/catalog/branches"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        ("{\"id\":\"%s\",\"name\":\"Кочкор райондук китепканасы\","
                                + "\"type\":\"DISTRICT\",\"parentId\":null,\"languages\":[\"ky\"]}")
                            .formatted(branch),
                        StandardCharsets.UTF_8)),
            token);
    if (created.statusCode() != 201) {
      throw new IllegalStateException("branch: " + created.statusCode() + " " + created.body());
    }
    HttpResponse<String> synced =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        gateway + "/api/catalog/branches/" + branch + "/sync-batches/bench-1"))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"items\":[{\"op\":\"UPSERT\",\"itemId\":\"inv-1\",\"callNumber\":\"84(2Ки)\","
                            + "\"copies\":2,\"location\":\"абонемент\",\"description\":{\"title\":"
                            + "\"Манас: эпос\",\"authors\":[\"Орозбаков, Сагымбай\"],\"year\":2010,"
                            + "\"language\":\"ky\",\"publisher\":\"Шам\",\"kind\":\"BOOK\"}}]}",
                        StandardCharsets.UTF_8)),
            token);
    Matcher m = RECORD_ID.matcher(synced.body());
    if (synced.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException("sync: " + synced.statusCode() + " " + synced.body());
    }
    String path = "/api/catalog/records/" + m.group(1);
    HttpResponse<String> read =
        send(HttpRequest.newBuilder(URI.create(gateway + path)).GET(), token);
    if (read.statusCode() != 200) {
      throw new IllegalStateException("record: " + read.statusCode() + " " + read.body());
    }
    System.out.printf("record document: %d bytes of JSON%n", read.body().length());
    return path;
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return setup.send(
        request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The load generator's client for one target: GET of the record, with the token if any. */
  static HttpLoad load(String base, String recordPath, String token) {
    return new HttpLoad(URI.create(base + recordPath), token);
  }

  private void measure(
      Map<String, String> targets,
      String recordPath,
      String token,
      Map<String, List<Long>> processes)
      throws Exception {
    Map<String, HttpLoad> loads = new LinkedHashMap<>();
    targets.forEach((name, base) -> loads.put(name, load(base, recordPath, token)));
    try {
      measure(targets, loads, processes);
    } finally {
      loads.values().forEach(HttpLoad::close);
    }
  }

  private void measure(
      Map<String, String> targets, Map<String, HttpLoad> loads, Map<String, List<Long>> processes) {

    System.out.println(
        "definition: "
            + SUSTAINABLE.formatted(
                drainMillis, p99BoundMicros / 1000, generatorLagBoundMicros / 1000));
    System.out.printf(
        "open-model load from one Netty client per target (HTTP/1.1, one event loop sends and reads;"
            + " at most %d in flight on as many keep-alive connections, due requests queue for a free"
            + " one), steps of %d s: %s req/s%n",
        connections, stepSeconds, steps);
    for (String name : targets.keySet()) {
      // Warm-up: JIT, connection pools.
      System.out.printf("  %-11s warm-up %s%n", name, warmUp(loads.get(name)));
    }

    // Each round steps every target up once, in turn, so that a stall of the shared machine (or of
    // the load generator) costs one target one round, not its figure; the figure is the median.
    Map<String, List<Integer>> bestPerRound = new LinkedHashMap<>();
    for (int round = 1; round <= stepUps; round++) {
      if (stepUps > 1) {
        System.out.printf("step-up round %d of %d%n", round, stepUps);
      }
      for (String name : targets.keySet()) {
        bestPerRound.computeIfAbsent(name, n -> new ArrayList<>()).add(stepUp(name, loads));
        settle();
      }
    }
    Map<String, Integer> sustainable = new LinkedHashMap<>();
    bestPerRound.forEach((name, bests) -> sustainable.put(name, median(bests)));
    if (stepUps > 1) {
      bestPerRound.forEach(
          (name, bests) ->
              System.out.printf(
                  "  %-11s max sustainable per round %s req/s, median %d%n",
                  name, bests, sustainable.get(name)));
    }

    // --rounds runs at the fixed rate (as many as step-ups unless told): p50 and p99 are medians
    // over the runs, p99 added the median of each round's difference from direct. In a round the
    // targets take slices of one schedule in turn (runInterleaved); --slice-ms 0 runs them whole.
    Map<String, List<Step>> atRate = new LinkedHashMap<>();
    if (sliceMillis > 0) {
      System.out.printf(
          "at %d req/s: %d s per target per round, in slices of %d ms taken in turn%n",
          rate, seconds, sliceMillis);
    }
    for (int round = 1; round <= rounds; round++) {
      Map<String, Step> runs = round(loads, rate, seconds);
      runs.forEach(
          (name, s) -> {
            System.out.printf("  %-11s %s%n", name, s);
            atRate.computeIfAbsent(name, n -> new ArrayList<>()).add(s);
          });
      System.out.printf("  p99 added in round %d: %s%n", round, p99AddedIn(runs));
    }
    // CPU per answered request of every process on the path: robust to a busy machine, where the
    // rates above measure mostly the share of the CPU the processes got. Measured last, when the
    // JIT compilers are done: right after a warm-up of 20,000 requests, the gateway's C2 compiler
    // thread still used 278 clock ticks in a 20 s run, against 429 of its event loops
    // (bin/bench-gateway-ab, per-thread CPU from /proc).
    Map<String, Double> cpuPerRequest = new LinkedHashMap<>();
    for (String name : targets.keySet()) {
      cpuPerRequest.put(name, cpuPerRequest(name, processes.get(name), loads.get(name)));
      settle();
    }

    Map<String, Double> p50 = new LinkedHashMap<>();
    Map<String, Double> p99 = new LinkedHashMap<>();
    Map<String, Double> p99Added = new LinkedHashMap<>();
    List<Step> directRuns = atRate.get("direct");
    atRate.forEach(
        (name, runs) -> {
          p50.put(name, medianOf(runs.stream().map(Step::p50Millis).toList()));
          p99.put(name, medianOf(runs.stream().map(Step::p99Millis).toList()));
          p99Added.put(name, addedTo(directRuns, runs, Step::p99Micros));
        });
    if (rounds > 1) {
      System.out.printf(
          "p50 and p99 at %d req/s: medians of %d runs per target; p99 added: the median of each"
              + " round's difference from direct%n",
          rate, rounds);
    }

    int direct = sustainable.get("direct");
    System.out.println();
    System.out.printf(
        "%-11s %16s %9s %12s %12s %14s %16s %18s%n",
        "target",
        "max sustainable",
        "vs direct",
        "p50@" + rate,
        "p99@" + rate,
        "p99 added",
        "CPU ms/request",
        "2-core projection");
    double directCpu = cpuPerRequest.get("direct");
    for (String name : targets.keySet()) {
      double cpu = cpuPerRequest.get(name);
      System.out.printf(
          "%-11s %10d req/s %8.0f%% %9.2f ms %9.2f ms %11.2f ms %13.3f ms %9.0f req/s %3.0f%%%n",
          name,
          sustainable.get(name),
          direct == 0 ? 0 : 100.0 * sustainable.get(name) / direct,
          p50.get(name),
          p99.get(name),
          p99Added.get(name),
          cpu,
          cpu > 0 ? 2000 / cpu : 0,
          cpu > 0 ? 100 * directCpu / cpu : 0);
    }
    System.out.println(
        "CPU ms/request: CPU time of the processes on the path (catalog-service, plus the gateway"
            + ", a floor or nginx) per answered request in a run at "
            + COST_RATE
            + " req/s, less their idle CPU; the load generator is not counted. 2-core projection:"
            + " 2,000 CPU-ms per second / that, the rate two otherwise idle cores could serve,"
            + " and its ratio to direct.");
    for (String name : targets.keySet()) {
      double generator = generatorCpu.getOrDefault(name, 0.0);
      double demand = (cpuPerRequest.get(name) + generator) * rate / 1000;
      System.out.printf(
          "CPU demand at %d req/s, %s leg: path %.3f + load generator %.3f ms/request = %.2f of"
              + " the machine's %d cores%s%n",
          rate,
          name,
          cpuPerRequest.get(name),
          generator,
          demand,
          Runtime.getRuntime().availableProcessors(),
          demand >= 0.85 * Runtime.getRuntime().availableProcessors()
              ? " (near or past saturation: its p99 there is mostly queueing)"
              : "");
    }
    double gatewayRatio = direct == 0 ? 0 : (double) sustainable.get("gateway") / direct;
    double added = p99Added.get("gateway");
    System.out.printf(
        "targets: gateway >= 60%% of direct throughput: %s (%.0f%%); p99 added <= 2 ms at %d req/s:"
            + " %s (%.2f ms)%n",
        gatewayRatio >= 0.6 ? "met" : "NOT met",
        100 * gatewayRatio,
        rate,
        added <= 2.0 ? "met" : "NOT met",
        added);
    for (Floor floor : FLOORS) {
      if (sustainable.containsKey(floor.name())) {
        System.out.printf(
            "%s (%s): %.0f%% of direct throughput, p99 added %.2f ms at %d req/s, CPU %.3f"
                + " ms/request of its own against the gateway's %.3f%n",
            floor.description(),
            floor.name(),
            direct == 0 ? 0 : 100.0 * sustainable.get(floor.name()) / direct,
            p99Added.get(floor.name()),
            rate,
            cpuPerRequest.get(floor.name()) - directCpu,
            cpuPerRequest.get("gateway") - directCpu);
      }
    }
    System.out.printf(
        "latency added to direct's at %d req/s (the median of each round's difference):%n", rate);
    atRate.forEach(
        (name, runs) ->
            System.out.printf(
                "  %-11s p50 %6.2f ms, p90 %6.2f ms, p99 %6.2f ms, p99.9 %7.2f ms%n",
                name,
                addedTo(directRuns, runs, Step::p50Micros),
                addedTo(directRuns, runs, Step::p90Micros),
                p99Added.get(name),
                addedTo(directRuns, runs, Step::p999Micros)));
    if (steps.get(steps.size() - 1).equals(direct)) {
      System.out.println(
          "note: direct sustained the highest step; its real maximum (and so the ratios) may be"
              + " higher: add steps with --steps");
    }
  }

  /** The median over rounds of a target's latency at a percentile less direct's, in ms. */
  static double addedTo(List<Step> direct, List<Step> runs, ToLongFunction<Step> percentile) {
    List<Double> added = new ArrayList<>();
    for (int r = 0; r < runs.size(); r++) {
      added.add(
          (percentile.applyAsLong(runs.get(r)) - percentile.applyAsLong(direct.get(r))) / 1000.0);
    }
    return medianOf(added);
  }

  /** Each proxy's p99 less direct's in one round, e.g. {@code "gateway 2.34 ms, nginx 0.78 ms"}. */
  static String p99AddedIn(Map<String, Step> round) {
    long direct = round.get("direct").p99Micros();
    return round.entrySet().stream()
        .filter(run -> !run.getKey().equals("direct"))
        .map(
            run ->
                String.format(
                    "%s %.2f ms", run.getKey(), (run.getValue().p99Micros() - direct) / 1000.0))
        .collect(Collectors.joining(", "));
  }

  static final int COST_RATE = 400;
  static final int COST_SECONDS = 15;
  static final Duration IDLE_BASELINE = Duration.ofSeconds(10);

  /** USER_HZ; 100 on Linux for every common architecture. */
  private static final long CLOCK_TICKS = 100;

  /** The load generator's own CPU ms per request, by target, from the cost runs. */
  private final Map<String, Double> generatorCpu = new LinkedHashMap<>();

  /**
   * CPU milliseconds per answered request of {@code pids} (and their child processes): CPU used
   * during a run at {@link #COST_RATE} req/s, less what the same processes use idle over as long.
   */
  private double cpuPerRequest(String name, List<Long> pids, HttpLoad load) {
    long idleStart = cpuNanos(pids);
    long t0 = System.nanoTime();
    LockSupport.parkNanos(IDLE_BASELINE.toNanos());
    double idlePerNano = (double) (cpuNanos(pids) - idleStart) / (System.nanoTime() - t0);
    long busyStart = cpuNanos(pids);
    long generatorStart = generatorCpuNanos();
    long t1 = System.nanoTime();
    Step s = run(load, COST_RATE, COST_SECONDS);
    long busy = cpuNanos(pids) - busyStart;
    long generator = generatorCpuNanos() - generatorStart;
    double net = busy - idlePerNano * (System.nanoTime() - t1);
    double perRequest = s.ok() == 0 ? 0 : net / s.ok() / 1e6;
    double generatorPerRequest = s.ok() == 0 ? 0 : (double) generator / s.ok() / 1e6;
    generatorCpu.put(name, generatorPerRequest);
    System.out.printf(
        "  %-11s cost    %s; CPU %.3f ms/request (processes %s), load generator %.3f ms/request%n",
        name, s, perRequest, pids, generatorPerRequest);
    return perRequest;
  }

  /** CPU time of this JVM alone (the load generator), not of the devstack processes it started. */
  private static long generatorCpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** User plus system CPU time of these processes and their descendants, from /proc. */
  static long cpuNanos(List<Long> pids) {
    long ticks = 0;
    for (long pid : pids) {
      List<Long> all = new ArrayList<>();
      all.add(pid);
      ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> all.add(d.pid())));
      for (long one : all) {
        try {
          String stat = Files.readString(Path.of("/proc/" + one + "/stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
        } catch (IOException | RuntimeException gone) {
          // the process ended: nothing to add
        }
      }
    }
    return ticks * (1_000_000_000L / CLOCK_TICKS);
  }

  /**
   * Closed-loop warm-up (JIT, connection pools): {@code warmUpRequests} requests, 16 in flight,
   * each answer sending the next, so a cold or busy target is never flooded.
   */
  String warmUp(HttpLoad load) {
    InFlight inFlight = new InFlight(load, 16);
    long t0 = System.nanoTime();
    for (int i = 0; i < warmUpRequests; i++) {
      inFlight.submit(t0);
    }
    // Every request is answered, or given up after HttpLoad.TIMEOUT_SECONDS.
    waitUntil(inFlight::idle, Long.MAX_VALUE);
    double seconds = (System.nanoTime() - t0) / 1e9;
    return String.format(
        "%d requests closed-loop, 16 in flight: %d ok in %.1f s (%.0f req/s)",
        warmUpRequests, inFlight.ok.get(), seconds, inFlight.ok.get() / seconds);
  }

  /**
   * Polls {@code done} every 5 ms until it holds or {@code System.nanoTime()} reaches the deadline.
   */
  private static void waitUntil(BooleanSupplier done, long deadlineNanos) {
    while (!done.getAsBoolean() && System.nanoTime() < deadlineNanos) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  /** One step-up: the highest step that was sustainable, every lower one having been so too. */
  private int stepUp(String name, Map<String, HttpLoad> loads) {
    int best = 0;
    for (int step : steps) {
      Step s = measured(name, () -> run(loads.get(name), step, stepSeconds));
      boolean ok = sustainable(s);
      System.out.printf("  %-11s %s%s%n", name, s, ok ? "" : "  <- not sustainable");
      if (!ok) {
        break;
      }
      best = step;
    }
    return best;
  }

  /** The median of measured values; of an even number, the mean of the two middle ones. */
  static double medianOf(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /** The median; of an even number of values, the lower middle one (a rate that was reached). */
  static int median(List<Integer> values) {
    List<Integer> sorted = values.stream().sorted().toList();
    return sorted.get((sorted.size() - 1) / 2);
  }

  /**
   * A run whose load generator fell more than the bound behind schedule measured the machine's (or
   * the generator's own) stall, not the target: it is void, said so and run again, at most {@link
   * #VOID_REPEATS} times. The last run is taken whatever it measured (a void one is not
   * sustainable), so a machine that stalls all the time still ends the step-up.
   */
  Step measured(String name, Supplier<Step> run) {
    Step s = run.get();
    for (int repeat = 1; repeat <= VOID_REPEATS && generatorFellBehind(s); repeat++) {
      System.out.printf(
          "  %-11s %s  <- void: the load generator fell behind by more than %d ms; run again%n",
          name, s, generatorLagBoundMicros / 1000);
      voidRuns++;
      s = run.get();
    }
    return s;
  }

  private boolean generatorFellBehind(Step s) {
    return s.maxGeneratorLagMicros() > generatorLagBoundMicros;
  }

  private boolean sustainable(Step s) {
    return s.failed() == 0
        && s.unfinished() == 0
        && s.p99Micros() <= p99BoundMicros
        && s.maxGeneratorLagMicros() <= generatorLagBoundMicros;
  }

  /** Lets the previous step's connections and garbage settle before the next target. */
  static void settle() {
    System.gc();
    LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
  }

  /** One fixed-rate run. */
  record Step(
      int rate,
      int seconds,
      long sent,
      long ok,
      long failed,
      long unfinished,
      long p50Micros,
      long p90Micros,
      long p99Micros,
      long p999Micros,
      long maxMicros,
      long maxGeneratorLagMicros,
      double answeredPerSecond) {

    /** A run whose latencies (from the due times, in microseconds) are {@code latencies}. */
    static Step of(
        int rate,
        int seconds,
        long sent,
        long ok,
        long failed,
        long unfinished,
        Histogram latencies,
        long maxGeneratorLagMicros,
        double answeredPerSecond) {
      boolean none = latencies.getTotalCount() == 0;
      return new Step(
          rate,
          seconds,
          sent,
          ok,
          failed,
          unfinished,
          none ? 0 : latencies.getValueAtPercentile(50),
          none ? 0 : latencies.getValueAtPercentile(90),
          none ? 0 : latencies.getValueAtPercentile(99),
          none ? 0 : latencies.getValueAtPercentile(99.9),
          latencies.getMaxValue(),
          maxGeneratorLagMicros,
          answeredPerSecond);
    }

    double p50Millis() {
      return p50Micros / 1000.0;
    }

    double p99Millis() {
      return p99Micros / 1000.0;
    }

    @Override
    public String toString() {
      return String.format(
          "%6d req/s x %2d s: %7d sent, %7d ok, %5d failed, %5d outstanding; answered %7.0f/s;"
              + " p50 %7.2f ms, p90 %7.2f ms, p99 %8.2f ms, p99.9 %8.2f ms, max %8.2f ms;"
              + " generator lag max %6.2f ms",
          rate,
          seconds,
          sent,
          ok,
          failed,
          unfinished,
          answeredPerSecond,
          p50Micros / 1000.0,
          p90Micros / 1000.0,
          p99Micros / 1000.0,
          p999Micros / 1000.0,
          maxMicros / 1000.0,
          maxGeneratorLagMicros / 1000.0);
    }
  }

  /**
   * Sends {@code rate} requests a second for {@code seconds}, at most {@code connections} in flight
   * (one keep-alive connection each, as wrk2's {@code -c}): request {@code i} is due at {@code
   * start + i / rate}. This thread hands each request to the target's {@link HttpLoad} at its due
   * time, or queues it while {@code connections} are in flight; each answer, read on the client's
   * event loop, sends the next queued one. Latency is from the due time to the complete answer, so
   * time spent queued counts.
   */
  Step run(HttpLoad load, int rate, int seconds) {
    InFlight inFlight = new InFlight(load, connections);
    long total = (long) rate * seconds;
    long maxQueued =
        Math.max(1_000, rate); // a second's worth waiting: the target is not keeping up
    long maxLag = 0;
    long sent = 0;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    double intervalNanos = 1e9 / rate;
    for (long i = 0; i < total; i++) {
      long due = start + (long) (i * intervalNanos);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      maxLag = Math.max(maxLag, System.nanoTime() - due);
      sent++;
      if (inFlight.queued() >= maxQueued) {
        // Counted, never sent: the queue is growing without bound.
        inFlight.failed.incrementAndGet();
        continue;
      }
      inFlight.submit(due);
    }
    long lastDue = start + (long) (total * intervalNanos);
    long drainUntil = lastDue + TimeUnit.MILLISECONDS.toNanos(drainMillis);
    waitUntil(inFlight::idle, drainUntil);
    long end = System.nanoTime();
    long left = inFlight.queued() + inFlight.running();
    long answeredOk = inFlight.ok.get();
    long answeredFailed = inFlight.failed.get();
    inFlight.dropQueued(); // not sent: nothing more for this run
    // An answer in flight finishes or is given up (HttpLoad.TIMEOUT_SECONDS) before the next run.
    waitUntil(() -> inFlight.running() == 0, System.nanoTime() + Duration.ofSeconds(15).toNanos());
    Histogram h = inFlight.latencies.getIntervalHistogram();
    return Step.of(
        rate,
        seconds,
        sent,
        answeredOk,
        answeredFailed,
        left,
        h,
        maxLag / 1000,
        answeredOk / ((end - start) / 1e9));
  }

  /**
   * One round at the fixed rate for every target of {@code loads}, in its order: {@link
   * #runInterleaved} in slices of {@code --slice-ms}, or with {@code --slice-ms 0} one whole run
   * after another (a void one run again, see {@link #measured}); settled after, as after every run.
   */
  Map<String, Step> round(Map<String, HttpLoad> loads, int rate, int seconds) {
    if (sliceMillis > 0) {
      Map<String, Step> runs = runInterleaved(loads, rate, seconds, sliceMillis);
      settle();
      return runs;
    }
    Map<String, Step> runs = new LinkedHashMap<>();
    loads.forEach(
        (name, load) -> {
          runs.put(name, measured(name, () -> run(load, rate, seconds)));
          settle();
        });
    return runs;
  }

  /**
   * Fixed-rate runs of several targets, interleaved in time: one schedule of {@code rate} requests
   * a second (request {@code i} due at {@code start + i / rate}, as in {@link #run}) is cut into
   * slices of {@code sliceMillis}, and the slices go to the targets in turn, {@code seconds} of
   * slices for each. A stretch when the shared machine is slow then falls on every target alike,
   * where back-to-back runs of 15 s each let one target's run take all of it; the machine serves
   * {@code rate} throughout. Each slice has its own {@code connections} slots, and a target's
   * answers from one slice come in while the next targets' slices run.
   *
   * <p>A slice in which the load generator fell more than the bound behind schedule measured the
   * generator's (or the machine's) stall: it is dropped, said so, and its target gets one more
   * slice at the end, at most as many as it has slices. Each target's figures are over its kept
   * slices; its answered rate is over their length.
   */
  Map<String, Step> runInterleaved(
      Map<String, HttpLoad> loads, int rate, int seconds, int sliceMillis) {
    int perSlice = (int) ((long) rate * sliceMillis / 1000);
    int slicesEach = Math.max(1, seconds * 1000 / sliceMillis);
    ArrayDeque<String> order = new ArrayDeque<>();
    for (int k = 0; k < slicesEach; k++) {
      order.addAll(loads.keySet());
    }
    Map<String, List<Slice>> kept = new LinkedHashMap<>();
    Map<String, Integer> dropped = new LinkedHashMap<>();
    loads.keySet().forEach(name -> kept.put(name, new ArrayList<>()));
    loads.keySet().forEach(name -> dropped.put(name, 0));
    List<Slice> all = new ArrayList<>();
    double intervalNanos = 1e9 / rate;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    long i = 0;
    while (!order.isEmpty()) {
      String name = order.poll();
      Slice slice = new Slice(new InFlight(loads.get(name), connections));
      all.add(slice);
      for (int k = 0; k < perSlice; k++, i++) {
        long due = start + (long) (i * intervalNanos);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        slice.maxLagNanos = Math.max(slice.maxLagNanos, System.nanoTime() - due);
        slice.sent++;
        if (slice.inFlight.queued() >= Math.max(1_000, rate)) {
          // Counted, never sent: the queue is growing without bound.
          slice.inFlight.failed.incrementAndGet();
          continue;
        }
        slice.inFlight.submit(due);
      }
      if (slice.maxLagNanos > generatorLagBoundMicros * 1000) {
        int n = dropped.merge(name, 1, Integer::sum);
        if (n <= slicesEach) {
          order.add(name);
        }
      } else {
        kept.get(name).add(slice);
      }
    }
    long lastDue = start + (long) (i * intervalNanos);
    waitUntil(
        () -> all.stream().allMatch(s -> s.inFlight.idle()),
        lastDue + TimeUnit.MILLISECONDS.toNanos(drainMillis));
    for (Slice s : all) {
      s.unfinished = s.inFlight.queued() + s.inFlight.running();
      s.inFlight.dropQueued(); // not sent: nothing more for this run
    }
    waitUntil(
        () -> all.stream().allMatch(s -> s.inFlight.running() == 0),
        System.nanoTime() + Duration.ofSeconds(15).toNanos());

    Map<String, Step> steps = new LinkedHashMap<>();
    kept.forEach(
        (name, slices) -> {
          Histogram h = new Histogram(3);
          long sent = 0;
          long ok = 0;
          long failed = 0;
          long lag = 0;
          long unfinished = 0;
          for (Slice s : slices) {
            h.add(s.inFlight.latencies.getIntervalHistogram());
            sent += s.sent;
            ok += s.inFlight.ok.get();
            failed += s.inFlight.failed.get();
            lag = Math.max(lag, s.maxLagNanos);
            unfinished += s.unfinished;
          }
          if (dropped.get(name) > 0) {
            System.out.printf(
                "  %-11s %d slice(s) of %d ms dropped: the load generator fell behind by more than"
                    + " %d ms%n",
                name, dropped.get(name), sliceMillis, generatorLagBoundMicros / 1000);
            voidRuns += dropped.get(name);
          }
          double keptSeconds = slices.size() * sliceMillis / 1000.0;
          steps.put(
              name,
              Step.of(
                  rate,
                  (int) Math.round(keptSeconds),
                  sent,
                  ok,
                  failed,
                  unfinished,
                  h,
                  lag / 1000,
                  keptSeconds == 0 ? 0 : ok / keptSeconds));
        });
    return steps;
  }

  /** One target's slice of an interleaved run. */
  private static final class Slice {
    final InFlight inFlight;
    long sent;
    long maxLagNanos;
    long unfinished;

    Slice(InFlight inFlight) {
      this.inFlight = inFlight;
    }
  }

  /**
   * The requests of one run: due times waiting for a free slot, and at most {@code slots} sent and
   * not yet answered. Whoever queues a due time or frees a slot then sends what the free slots
   * allow, so no due time waits while a slot is free.
   */
  private static final class InFlight {

    private final HttpLoad load;
    private final int slots;
    private final Recorder latencies = new Recorder(3);
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();

    InFlight(HttpLoad load, int slots) {
      this.load = load;
      this.slots = slots;
    }

    void submit(long due) {
      queued.incrementAndGet();
      waiting.add(due);
      sendWhatSlotsAllow();
    }

    int queued() {
      return queued.get();
    }

    int running() {
      return running.get();
    }

    boolean idle() {
      return queued.get() == 0 && running.get() == 0;
    }

    void dropQueued() {
      while (waiting.poll() != null) {
        queued.decrementAndGet();
      }
    }

    private void sendWhatSlotsAllow() {
      while (takeSlot()) {
        Long due = waiting.poll();
        if (due == null) {
          running.decrementAndGet();
          // A due time queued after the poll, by a thread that found no free slot, is sent here.
          if (waiting.isEmpty()) {
            return;
          }
          continue;
        }
        queued.decrementAndGet();
        send(due);
      }
    }

    private boolean takeSlot() {
      while (true) {
        int n = running.get();
        if (n >= slots) {
          return false;
        }
        if (running.compareAndSet(n, n + 1)) {
          return true;
        }
      }
    }

    private void send(long due) {
      load.send(
          status -> {
            latencies.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
            (status == 200 ? ok : failed).incrementAndGet();
            running.decrementAndGet();
            sendWhatSlotsAllow();
          });
    }
  }

  // ------------------------------------------------------------------ nginx

  /**
   * nginx as a plain reverse proxy in front of catalog-service: loopback only, keep-alive upstream
   * connections, {@code worker_processes auto}, no access log; run in the foreground as a child.
   */
  private Process startNginx(Path dir, int port, int catalogPort) throws Exception {
    Files.createDirectories(dir.resolve("tmp"));
    Files.createDirectories(dir.resolve("logs"));
    String conf =
        """
        worker_processes auto;
        pid %1$s/nginx.pid;
        error_log %1$s/logs/error.log warn;
        events {
          worker_connections 4096;
        }
        http {
          access_log off;
          client_body_temp_path %1$s/tmp/body;
          proxy_temp_path %1$s/tmp/proxy;
          fastcgi_temp_path %1$s/tmp/fastcgi;
          uwsgi_temp_path %1$s/tmp/uwsgi;
          scgi_temp_path %1$s/tmp/scgi;
          upstream catalog {
            server 127.0.0.1:%2$d;
            keepalive 64;
          }
          server {
            listen 127.0.0.1:%3$d;
            location / {
              proxy_pass http://catalog;
              proxy_http_version 1.1;
              proxy_set_header Connection "";
              proxy_set_header Host $host;
              proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
              proxy_set_header X-Forwarded-Proto $scheme;
            }
          }
        }
        """
            .formatted(dir.toAbsolutePath(), catalogPort, port);
    Path confFile = dir.resolve("nginx.conf");
    Files.writeString(confFile, conf);
    Process p =
        new ProcessBuilder(
                nginx,
                "-p",
                dir.toAbsolutePath().toString(),
                "-e",
                dir.resolve("logs/error.log").toAbsolutePath().toString(),
                "-c",
                confFile.toAbsolutePath().toString(),
                "-g",
                "daemon off;")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("logs/stdout.log").toFile())
            .start();
    // A benchmark stopped with Ctrl-C or SIGTERM stops its nginx too (devstack's processes watch
    // their parent; nginx does not).
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  p.descendants().forEach(ProcessHandle::destroy);
                  p.destroy();
                }));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            "nginx exited with "
                + p.exitValue()
                + ": "
                + Files.readString(dir.resolve("logs/stdout.log"))
                + Files.readString(dir.resolve("logs/error.log")));
      }
      try {
        HttpResponse<Void> r =
            setup.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          System.out.printf(
              "nginx %s up on 127.0.0.1:%d -> catalog-service :%d (config %s)%n",
              nginxVersion(), port, catalogPort, confFile);
          return p;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    p.destroyForcibly();
    throw new IllegalStateException("nginx did not answer within 10 s");
  }

  private String nginxVersion() {
    try {
      Process v = new ProcessBuilder(nginx, "-v").redirectErrorStream(true).start();
      String out = new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      v.waitFor();
      return out.replaceFirst("^nginx version: ", "");
    } catch (IOException | InterruptedException e) {
      return "(version unknown)";
    }
  }

  /** SIGTERM to the master (fast shutdown); its workers go with it. */
  private static void stopNginx(Process p, Path dir) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    System.out.println("nginx stopped (logs in " + dir.resolve("logs") + ")");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
