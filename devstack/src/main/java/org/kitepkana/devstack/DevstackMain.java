package org.kitepkana.devstack;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar devstack/target/devstack.jar [options]}: starts the platform, prints where
 * everything is, and runs until Ctrl-C (which stops every process it started).
 */
public final class DevstackMain {

  private static final String USAGE =
      """
      usage: devstack [--data-dir DIR] [--no-demo] [--free-ports] [--reset] [--mongo-in-memory]
                      [--repo-root DIR] [--start-timeout SECONDS]

        --data-dir DIR       Kafka data, the Mongo file and logs (default ./.devstack)
        --no-demo            do not load the demo region
        --free-ports         pick free ports instead of 8080-8083, 9092/9093, 27018
        --reset              delete the data dir first (a fresh platform)
        --mongo-in-memory    keep the store in memory instead of an H2 file
        --repo-root DIR      where the service jars are (default: detected)
        --start-timeout S    seconds each process may take to become ready (default 120)
      """;

  private DevstackMain() {}

  public static void main(String[] args) throws InterruptedException {
    Devstack.Builder builder = Devstack.builder();
    Path dataDir = Devstack.DEFAULT_DATA_DIR;
    boolean reset = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--data-dir" -> dataDir = Paths.get(value(args, ++i, arg));
        case "--no-demo" -> builder.demoData(false);
        case "--free-ports" -> builder.ports(PortPlan.free());
        case "--reset" -> reset = true;
        case "--mongo-in-memory" -> builder.mongoInMemory(true);
        case "--repo-root" -> builder.repoRoot(Paths.get(value(args, ++i, arg)));
        case "--start-timeout" ->
            builder.startTimeout(Duration.ofSeconds(Long.parseLong(value(args, ++i, arg))));
        case "-h", "--help" -> {
          System.out.print(USAGE);
          return;
        }
        default -> {
          System.err.println("unknown option: " + arg);
          System.err.print(USAGE);
          System.exit(2);
        }
      }
    }
    builder.dataDir(dataDir);
    builder.reset(reset);
    Devstack stack = builder.build();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("devstack: stopping...");
                  try {
                    stack.close();
                  } catch (RuntimeException e) {
                    System.err.println("devstack: while stopping: " + e.getMessage());
                  }
                  System.out.println("devstack: stopped");
                  stopped.countDown();
                },
                "devstack-shutdown"));
    System.out.println(
        "devstack: repo "
            + stack.repoRoot()
            + ", data "
            + stack.dataDir()
            + ", ports "
            + stack.ports());
    try {
      stack.start();
    } catch (RuntimeException e) {
      System.err.println("devstack: FAILED: " + e.getMessage());
      System.exit(1);
    }
    System.out.println();
    System.out.print(stack.describe());
    System.out.println();
    System.out.println("devstack: running. Ctrl-C stops everything.");
    stopped.await();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      System.err.println("devstack: " + option + " needs a value");
      System.exit(2);
    }
    return args[i];
  }
}
