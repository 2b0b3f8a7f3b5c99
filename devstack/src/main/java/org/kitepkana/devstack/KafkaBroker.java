package org.kitepkana.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker (broker and controller in one JVM) run from devstack's own
 * classpath: {@code java -cp <classpath> kafka.Kafka server.properties}, after {@code
 * kafka.tools.StorageTool format --standalone} when the log dir is not yet formatted.
 *
 * <p>Layout under the devstack data dir: {@code kafka/server.properties}, {@code kafka/log4j2.xml},
 * {@code kafka/data/} (log and metadata dirs; survives restarts), {@code logs/kafka.log} (console),
 * {@code logs/kafka/server.log} and friends (Kafka's own log files).
 */
public final class KafkaBroker {

  static final String LOG4J_RESOURCE = "devstack-kafka-log4j2.xml";

  private final Path dataDir;
  private final int port;
  private final int controllerPort;
  private final String classpath;
  private final List<String> jvmFlags;
  private final Duration startTimeout;
  private final Map<String, String> overrides;
  private ManagedProcess process;

  private KafkaBroker(Builder b) {
    this.dataDir = Objects.requireNonNull(b.dataDir, "dataDir").toAbsolutePath();
    this.port = b.port;
    this.controllerPort = b.controllerPort;
    this.classpath = b.classpath;
    this.jvmFlags = List.copyOf(b.jvmFlags);
    this.startTimeout = b.startTimeout;
    this.overrides = Map.copyOf(b.overrides);
    if (port <= 0 || controllerPort <= 0 || port == controllerPort) {
      throw new IllegalArgumentException(
          "need two distinct ports, got " + port + " and " + controllerPort);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public String bootstrap() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public int controllerPort() {
    return controllerPort;
  }

  public Path kafkaDir() {
    return dataDir.resolve("kafka");
  }

  public Path configFile() {
    return kafkaDir().resolve("server.properties");
  }

  /** {@code log.dirs} (also the KRaft metadata dir). */
  public Path logDirs() {
    return kafkaDir().resolve("data");
  }

  /** Where Kafka's own log4j files go ({@code server.log}, {@code controller.log}, ...). */
  public Path kafkaLogFilesDir() {
    return dataDir.resolve("logs").resolve("kafka");
  }

  /** The console log of the broker process. */
  public Path consoleLog() {
    return dataDir.resolve("logs").resolve("kafka.log");
  }

  /** The broker configuration, in file order. */
  public Map<String, String> serverProperties() {
    String plain = "127.0.0.1:" + port;
    String controller = "127.0.0.1:" + controllerPort;
    Map<String, String> p = new LinkedHashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.bootstrap.servers", controller);
    p.put("listeners", "PLAINTEXT://" + plain + ",CONTROLLER://" + controller);
    p.put("advertised.listeners", "PLAINTEXT://" + plain + ",CONTROLLER://" + controller);
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logDirs().toString());
    p.put("num.partitions", "3");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "10");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "10");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "true");
    p.put("delete.topic.enable", "true");
    // after a SIGKILL the controller refuses the broker's new registration until the old session
    // expires (DUPLICATE_BROKER_REGISTRATION): 3 s instead of 9 s makes a restart that much faster
    p.put("broker.session.timeout.ms", "3000");
    p.put("broker.heartbeat.interval.ms", "1000");
    // small machine: fewer threads and a small log-cleaner buffer (default 128 MiB)
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "4");
    p.put("num.recovery.threads.per.data.dir", "1");
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(32 * 1024 * 1024));
    p.put("log.retention.hours", "168");
    p.put("log.segment.bytes", String.valueOf(256 * 1024 * 1024));
    p.putAll(overrides);
    return p;
  }

  /** The properties file text. */
  public String serverPropertiesText() {
    StringBuilder sb = new StringBuilder("# written by devstack; regenerated on every start\n");
    serverProperties().forEach((k, v) -> sb.append(k).append('=').append(escape(v)).append('\n'));
    return sb.toString();
  }

  /** Writes {@code server.properties} and the log4j2 config. */
  public void writeConfig() {
    try {
      Files.createDirectories(kafkaDir());
      Files.createDirectories(logDirs());
      Files.createDirectories(kafkaLogFilesDir());
      Files.writeString(configFile(), serverPropertiesText(), StandardCharsets.UTF_8);
      try (InputStream in = KafkaBroker.class.getResourceAsStream("/" + LOG4J_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + LOG4J_RESOURCE);
        }
        Files.write(log4jConfig(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Kafka config under " + kafkaDir(), e);
    }
  }

  public Path log4jConfig() {
    return kafkaDir().resolve("log4j2.xml");
  }

  /** Whether {@link #logDirs()} holds a {@code meta.properties} (it was formatted before). */
  public boolean isFormatted() {
    return Files.isRegularFile(logDirs().resolve("meta.properties"));
  }

  /** Runs {@code StorageTool format --standalone} unless already formatted; needs the config. */
  public void formatIfNeeded() {
    if (isFormatted()) {
      return;
    }
    String clusterId = Uuid.randomUuid().toString();
    List<String> cmd = new ArrayList<>();
    cmd.add(DevstackClasspath.javaExecutable());
    cmd.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
    cmd.addAll(systemProperties());
    cmd.addAll(
        List.of(
            "-cp",
            classpath,
            "kafka.tools.StorageTool",
            "format",
            "--standalone",
            "-t",
            clusterId,
            "-c",
            configFile().toString()));
    try {
      Files.createDirectories(consoleLog().getParent());
      Files.writeString(
          consoleLog(),
          String.format(
              "%n===== devstack: formatting %s (cluster id %s) at %s%n",
              logDirs(), clusterId, Instant.now()),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      Process p =
          new ProcessBuilder(cmd)
              .directory(kafkaDir().toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog().toFile()))
              .start();
      p.getOutputStream().close();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new DevstackException("kafka StorageTool format timed out; see " + consoleLog());
      }
      if (p.exitValue() != 0 || !isFormatted()) {
        throw new DevstackException(
            "kafka StorageTool format failed (exit "
                + p.exitValue()
                + "): "
                + String.join(" ", cmd)
                + "\nsee "
                + consoleLog());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run kafka StorageTool", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevstackException("interrupted while formatting Kafka storage", e);
    }
  }

  /** The broker process: writes the config and formats the storage before every launch. */
  public synchronized ManagedProcess process() {
    if (process == null) {
      List<String> cmd = new ArrayList<>();
      cmd.add(DevstackClasspath.javaExecutable());
      cmd.addAll(jvmFlags);
      cmd.add(ParentWatch.javaAgentFlag(dataDir));
      cmd.addAll(systemProperties());
      cmd.addAll(List.of("-cp", classpath, "kafka.Kafka", configFile().toString()));
      process =
          ManagedProcess.builder("kafka")
              .command(cmd)
              .workDir(kafkaDir())
              .logFile(consoleLog())
              .healthCheck(HealthCheck.kafka("127.0.0.1", port))
              .startTimeout(startTimeout)
              .stopTimeout(Duration.ofSeconds(30))
              .preStart(
                  () -> {
                    writeConfig();
                    formatIfNeeded();
                  })
              .build();
    }
    return process;
  }

  private List<String> systemProperties() {
    return List.of(
        "-Dlog4j2.configurationFile=" + log4jConfig(),
        "-Dkafka.logs.dir=" + kafkaLogFilesDir(),
        "-Djava.awt.headless=true",
        "-Dfile.encoding=UTF-8");
  }

  /** java.util.Properties escaping (the broker reads the file as ISO-8859-1). */
  static String escape(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      if (c == '\\') {
        sb.append("\\\\");
      } else if (c > 0x7e || c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Builder; {@code dataDir}, {@code port}, {@code controllerPort} are required. */
  public static final class Builder {
    private Path dataDir;
    private int port;
    private int controllerPort;
    private String classpath;
    private List<String> jvmFlags = Devstack.DEFAULT_KAFKA_JVM_FLAGS;
    private Duration startTimeout = ManagedProcess.DEFAULT_START_TIMEOUT;
    private final Map<String, String> overrides = new LinkedHashMap<>();

    private Builder() {}

    /** The devstack data dir; Kafka uses {@code kafka/} and {@code logs/} below it. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder controllerPort(int controllerPort) {
      this.controllerPort = controllerPort;
      return this;
    }

    /** The classpath of the broker JVM; default {@link DevstackClasspath#resolve}. */
    public Builder classpath(String classpath) {
      this.classpath = classpath;
      return this;
    }

    public Builder jvmFlags(List<String> jvmFlags) {
      this.jvmFlags = List.copyOf(jvmFlags);
      return this;
    }

    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = startTimeout;
      return this;
    }

    /** An extra or replaced broker property. */
    public Builder property(String key, String value) {
      overrides.put(key, value);
      return this;
    }

    public KafkaBroker build() {
      if (classpath == null) {
        classpath = DevstackClasspath.resolve(null);
      }
      return new KafkaBroker(this);
    }
  }
}
