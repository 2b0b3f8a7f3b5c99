package org.kitepkana.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kitepkana.devstack.Devstack;
import org.kitepkana.devstack.HealthCheck;
import org.kitepkana.devstack.ManagedProcess;
import org.kitepkana.devstack.PortPlan;

/**
 * What every benchmark here does the same way: its arguments, the machine's load, JVM flags, the
 * stack it starts.
 */
final class BenchSupport {

  private BenchSupport() {}

  /**
   * {@code --name value} pairs; a {@code --name} followed by another option (or last) is a flag and
   * reads {@code "true"}.
   */
  static Map<String, String> args(String[] argv) {
    Map<String, String> args = new HashMap<>();
    for (int i = 0; i < argv.length; i++) {
      String key = argv[i].replaceFirst("^--", "");
      boolean flag = i + 1 >= argv.length || argv[i + 1].startsWith("--");
      args.put(key, flag ? "true" : argv[++i]);
    }
    return args;
  }

  /** The 1, 5 and 15 minute load averages, printed with every figure: a busy machine shows. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return "%s %s %s (1, 5, 15 min; %d cores)"
          .formatted(parts[0], parts[1], parts[2], Runtime.getRuntime().availableProcessors());
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * devstack's JVM flags for every service, plus whatever {@code BENCH_SERVICE_FLAGS} adds (to try
   * a setting without a rebuild); with {@code liftGatewayRateLimits}, the gateway's limits for the
   * anonymous and coordinator roles stay on (their cost is measured) but far above any benchmark
   * rate, so they are never what stops the load.
   */
  static List<String> serviceJvmFlags(boolean liftGatewayRateLimits) {
    List<String> flags = new ArrayList<>(Devstack.DEFAULT_SERVICE_JVM_FLAGS);
    if (liftGatewayRateLimits) {
      for (String role : List.of("anonymous", "coordinator")) {
        flags.add("-Dkitepkana.gateway.rate-limits.roles." + role + ".requests-per-second=1000000");
        flags.add("-Dkitepkana.gateway.rate-limits.roles." + role + ".burst=1000000");
      }
    }
    String extra = System.getenv("BENCH_SERVICE_FLAGS");
    if (extra != null && !extra.isBlank()) {
      flags.addAll(List.of(extra.trim().split("\\s+")));
      System.out.println("extra service JVM flags (BENCH_SERVICE_FLAGS): " + extra.trim());
    }
    return flags;
  }

  /**
   * A fresh devstack without demo data on free ports in {@code dataDir}, the in-memory store or H2,
   * with these service JVM flags; Ctrl-C stops it too.
   */
  static Devstack startStack(Path dataDir, boolean memory, List<String> serviceJvmFlags) {
    Devstack stack =
        Devstack.builder()
            .dataDir(dataDir)
            .ports(PortPlan.free())
            .mongoInMemory(memory)
            .demoData(false)
            .serviceJvmFlags(serviceJvmFlags)
            .startTimeout(Duration.ofMinutes(3))
            .build()
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
    return stack;
  }

  /**
   * A second gateway process beside devstack's: devstack's gateway command line (JVM flags,
   * arguments) with another jar, {@code extraJvmFlags} after devstack's, another port and instance
   * id; started and awaited as devstack starts its own (ready when its readiness probe says so).
   */
  static ManagedProcess gatewayLike(
      long devstackGateway, Path jar, List<String> extraJvmFlags, String name, int port, Path dir)
      throws IOException {
    String raw = Files.readString(Path.of("/proc/" + devstackGateway + "/cmdline"));
    List<String> cmd = new ArrayList<>(Arrays.asList(raw.split("\0")));
    int jarFlag = cmd.indexOf("-jar");
    if (jarFlag < 0 || cmd.stream().noneMatch(arg -> arg.startsWith("--server.port="))) {
      throw new IllegalStateException(
          "devstack's gateway (pid "
              + devstackGateway
              + ") was not started as 'java ... -jar JAR --server.port=N ...': "
              + cmd);
    }
    cmd.set(jarFlag + 1, jar.toAbsolutePath().toString());
    cmd.addAll(jarFlag, extraJvmFlags);
    cmd.replaceAll(
        arg ->
            arg.startsWith("--server.port=")
                ? "--server.port=" + port
                : arg.startsWith("--kitepkana.instance-id=")
                    ? "--kitepkana.instance-id=" + name
                    : arg);
    return ManagedProcess.builder(name)
        .command(cmd)
        .workDir(dir.resolve("work").resolve(name))
        .logFile(dir.resolve("logs").resolve(name + ".log"))
        .healthCheck(HealthCheck.readiness(port))
        .startTimeout(Duration.ofMinutes(3))
        .build();
  }
}
