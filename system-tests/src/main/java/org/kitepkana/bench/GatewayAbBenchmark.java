package org.kitepkana.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kitepkana.devstack.Devstack;
import org.kitepkana.devstack.ManagedProcess;

/**
 * Two gateway builds compared on one devstack: devstack's own gateway (A: the jar built from this
 * checkout) and a second gateway started from another jar (B: the baseline, e.g. a copy of main's
 * jar), with the same command line and the same catalog-service behind both. Runs alternate between
 * the two (A first in odd rounds, B first in even ones), so whatever else the machine does hits
 * both alike; on two shared cores the spread between separate runs of {@link GatewayBenchmark} is
 * larger than most single changes to the gateway, and this is how such a change is measured.
 *
 * <p>After the warm-ups, each gateway runs once at the cost rate, not counted, while its JIT
 * compilers finish. Per round: the gateway process's own CPU and heap allocation ({@link
 * HeapAllocation}) per answered request at a fixed moderate rate (the load generator and
 * catalog-service are left out), then p50/p99 at the fixed rate of {@link GatewayBenchmark} through
 * each gateway and straight to catalog-service. Prints every round, the medians and the ratios A/B.
 * Prints figures; asserts nothing.
 *
 * <p>B can also be the same jar with other JVM flags ({@code --baseline-jvm-flags "-Dx=y ..."},
 * added to B's command line after A's), to measure a setting.
 *
 * <p>Usage: {@code bin/bench-gateway-ab --baseline-jar PATH [--baseline-jvm-flags FLAGS] [--rounds
 * 5] [--cost-rate 400] [--cost-seconds 10] [--rate 1000] [--seconds 10] [--connections 64]
 * [--warm-up-requests 40000] [--slice-ms 1000]}; the p50/p99 runs of a round are interleaved as in
 * {@link GatewayBenchmark#runInterleaved} ({@code --slice-ms 0}: back to back).
 */
public final class GatewayAbBenchmark {

  private final Path baselineJar;
  private final List<String> baselineJvmFlags;
  private final int rounds;
  private final int costRate;
  private final int costSeconds;
  private final int rate;
  private final int seconds;
  private final int connections;
  private final GatewayBenchmark runner;

  GatewayAbBenchmark(Map<String, String> args) {
    String jar = args.get("baseline-jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalArgumentException(
          "--baseline-jar PATH (an executable gateway jar) is needed");
    }
    baselineJar = Path.of(jar).toAbsolutePath();
    String flags = args.getOrDefault("baseline-jvm-flags", "").trim();
    baselineJvmFlags = flags.isEmpty() ? List.of() : List.of(flags.split("\\s+"));
    rounds = Integer.parseInt(args.getOrDefault("rounds", "5"));
    costRate = Integer.parseInt(args.getOrDefault("cost-rate", "400"));
    costSeconds = Integer.parseInt(args.getOrDefault("cost-seconds", "10"));
    rate = Integer.parseInt(args.getOrDefault("rate", "1000"));
    seconds = Integer.parseInt(args.getOrDefault("seconds", "10"));
    connections = Integer.parseInt(args.getOrDefault("connections", "64"));
    runner = new GatewayBenchmark(args);
  }

  public static void main(String[] argv) throws Exception {
    new GatewayAbBenchmark(BenchSupport.args(argv)).run();
    System.exit(0);
  }

  void run() throws Exception {
    Path dir = Files.createTempDirectory("kitepkana-bench-gateway-ab-");
    System.out.printf("load average at start: %s%n", BenchSupport.loadAverage());
    try (Devstack stack = BenchSupport.startStack(dir, true, BenchSupport.serviceJvmFlags(true))) {
      String token = runner.coordinatorToken(stack);
      String recordPath = runner.createRecord(stack.gatewayUrl(), token);
      long gatewayA = stack.gateway().pid().orElseThrow();
      int portB = GatewayBenchmark.freePort();
      try (ManagedProcess gatewayB =
          BenchSupport.gatewayLike(gatewayA, baselineJar, baselineJvmFlags, "gateway-b", portB, dir)
              .start()) {
        long pidB = gatewayB.pid().orElseThrow();
        System.out.printf(
            "A: %s (pid %d)%nB: %s (pid %d), baseline jar %s, extra JVM flags %s%n",
            stack.gatewayUrl(),
            gatewayA,
            "http://127.0.0.1:" + portB,
            pidB,
            baselineJar,
            baselineJvmFlags);
        Map<String, String> bases = new LinkedHashMap<>();
        bases.put("A", stack.gatewayUrl());
        bases.put("B", "http://127.0.0.1:" + portB);
        bases.put("direct", stack.serviceUrl("catalog"));
        compare(bases, recordPath, token, Map.of("A", gatewayA, "B", pidB));
      }
    }
    System.out.printf("load average at end: %s%n", BenchSupport.loadAverage());
  }

  private void compare(
      Map<String, String> bases, String recordPath, String token, Map<String, Long> gatewayPids) {
    Map<String, HttpLoad> loads = new LinkedHashMap<>();
    bases.forEach((name, base) -> loads.put(name, GatewayBenchmark.load(base, recordPath, token)));
    try {
      compare(loads, gatewayPids);
    } finally {
      loads.values().forEach(HttpLoad::close);
    }
  }

  private void compare(Map<String, HttpLoad> loads, Map<String, Long> gatewayPids) {
    System.out.printf(
        "open-model load, at most %d requests in flight per target (one keep-alive connection"
            + " each); %d rounds, A and B alternating%n",
        connections, rounds);
    for (String name : loads.keySet()) {
      System.out.printf("  %-6s warm-up %s%n", name, runner.warmUp(loads.get(name)));
    }
    // The JIT compilers are still busy after the closed-loop warm-up: the first counted cost run
    // read 1.0-1.1 ms of gateway CPU per request where later ones read 0.4-0.6. One run at the cost
    // rate per gateway, not counted, lets them finish.
    for (String name : List.of("A", "B")) {
      System.out.printf(
          "  %-6s settling, not counted: %s%n",
          name, runner.run(loads.get(name), costRate, costSeconds));
      GatewayBenchmark.settle();
    }

    Map<String, List<Double>> cost = new LinkedHashMap<>();
    Map<String, List<Double>> allocated = new LinkedHashMap<>();
    Map<String, List<Double>> p50 = new LinkedHashMap<>();
    Map<String, List<Double>> p99 = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      List<String> order = round % 2 == 1 ? List.of("A", "B") : List.of("B", "A");
      for (String name : order) {
        List<Long> pid = List.of(gatewayPids.get(name));
        HeapAllocation heapBefore = HeapAllocation.of(gatewayPids.get(name));
        long before = GatewayBenchmark.cpuNanos(pid);
        GatewayBenchmark.Step s = runner.run(loads.get(name), costRate, costSeconds);
        double perRequest =
            s.ok() == 0 ? 0 : (GatewayBenchmark.cpuNanos(pid) - before) / 1e6 / s.ok();
        HeapAllocation heapAfter = HeapAllocation.of(gatewayPids.get(name));
        cost.computeIfAbsent(name, k -> new ArrayList<>()).add(perRequest);
        String heap = "";
        if (heapBefore != null && heapAfter != null && s.ok() > 0) {
          double kb = heapBefore.bytesUntil(heapAfter) / 1024.0 / s.ok();
          allocated.computeIfAbsent(name, k -> new ArrayList<>()).add(kb);
          heap = "; heap allocation %.1f KB/request".formatted(kb);
        }
        System.out.printf(
            "  round %d %-6s cost %s; gateway CPU %.3f ms/request%s%n",
            round, name, s, perRequest, heap);
        GatewayBenchmark.settle();
      }
      int r = round;
      Map<String, HttpLoad> latencyOrder = new LinkedHashMap<>();
      for (String name :
          round % 2 == 1 ? List.of("A", "B", "direct") : List.of("direct", "B", "A")) {
        latencyOrder.put(name, loads.get(name));
      }
      runner
          .round(latencyOrder, rate, seconds)
          .forEach(
              (name, s) -> {
                p50.computeIfAbsent(name, k -> new ArrayList<>()).add(s.p50Millis());
                p99.computeIfAbsent(name, k -> new ArrayList<>()).add(s.p99Millis());
                System.out.printf("  round %d %-6s %s%n", r, name, s);
              });
    }

    double directP99 = GatewayBenchmark.medianOf(p99.get("direct"));
    System.out.println();
    System.out.printf(
        "%-7s %22s %12s %12s %16s%n",
        "target", "gateway CPU ms/request", "p50@" + rate, "p99@" + rate, "p99 added");
    for (String name : List.of("A", "B", "direct")) {
      System.out.printf(
          "%-7s %22s %9.2f ms %9.2f ms %13.2f ms%n",
          name,
          cost.containsKey(name)
              ? "%.3f".formatted(GatewayBenchmark.medianOf(cost.get(name)))
              : "-",
          GatewayBenchmark.medianOf(p50.get(name)),
          GatewayBenchmark.medianOf(p99.get(name)),
          GatewayBenchmark.medianOf(p99.get(name)) - directP99);
    }
    System.out.printf(
        "medians over %d rounds; A/B: gateway CPU per request %.2f, p99 %.2f%n",
        rounds,
        GatewayBenchmark.medianOf(cost.get("A")) / GatewayBenchmark.medianOf(cost.get("B")),
        GatewayBenchmark.medianOf(p99.get("A")) / GatewayBenchmark.medianOf(p99.get("B")));
    System.out.printf(
        "A's gateway CPU per round (ms/request): %s%nB's: %s%n", cost.get("A"), cost.get("B"));
    if (allocated.containsKey("A") && allocated.containsKey("B")) {
      System.out.printf(
          "heap allocation per request (KB, from jstat; steadier than CPU): A %.1f, B %.1f, A/B"
              + " %.2f%n",
          GatewayBenchmark.medianOf(allocated.get("A")),
          GatewayBenchmark.medianOf(allocated.get("B")),
          GatewayBenchmark.medianOf(allocated.get("A"))
              / GatewayBenchmark.medianOf(allocated.get("B")));
    }
  }
}
