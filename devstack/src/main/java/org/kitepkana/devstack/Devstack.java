package org.kitepkana.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The embedded default platform as separate processes: a KRaft Kafka broker, a MongoDB-wire store
 * (mongo-java-server on H2 or memory), every backend service whose jar is built, and the gateway;
 * plus demo data for a Naryn-like region, loaded once through the gateway.
 *
 * <pre>{@code
 * try (Devstack stack = Devstack.builder().dataDir(tmp).ports(PortPlan.free())
 *     .mongoInMemory(true).demoData(true).build().start()) {
 *   HttpClient.newHttpClient().send(GET(stack.gatewayUrl() + "/api/catalog/branches"), ...);
 *   stack.kafka().kill();
 *   stack.kafka().start();
 * }
 * }</pre>
 */
public final class Devstack implements AutoCloseable {

  public static final Path DEFAULT_DATA_DIR = Paths.get(".devstack");
  public static final List<String> DEFAULT_SERVICE_JVM_FLAGS =
      List.of("-Xmx512m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8");

  /**
   * Put before the service flags, so those can override them. The gateway allocates about 45 KB per
   * proxied read (bin/bench-gateway-ab) and keeps about 30 MB live: a young generation of half its
   * heap is collected half as often as the JVM's default third, each pause no longer (docs in
   * gateway/README.md, "JVM").
   */
  public static final List<String> GATEWAY_JVM_FLAGS = List.of("-Xmn256m");

  public static final List<String> DEFAULT_KAFKA_JVM_FLAGS =
      List.of("-Xmx768m", "-Xms128m", "-XX:+UseSerialGC");
  static final String DATA_DIR_MARKER = "DEVSTACK";
  static final String DEMO_MARKER = "demo-data.loaded";
  static final String LOCK_FILE = "devstack.lock";

  private final Path dataDir;
  private final Path repoRoot;
  private final PortPlan ports;
  private final boolean mongoInMemory;
  private final boolean demoData;
  private final Duration startTimeout;
  private final List<String> serviceJvmFlags;
  private final List<String> kafkaJvmFlags;
  private final PrintStream log;
  private final boolean reset;

  private final List<ManagedProcess> started = new ArrayList<>();
  private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
  private final Map<String, Path> skipped = new LinkedHashMap<>();
  private final Map<String, AtomicInteger> instanceCounters = new ConcurrentHashMap<>();
  private volatile boolean closing;
  private volatile boolean startCalled;
  private String classpath;
  private KafkaBroker broker;
  private ManagedProcess kafka;
  private ManagedProcess mongo;
  private ManagedProcess auth;
  private ManagedProcess gateway;
  private DemoDataLoader.Summary demoSummary;
  private FileChannel lockChannel;
  private FileLock lock;

  private Devstack(Builder b) {
    this.dataDir = b.dataDir.toAbsolutePath().normalize();
    this.repoRoot =
        (b.repoRoot != null ? b.repoRoot : detectRepoRoot()).toAbsolutePath().normalize();
    this.ports = b.ports;
    this.mongoInMemory = b.mongoInMemory;
    this.demoData = b.demoData;
    this.startTimeout = b.startTimeout;
    this.serviceJvmFlags = List.copyOf(b.serviceJvmFlags);
    this.kafkaJvmFlags = List.copyOf(b.kafkaJvmFlags);
    this.log = b.log;
    this.reset = b.reset;
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Starts the token issuer (if built), Kafka and Mongo, then every backend whose jar exists, then
   * the gateway; waits for each to be healthy; loads the demo data once. Backends and the gateway
   * trust the issuer's tokens. On failure, stops what it started and rethrows.
   */
  public synchronized Devstack start() {
    if (startCalled) {
      throw new IllegalStateException("start() was already called");
    }
    startCalled = true;
    Instant begin = Instant.now();
    try {
      prepareDataDir();
      List<ServiceSpec> toStart = new ArrayList<>();
      for (ServiceSpec spec : Services.BACKENDS) {
        if (Files.isRegularFile(spec.jarPath(repoRoot))) {
          toStart.add(spec);
        } else {
          skipped.put(spec.name(), spec.jarPath(repoRoot));
        }
      }
      boolean withGateway = Files.isRegularFile(Services.GATEWAY.jarPath(repoRoot));
      if (!withGateway) {
        skipped.put(Services.GATEWAY.name(), Services.GATEWAY.jarPath(repoRoot));
      }
      boolean withAuth = Files.isRegularFile(Services.AUTH_SERVER.jarPath(repoRoot));
      if (!withAuth) {
        skipped.put(Services.AUTH_SERVER.name(), Services.AUTH_SERVER.jarPath(repoRoot));
      }
      checkPortsFree(toStart, withGateway, withAuth);
      classpath = DevstackClasspath.resolve(repoRoot);
      skipped.forEach(
          (name, jar) ->
              log.println(
                  "devstack: skipping " + name + " (" + repoRoot.relativize(jar) + " not built)"));
      if (!withAuth) {
        log.println(
            "devstack: WARNING without the token issuer the services trust no token: reads only");
      }
      if (withAuth) {
        auth = launch(authProcess());
      }

      broker =
          KafkaBroker.builder()
              .dataDir(dataDir)
              .port(ports.kafka())
              .controllerPort(ports.kafkaController())
              .classpath(classpath)
              .jvmFlags(kafkaJvmFlags)
              .startTimeout(startTimeout)
              .build();
      kafka = launch(broker.process());
      mongo =
          launch(DevMongo.process(dataDir, ports.mongo(), mongoInMemory, classpath, startTimeout));
      awaitAll(auth == null ? List.of(mongo, kafka) : List.of(auth, mongo, kafka));

      List<ManagedProcess> backends = new ArrayList<>();
      for (ServiceSpec spec : toStart) {
        ManagedProcess p = serviceProcess(spec, spec.name(), ports.service(spec.name()), 1);
        services.put(spec.name(), p);
        backends.add(launch(p));
      }
      awaitAll(backends);

      if (withGateway) {
        gateway = launch(gatewayProcess());
        awaitAll(List.of(gateway));
      }
      log.printf(
          "devstack: up in %.1f s%n", Duration.between(begin, Instant.now()).toMillis() / 1000.0);
      if (demoData) {
        loadDemoDataOnce();
      }
      return this;
    } catch (RuntimeException e) {
      log.println("devstack: start failed; stopping what was started");
      try {
        close();
      } catch (RuntimeException stopFailure) {
        e.addSuppressed(stopFailure);
      }
      throw e;
    }
  }

  /** Stops everything this stack started, in reverse order (SIGTERM, then SIGKILL). */
  @Override
  public void close() {
    List<ManagedProcess> toStop;
    synchronized (started) {
      closing = true;
      toStop = new ArrayList<>(started);
    }
    Collections.reverse(toStop);
    RuntimeException failure = null;
    for (ManagedProcess p : toStop) {
      try {
        p.stop();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    unlockDataDir();
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Starts one more instance of a backend on {@code port}, with the same store and broker, and
   * waits until it is ready; {@link #close()} stops it. Its instance id is {@code <name>-<n>}.
   */
  public ManagedProcess startServiceInstance(String name, int port) {
    requireRunning();
    ServiceSpec spec =
        Services.BACKENDS.stream()
            .filter(s -> s.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown service: " + name));
    if (!Files.isRegularFile(spec.jarPath(repoRoot))) {
      throw new DevstackException(name + " is not built: " + spec.jarPath(repoRoot));
    }
    int n = instanceCounters.computeIfAbsent(name, k -> new AtomicInteger(1)).incrementAndGet();
    ManagedProcess p = serviceProcess(spec, name + "-" + n, port, n);
    launch(p);
    awaitAll(List.of(p));
    return p;
  }

  /**
   * Loads the demo data now (through the gateway, or straight to catalog without a gateway),
   * regardless of the marker file, and writes the marker.
   */
  public synchronized DemoDataLoader.Summary loadDemoData() {
    String via;
    URI target;
    if (isRunning(Services.GATEWAY.name())) {
      via = "gateway";
      target = URI.create(gatewayUrl());
    } else if (isRunning("catalog")) {
      via = "catalog (no gateway)";
      target = URI.create(serviceUrl("catalog"));
    } else {
      throw new DevstackException("demo data needs catalog (and the gateway); neither is running");
    }
    DemoData data = DemoData.load();
    log.println(
        "devstack: loading demo data via "
            + via
            + ": "
            + data.branches().size()
            + " branches, "
            + data.itemCount()
            + " holdings");
    demoSummary = new DemoDataLoader(target, log, token("coordinator")).load(data);
    LegalActsDemoLoader.loadInto(this, target, log);
    PartnershipsDemoLoader.loadInto(this, target, log);
    EventsDemoLoader.loadInto(this, target, log);
    log.println("devstack: demo data: " + demoSummary);
    if (!mongoInMemory) {
      try {
        Files.writeString(
            dataDir.resolve(DEMO_MARKER),
            "loaded at " + Instant.now() + " via " + via + ": " + demoSummary + "\n",
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return demoSummary;
  }

  private void loadDemoDataOnce() {
    Path marker = dataDir.resolve(DEMO_MARKER);
    if (!mongoInMemory && Files.exists(marker)) {
      log.println("devstack: demo data already loaded (" + marker + "; --reset to start over)");
      return;
    }
    if (!isRunning("catalog")) {
      log.println("devstack: demo data skipped: catalog is not running");
      return;
    }
    loadDemoData();
  }

  // ---------------------------------------------------------------- accessors

  public Path dataDir() {
    return dataDir;
  }

  public Path repoRoot() {
    return repoRoot;
  }

  public Path logDir() {
    return dataDir.resolve("logs");
  }

  public PortPlan ports() {
    return ports;
  }

  public boolean mongoInMemory() {
    return mongoInMemory;
  }

  /** {@code http://127.0.0.1:<gateway port>}; fails if the gateway was not started. */
  public String gatewayUrl() {
    requireStarted(Services.GATEWAY.name());
    return "http://127.0.0.1:" + ports.gateway();
  }

  /** {@code http://127.0.0.1:<port>} of a backend (or {@code "gateway"}); fails if not started. */
  public String serviceUrl(String name) {
    requireStarted(name);
    return "http://127.0.0.1:" + ports.service(name);
  }

  /**
   * The token issuer, {@code http://127.0.0.1:<auth port>}: the {@code iss} of its tokens; {@code
   * /oauth2/token} and {@code /oauth2/jwks} below it. Fails if the issuer was not started.
   */
  public String issuerUri() {
    require(auth, Services.AUTH_SERVER.name());
    return "http://127.0.0.1:" + ports.auth();
  }

  /**
   * A fresh access token for a demo client ({@code coordinator}, {@code partnership-officer},
   * {@code subscriber}, {@code librarian-<branchId>}) by {@code client_credentials}.
   */
  public String token(String clientId) {
    return DevstackTokens.fetch(issuerUri(), clientId, DevstackTokens.demoSecret());
  }

  /** {@code 127.0.0.1:<kafka port>}. */
  public String kafkaBootstrap() {
    return "127.0.0.1:" + ports.kafka();
  }

  /** {@code mongodb://127.0.0.1:<mongo port>/<db>}. */
  public String mongoUri(String database) {
    return "mongodb://127.0.0.1:" + ports.mongo() + "/" + database;
  }

  public ManagedProcess kafka() {
    return require(kafka, "kafka");
  }

  public ManagedProcess mongo() {
    return require(mongo, "mongo");
  }

  public ManagedProcess gateway() {
    return require(gateway, Services.GATEWAY.name());
  }

  /** The token issuer's process. */
  public ManagedProcess auth() {
    return require(auth, Services.AUTH_SERVER.name());
  }

  /** The first instance of a backend, the gateway or the issuer ({@code auth}). */
  public ManagedProcess service(String name) {
    if (Services.GATEWAY.name().equals(name)) {
      return gateway();
    }
    if (Services.AUTH_SERVER.name().equals(name)) {
      return auth();
    }
    return require(services.get(name), name);
  }

  /** Names of the backends started (not skipped), plus {@code gateway} if started. */
  public List<String> startedServices() {
    List<String> names = new ArrayList<>(services.keySet());
    if (gateway != null) {
      names.add(Services.GATEWAY.name());
    }
    return names;
  }

  /** Skipped services and the jar that was missing. */
  public Map<String, Path> skippedServices() {
    return Collections.unmodifiableMap(skipped);
  }

  /** Whether {@code name} (kafka, mongo, gateway or a backend) was started and is alive. */
  public boolean isRunning(String name) {
    ManagedProcess p =
        switch (name) {
          case "kafka" -> kafka;
          case "mongo" -> mongo;
          case "gateway" -> gateway;
          case "auth" -> auth;
          default -> services.get(name);
        };
    return p != null && p.isAlive();
  }

  /** Every process started so far, in start order. */
  public List<ManagedProcess> processes() {
    synchronized (started) {
      return List.copyOf(started);
    }
  }

  /** The result of the demo-data load in this run, if any. */
  public Optional<DemoDataLoader.Summary> demoDataSummary() {
    return Optional.ofNullable(demoSummary);
  }

  /** A table of URLs and log files, for people. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    String fmt = "  %-13s %-40s %s%n";
    sb.append(String.format("Kitepkana devstack (data dir %s)%n", dataDir));
    if (gateway != null) {
      sb.append(String.format(fmt, "gateway", gatewayUrl(), rel(gateway.logFile())));
    } else {
      sb.append(String.format(fmt, "gateway", "(skipped: jar not built)", ""));
    }
    if (auth != null) {
      sb.append(
          String.format(fmt, "token issuer", issuerUri() + "/oauth2/token", rel(auth.logFile())));
    } else {
      sb.append(String.format(fmt, "token issuer", "(skipped: jar not built)", ""));
    }
    for (ServiceSpec spec : Services.BACKENDS) {
      ManagedProcess p = services.get(spec.name());
      if (p != null) {
        sb.append(String.format(fmt, spec.name(), serviceUrl(spec.name()), rel(p.logFile())));
      } else {
        sb.append(String.format(fmt, spec.name(), "(skipped: jar not built)", ""));
      }
    }
    sb.append(
        String.format(
            fmt,
            "kafka",
            kafkaBootstrap(),
            rel(logDir().resolve("kafka.log")) + ", " + rel(logDir().resolve("kafka")) + "/"));
    sb.append(
        String.format(
            fmt,
            "mongo",
            mongoUri("<db>"),
            rel(logDir().resolve("mongo.log"))
                + (mongoInMemory ? " (in memory)" : " (H2 file mongo/devstack.mv)")));
    sb.append(String.format("  %-13s %s%n", "logs", logDir()));
    return sb.toString();
  }

  // ---------------------------------------------------------------- internals

  private ManagedProcess serviceProcess(ServiceSpec spec, String processName, int port, int n) {
    List<String> cmd = new ArrayList<>();
    cmd.add(DevstackClasspath.javaExecutable());
    cmd.addAll(serviceJvmFlags);
    cmd.add(ParentWatch.javaAgentFlag(dataDir));
    cmd.add("-jar");
    cmd.add(spec.jarPath(repoRoot).toString());
    cmd.addAll(
        List.of(
            "--server.address=127.0.0.1",
            "--server.port=" + port,
            "--spring.mongodb.uri=" + mongoUri(spec.mongoDatabase()),
            "--spring.kafka.bootstrap-servers=" + kafkaBootstrap(),
            "--kitepkana.instance-id=" + spec.name() + "-" + n,
            "--management.endpoint.health.probes.enabled=true"));
    cmd.addAll(trustIssuerArgs());
    cmd.addAll(spec.extraArgs());
    return ManagedProcess.builder(processName)
        .command(cmd)
        .workDir(dataDir.resolve("work").resolve(spec.name() + "-" + n))
        .logFile(logDir().resolve(processName + ".log"))
        .healthCheck(HealthCheck.readiness(port))
        .startTimeout(startTimeout)
        .build();
  }

  private ManagedProcess gatewayProcess() {
    ServiceSpec spec = Services.GATEWAY;
    int port = ports.gateway();
    List<String> cmd = new ArrayList<>();
    cmd.add(DevstackClasspath.javaExecutable());
    cmd.addAll(GATEWAY_JVM_FLAGS);
    cmd.addAll(serviceJvmFlags);
    cmd.add(ParentWatch.javaAgentFlag(dataDir));
    cmd.add("-jar");
    cmd.add(spec.jarPath(repoRoot).toString());
    cmd.add("--server.address=127.0.0.1");
    cmd.add("--server.port=" + port);
    for (ServiceSpec backend : Services.BACKENDS) {
      cmd.add(
          "--kitepkana.services."
              + backend.name()
              + "-uri=http://127.0.0.1:"
              + ports.service(backend.name()));
    }
    cmd.add("--kitepkana.instance-id=gateway-1");
    cmd.add("--management.endpoint.health.probes.enabled=true");
    cmd.addAll(trustIssuerArgs());
    cmd.addAll(spec.extraArgs());
    return ManagedProcess.builder(spec.name())
        .command(cmd)
        .workDir(dataDir.resolve("work").resolve("gateway-1"))
        .logFile(logDir().resolve("gateway.log"))
        .healthCheck(HealthCheck.readiness(port))
        .startTimeout(startTimeout)
        .build();
  }

  /** Where the backends and the gateway find the issuer they trust (none without one). */
  private List<String> trustIssuerArgs() {
    if (auth == null) {
      return List.of();
    }
    return List.of(
        "--kitepkana.security.issuer-uri=" + issuerUri(),
        "--kitepkana.security.jwk-set-uri=" + issuerUri() + "/oauth2/jwks");
  }

  /**
   * The token issuer, with a client per role and one librarian client per demo branch (read from
   * the demo data, not listed twice). Its signing key lives in the data dir, so tokens survive a
   * restart of the issuer; the demo secret comes through the environment, not the command line.
   */
  private ManagedProcess authProcess() {
    ServiceSpec spec = Services.AUTH_SERVER;
    int port = ports.auth();
    List<String> branches = DemoData.load().branches().stream().map(DemoData.Branch::id).toList();
    List<String> cmd = new ArrayList<>();
    cmd.add(DevstackClasspath.javaExecutable());
    cmd.addAll(serviceJvmFlags);
    cmd.add(ParentWatch.javaAgentFlag(dataDir));
    cmd.add("-jar");
    cmd.add(spec.jarPath(repoRoot).toString());
    cmd.add("--server.address=127.0.0.1");
    cmd.add("--server.port=" + port);
    cmd.add("--kitepkana.auth.issuer=http://127.0.0.1:" + port);
    cmd.add("--kitepkana.auth.librarian-branches=" + String.join(",", branches));
    cmd.add("--kitepkana.auth.key-file=" + dataDir.resolve("auth").resolve("signing-key.json"));
    cmd.add("--management.endpoint.health.probes.enabled=true");
    cmd.addAll(spec.extraArgs());
    return ManagedProcess.builder(spec.name())
        .command(cmd)
        .env("KITEPKANA_AUTH_CLIENTSECRET", DevstackTokens.demoSecret())
        .workDir(dataDir.resolve("work").resolve("auth-1"))
        .logFile(logDir().resolve("auth.log"))
        .healthCheck(HealthCheck.readiness(port))
        .startTimeout(startTimeout)
        .build();
  }

  private ManagedProcess launch(ManagedProcess p) {
    synchronized (started) {
      if (closing) {
        throw new DevstackException("devstack is closing; not starting " + p.name());
      }
      started.add(p);
    }
    p.onUnexpectedExit(
        x ->
            log.println(
                "devstack: "
                    + x.name()
                    + " exited unexpectedly (code "
                    + x.exitCode().map(String::valueOf).orElse("?")
                    + "); see "
                    + x.logFile()));
    p.launch();
    if (closing) {
      p.kill();
      throw new DevstackException("devstack is closing; stopped " + p.name());
    }
    return p;
  }

  private void awaitAll(List<ManagedProcess> processes) {
    for (ManagedProcess p : processes) {
      p.awaitHealthy();
      log.printf(
          "devstack: %-13s ready in %5.1f s  (pid %d, log %s)%n",
          p.name(),
          p.lastStartDuration().orElse(Duration.ZERO).toMillis() / 1000.0,
          p.pid().orElse(-1),
          rel(p.logFile()));
    }
  }

  private void checkPortsFree(List<ServiceSpec> toStart, boolean withGateway, boolean withAuth) {
    Map<String, Integer> needed = new LinkedHashMap<>();
    if (withAuth) {
      needed.put("token issuer", ports.auth());
    }
    needed.put("kafka", ports.kafka());
    needed.put("kafka controller", ports.kafkaController());
    needed.put("mongo", ports.mongo());
    for (ServiceSpec spec : toStart) {
      needed.put(spec.name(), ports.service(spec.name()));
    }
    if (withGateway) {
      needed.put("gateway", ports.gateway());
    }
    List<String> busy = new ArrayList<>();
    needed.forEach(
        (name, port) -> {
          if (!PortPlan.isPortFree(port)) {
            busy.add(name + " " + port);
          }
        });
    if (!busy.isEmpty()) {
      throw new DevstackException(
          "ports in use on 127.0.0.1: "
              + String.join(", ", busy)
              + ". Is another devstack running? Stop it, or use free ports (--free-ports).");
    }
  }

  private void prepareDataDir() {
    try {
      if (reset) {
        requireDevstackDirOrEmpty(dataDir);
      }
      Files.createDirectories(dataDir);
      lockDataDir();
      if (reset) {
        log.println("devstack: reset: deleting the contents of " + dataDir);
        try (Stream<Path> entries = Files.list(dataDir)) {
          for (Path entry : entries.toList()) {
            if (!entry.getFileName().toString().equals(LOCK_FILE)) {
              deleteRecursively(entry);
            }
          }
        }
      }
      Files.createDirectories(logDir());
      Path marker = dataDir.resolve(DATA_DIR_MARKER);
      if (!Files.exists(marker)) {
        Files.writeString(
            marker,
            "Kitepkana devstack data directory (Kafka log dirs, the Mongo store, logs).\n"
                + "Safe to delete while devstack is stopped; `bin/devstack --reset` does.\n",
            StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + dataDir, e);
    }
  }

  /** One running devstack per data dir: Kafka, H2 and the demo marker are not shareable. */
  private void lockDataDir() throws IOException {
    Path lockFile = dataDir.resolve(LOCK_FILE);
    FileChannel channel =
        FileChannel.open(
            lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    FileLock acquired;
    try {
      acquired = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      acquired = null;
    }
    if (acquired == null) {
      String holder = new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).trim();
      channel.close();
      throw new DevstackException(
          dataDir
              + " is in use by another running devstack"
              + (holder.isEmpty() ? "" : " (" + holder + ")")
              + ". Stop it, or use another --data-dir.");
    }
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
    lockChannel = channel;
    lock = acquired;
  }

  private void unlockDataDir() {
    try {
      if (lock != null) {
        lock.release();
      }
      if (lockChannel != null) {
        lockChannel.close();
      }
    } catch (IOException e) {
      // the lock goes away with the channel or the JVM anyway
    }
    lock = null;
    lockChannel = null;
  }

  /**
   * Deletes a stopped devstack data dir. Refuses a non-empty directory without the {@value
   * #DATA_DIR_MARKER} marker file, so a mistyped {@code --data-dir} cannot wipe anything else.
   */
  public static void deleteDataDir(Path dir) {
    Path d = dir.toAbsolutePath().normalize();
    requireDevstackDirOrEmpty(d);
    try {
      deleteRecursively(d);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + d, e);
    }
  }

  private static void requireDevstackDirOrEmpty(Path d) {
    if (!Files.isDirectory(d)) {
      return;
    }
    try (Stream<Path> entries = Files.list(d)) {
      boolean empty = entries.findAny().isEmpty();
      if (!empty && !Files.exists(d.resolve(DATA_DIR_MARKER))) {
        throw new DevstackException(
            "refusing to delete " + d + ": it has no " + DATA_DIR_MARKER + " marker file");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    }
  }

  /**
   * The repository root: walking up from the working directory (then from this jar's location), the
   * first directory with a {@code pom.xml} and a {@code devstack/} directory.
   */
  public static Path detectRepoRoot() {
    Path cwd = Paths.get("").toAbsolutePath();
    Optional<Path> found = walkUp(cwd);
    if (found.isEmpty()) {
      try {
        Path self =
            Paths.get(Devstack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        found = walkUp(self);
      } catch (Exception e) {
        // fall through
      }
    }
    return found.orElse(cwd);
  }

  private static Optional<Path> walkUp(Path start) {
    for (Path d = start; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("devstack"))) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  private void requireRunning() {
    if (kafka == null || mongo == null) {
      throw new IllegalStateException("devstack is not started");
    }
  }

  private void requireStarted(String name) {
    boolean known =
        Services.GATEWAY.name().equals(name) ? gateway != null : services.containsKey(name);
    if (!known) {
      if (skipped.containsKey(name)) {
        throw new IllegalStateException(
            name + " was not started: " + skipped.get(name) + " does not exist (build it first)");
      }
      if (Services.find(name).isEmpty()) {
        throw new IllegalArgumentException("unknown service: " + name);
      }
      throw new IllegalStateException(name + " is not started");
    }
  }

  private static ManagedProcess require(ManagedProcess p, String name) {
    if (p == null) {
      throw new IllegalStateException(name + " was not started");
    }
    return p;
  }

  private String rel(Path p) {
    Path cwd = Paths.get("").toAbsolutePath();
    return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
  }

  /** Builder with the defaults of the CLI. */
  public static final class Builder {
    private Path dataDir = DEFAULT_DATA_DIR;
    private Path repoRoot;
    private PortPlan ports = PortPlan.fixed();
    private boolean mongoInMemory;
    private boolean demoData = true;
    private boolean reset;
    private Duration startTimeout = ManagedProcess.DEFAULT_START_TIMEOUT;
    private List<String> serviceJvmFlags = DEFAULT_SERVICE_JVM_FLAGS;
    private List<String> kafkaJvmFlags = DEFAULT_KAFKA_JVM_FLAGS;
    private PrintStream log = System.out;

    private Builder() {}

    /** Kafka data, the Mongo file, logs and markers; default {@code ./.devstack}. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir);
      return this;
    }

    /** Where the service jars are; default: detected (see {@link #detectRepoRoot()}). */
    public Builder repoRoot(Path repoRoot) {
      this.repoRoot = repoRoot;
      return this;
    }

    /** Default {@link PortPlan#fixed()}. */
    public Builder ports(PortPlan ports) {
      this.ports = Objects.requireNonNull(ports);
      return this;
    }

    /** Memory backend instead of the H2 file (default false). */
    public Builder mongoInMemory(boolean mongoInMemory) {
      this.mongoInMemory = mongoInMemory;
      return this;
    }

    /** Load the demo region once (default true). */
    public Builder demoData(boolean demoData) {
      this.demoData = demoData;
      return this;
    }

    /**
     * Empty the data dir when starting (only a devstack data dir that no running devstack holds;
     * default false).
     */
    public Builder reset(boolean reset) {
      this.reset = reset;
      return this;
    }

    /** How long each process may take to become healthy (default 120 s). */
    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = Objects.requireNonNull(startTimeout);
      return this;
    }

    /**
     * JVM flags for services and the gateway (default {@code -Xmx512m -XX:+UseSerialGC}); the
     * gateway's start with {@link #GATEWAY_JVM_FLAGS}, which these override.
     */
    public Builder serviceJvmFlags(List<String> serviceJvmFlags) {
      this.serviceJvmFlags = List.copyOf(serviceJvmFlags);
      return this;
    }

    /**
     * JVM flags for the broker (default {@code -Xmx768m -Xms128m -XX:+UseSerialGC}); short-lived
     * test stacks may add {@code -XX:TieredStopAtLevel=1}, which starts it about twice as fast.
     */
    public Builder kafkaJvmFlags(List<String> kafkaJvmFlags) {
      this.kafkaJvmFlags = List.copyOf(kafkaJvmFlags);
      return this;
    }

    /** Where progress lines go (default {@code System.out}). */
    public Builder log(PrintStream log) {
      this.log = Objects.requireNonNull(log);
      return this;
    }

    public Devstack build() {
      return new Devstack(this);
    }
  }
}
