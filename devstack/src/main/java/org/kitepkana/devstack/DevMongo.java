package org.kitepkana.devstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB-wire store (mongo-java-server) on 127.0.0.1:&lt;port&gt;, backed by an H2 MVStore file
 * or by memory.
 *
 * <pre>
 * java -cp devstack.jar org.kitepkana.devstack.DevMongo --port 27018 --h2 .devstack/mongo/devstack.mv
 * java -cp devstack.jar org.kitepkana.devstack.DevMongo --port 27018 --memory
 * </pre>
 */
public final class DevMongo {

  private DevMongo() {}

  public static void main(String[] args) throws Exception {
    String host = "127.0.0.1";
    int port = 27018;
    Path file = null;
    boolean memory = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--host" -> host = args[++i];
        case "--h2" -> file = Paths.get(args[++i]);
        case "--memory" -> memory = true;
        default -> {
          System.err.println(
              "usage: DevMongo [--host 127.0.0.1] [--port 27018] (--h2 FILE | --memory)");
          System.exit(2);
        }
      }
    }
    if (!memory && file == null) {
      System.err.println("DevMongo: give --h2 FILE or --memory");
      System.exit(2);
    }
    MongoBackend backend;
    if (memory) {
      backend = new MemoryBackend();
    } else {
      Path absolute = file.toAbsolutePath();
      if (absolute.getParent() != null) {
        Files.createDirectories(absolute.getParent());
      }
      backend = new H2Backend(absolute.toString());
    }
    MongoServer server = new MongoServer(backend);
    server.bind(host, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdownNow();
                  backend.close();
                  stopped.countDown();
                },
                "devmongo-shutdown"));
    System.out.println(
        "DevMongo listening on mongodb://"
            + host
            + ":"
            + port
            + " ("
            + (memory ? "in memory" : "H2 file " + file.toAbsolutePath())
            + ")");
    stopped.await();
  }

  /**
   * A {@link ManagedProcess} running DevMongo (with the {@link ParentWatch} agent).
   *
   * @param dataDir the devstack data dir: the store is {@code <dataDir>/mongo/devstack.mv}, the log
   *     {@code <dataDir>/logs/mongo.log}
   * @param inMemory memory backend instead of the H2 file
   */
  public static ManagedProcess process(
      Path dataDir, int port, boolean inMemory, String classpath, Duration startTimeout) {
    Path data = dataDir.toAbsolutePath();
    List<String> cmd = new ArrayList<>();
    cmd.add(DevstackClasspath.javaExecutable());
    cmd.addAll(
        List.of(
            // The store is the platform's bottleneck on devstack (every service writes to it):
            // room for the H2 page cache and the full JIT, not the quick-start flags of the
            // short-lived processes.
            "-Xmx1g",
            "-XX:+UseSerialGC",
            "-Dfile.encoding=UTF-8",
            "-Ddevstack.log.level=INFO",
            ParentWatch.javaAgentFlag(data),
            "-cp",
            classpath,
            DevMongo.class.getName(),
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(port)));
    if (inMemory) {
      cmd.add("--memory");
    } else {
      cmd.add("--h2");
      cmd.add(data.resolve("mongo").resolve("devstack.mv").toString());
    }
    return ManagedProcess.builder("mongo")
        .command(cmd)
        .workDir(data.resolve("mongo"))
        .logFile(data.resolve("logs").resolve("mongo.log"))
        .healthCheck(HealthCheck.tcp("127.0.0.1", port))
        .startTimeout(startTimeout)
        .stopTimeout(Duration.ofSeconds(20))
        .build();
  }
}
