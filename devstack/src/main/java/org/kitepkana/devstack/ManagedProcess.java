package org.kitepkana.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A child process (usually a JVM) that devstack starts, probes, stops, kills and restarts. Its
 * stdout and stderr are appended to {@link #logFile()}; each start writes a header line there.
 */
public final class ManagedProcess implements AutoCloseable {

  /** Runs before every launch (e.g. write a config file, format a Kafka log dir). */
  @FunctionalInterface
  public interface PreStart {
    void run() throws Exception;
  }

  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);
  public static final String SETSID_PROPERTY = "kitepkana.devstack.setsid";
  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);

  private final String name;
  private final List<String> command;
  private final Map<String, String> env;
  private final Path workDir;
  private final Path logFile;
  private final HealthCheck healthCheck;
  private final Duration startTimeout;
  private final Duration stopTimeout;
  private final PreStart preStart;
  private final boolean newSession;
  private final List<Consumer<ManagedProcess>> unexpectedExitListeners =
      new CopyOnWriteArrayList<>();

  private volatile Process process;
  private volatile long logOffset;
  private volatile boolean stopping;
  private volatile Duration lastStartDuration;
  private volatile Instant launchedAt;

  private ManagedProcess(Builder b) {
    this.name = Objects.requireNonNull(b.name, "name");
    this.command = List.copyOf(Objects.requireNonNull(b.command, "command"));
    this.env = Map.copyOf(b.env);
    this.workDir = Objects.requireNonNull(b.workDir, "workDir").toAbsolutePath();
    this.logFile = Objects.requireNonNull(b.logFile, "logFile").toAbsolutePath();
    this.healthCheck = b.healthCheck;
    this.startTimeout = b.startTimeout;
    this.stopTimeout = b.stopTimeout;
    this.preStart = b.preStart;
    this.newSession = b.newSession;
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  public List<String> command() {
    return command;
  }

  public Path workDir() {
    return workDir;
  }

  public Path logFile() {
    return logFile;
  }

  public HealthCheck healthCheck() {
    return healthCheck;
  }

  /** Launches the process and waits until healthy; a no-op if it is already alive. */
  public ManagedProcess start() {
    if (isAlive()) {
      return this;
    }
    launch();
    try {
      awaitHealthy();
    } catch (RuntimeException e) {
      kill();
      throw e;
    }
    return this;
  }

  /** Launches the process without waiting for health; a no-op if it is already alive. */
  public synchronized ManagedProcess launch() {
    if (isAlive()) {
      return this;
    }
    try {
      launchedAt = Instant.now();
      lastStartDuration = null;
      Files.createDirectories(workDir);
      Files.createDirectories(logFile.getParent());
      if (preStart != null) {
        preStart.run();
      }
      String header =
          String.format(
              "%n===== devstack: starting %s at %s%n===== %s%n",
              name, Instant.now(), String.join(" ", launchCommand()));
      Files.writeString(
          logFile,
          header,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      logOffset = Files.size(logFile);
      ProcessBuilder pb = new ProcessBuilder(launchCommand()).directory(workDir.toFile());
      pb.environment().putAll(env);
      pb.redirectErrorStream(true);
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      // stdin stays an open pipe: children with the ParentWatch agent exit when this JVM dies.
      stopping = false;
      Process started = pb.start();
      process = started;
      started
          .onExit()
          .thenAccept(
              p -> {
                if (!stopping && process == p) {
                  unexpectedExitListeners.forEach(l -> l.accept(this));
                }
              });
      return this;
    } catch (DevstackException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    } catch (Exception e) {
      throw new DevstackException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * The command as launched: on systems with {@code setsid} the child gets its own session, so a
   * Ctrl-C in the terminal reaches only the devstack JVM, whose shutdown hook then stops the
   * children in order (instead of every process getting SIGINT at once). {@code setsid} execs the
   * command, so the pid is the child's own. Off with {@code -Dkitepkana.devstack.setsid=false}.
   */
  List<String> launchCommand() {
    if (!newSession || !Boolean.parseBoolean(System.getProperty(SETSID_PROPERTY, "true"))) {
      return command;
    }
    for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
      if (Files.isExecutable(Path.of(candidate))) {
        List<String> withSetsid = new ArrayList<>();
        withSetsid.add(candidate);
        withSetsid.addAll(command);
        return withSetsid;
      }
    }
    return command;
  }

  /** Waits up to the configured start timeout until the health check passes. */
  public ManagedProcess awaitHealthy() {
    return awaitHealthy(startTimeout);
  }

  /**
   * Polls the health check until it passes. Fails at once if the process exits, or after the
   * timeout, with the last lines of its log.
   */
  public ManagedProcess awaitHealthy(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String lastFailure = "not probed yet";
    long sleepMillis = 100;
    while (true) {
      Process p = process;
      if (p == null) {
        throw new DevstackException(name + " was not started");
      }
      if (!p.isAlive()) {
        throw new DevstackException(
            name
                + " exited with code "
                + p.exitValue()
                + " before it became healthy ("
                + healthCheck.describe()
                + "). Last lines of "
                + logFile
                + ":\n"
                + logTail(40));
      }
      try {
        if (healthCheck.isHealthy()) {
          if (lastStartDuration == null) {
            lastStartDuration = Duration.between(launchedAt, Instant.now());
          }
          return this;
        }
        lastFailure = "probe returned false";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DevstackException("interrupted while waiting for " + name, e);
      } catch (Exception e) {
        lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      if (System.nanoTime() > deadline) {
        throw new DevstackException(
            name
                + " did not become healthy within "
                + timeout.toSeconds()
                + " s ("
                + healthCheck.describe()
                + "; last: "
                + lastFailure
                + "). Last lines of "
                + logFile
                + ":\n"
                + logTail(40));
      }
      sleep(sleepMillis);
      sleepMillis = Math.min(500, sleepMillis * 2);
    }
  }

  /** One probe, without waiting. */
  public boolean isHealthy() {
    if (!isAlive()) {
      return false;
    }
    try {
      return healthCheck.isHealthy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  public boolean isAlive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  public OptionalLong pid() {
    Process p = process;
    return p == null ? OptionalLong.empty() : OptionalLong.of(p.pid());
  }

  /** The exit code of the last run, if it has ended. */
  public Optional<Integer> exitCode() {
    Process p = process;
    return p == null || p.isAlive() ? Optional.empty() : Optional.of(p.exitValue());
  }

  /**
   * How long the last launch took until the health check first passed (including any {@link
   * PreStart} work such as formatting Kafka storage).
   */
  public Optional<Duration> lastStartDuration() {
    return Optional.ofNullable(lastStartDuration);
  }

  /** SIGKILL ({@code destroyForcibly}) and wait for the exit. A no-op if not alive. */
  public synchronized void kill() {
    Process p = process;
    if (p == null || !p.isAlive()) {
      return;
    }
    stopping = true;
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    waitFor(p, Duration.ofSeconds(30));
  }

  /** SIGTERM, wait up to the stop timeout, then SIGKILL. A no-op if not alive. */
  public synchronized void stop() {
    Process p = process;
    if (p == null || !p.isAlive()) {
      return;
    }
    stopping = true;
    p.destroy();
    if (!waitFor(p, stopTimeout)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      waitFor(p, Duration.ofSeconds(30));
    }
  }

  /** {@link #stop()} then {@link #start()}. */
  public ManagedProcess restart() {
    stop();
    return start();
  }

  /** Called (on another thread) when the process exits without {@link #stop()}/{@link #kill()}. */
  public ManagedProcess onUnexpectedExit(Consumer<ManagedProcess> listener) {
    unexpectedExitListeners.add(listener);
    return this;
  }

  /** The last {@code lines} lines written to the log since the latest launch. */
  public String logTail(int lines) {
    if (!Files.exists(logFile)) {
      return "(no log file)";
    }
    try (SeekableByteChannel ch = Files.newByteChannel(logFile, StandardOpenOption.READ)) {
      long size = ch.size();
      long from = Math.max(logOffset, size - 64 * 1024);
      from = Math.min(from, size);
      ByteBuffer buf = ByteBuffer.allocate((int) (size - from));
      ch.position(from);
      while (buf.hasRemaining() && ch.read(buf) > 0) {
        // keep reading
      }
      String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
      Deque<String> tail = new ArrayDeque<>();
      for (String line : text.split("\\R")) {
        tail.addLast(line);
        if (tail.size() > lines) {
          tail.removeFirst();
        }
      }
      return String.join(System.lineSeparator(), tail);
    } catch (IOException e) {
      return "(cannot read " + logFile + ": " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return name + (isAlive() ? " (pid " + process.pid() + ")" : " (not running)");
  }

  private static boolean waitFor(Process p, Duration timeout) {
    try {
      return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !p.isAlive();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevstackException("interrupted", e);
    }
  }

  /** Builder; {@code command}, {@code workDir} and {@code logFile} are required. */
  public static final class Builder {
    private final String name;
    private List<String> command;
    private final Map<String, String> env = new LinkedHashMap<>();
    private Path workDir;
    private Path logFile;
    private HealthCheck healthCheck = HealthCheck.none();
    private Duration startTimeout = DEFAULT_START_TIMEOUT;
    private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;
    private PreStart preStart;
    private boolean newSession = true;

    private Builder(String name) {
      this.name = name;
    }

    public Builder command(List<String> command) {
      this.command = new ArrayList<>(command);
      return this;
    }

    public Builder command(String... command) {
      return command(List.of(command));
    }

    public Builder env(String key, String value) {
      env.put(key, value);
      return this;
    }

    public Builder env(Map<String, String> values) {
      env.putAll(values);
      return this;
    }

    public Builder workDir(Path workDir) {
      this.workDir = workDir;
      return this;
    }

    /** Where stdout and stderr go (appended); conventionally {@code <dataDir>/logs/<name>.log}. */
    public Builder logFile(Path logFile) {
      this.logFile = logFile;
      return this;
    }

    public Builder healthCheck(HealthCheck healthCheck) {
      this.healthCheck = Objects.requireNonNull(healthCheck);
      return this;
    }

    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = Objects.requireNonNull(startTimeout);
      return this;
    }

    public Builder stopTimeout(Duration stopTimeout) {
      this.stopTimeout = Objects.requireNonNull(stopTimeout);
      return this;
    }

    public Builder preStart(PreStart preStart) {
      this.preStart = preStart;
      return this;
    }

    /**
     * Start the child in its own session (via {@code setsid}, where available) so terminal signals
     * reach only the devstack JVM (default true).
     */
    public Builder newSession(boolean newSession) {
      this.newSession = newSession;
      return this;
    }

    public ManagedProcess build() {
      return new ManagedProcess(this);
    }
  }
}
