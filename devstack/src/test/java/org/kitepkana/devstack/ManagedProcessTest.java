package org.kitepkana.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

  @TempDir Path dir;
  private final List<ManagedProcess> processes = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    processes.forEach(ManagedProcess::kill);
  }

  private ManagedProcess child(String name, HealthCheck check, Duration timeout, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(DevstackClasspath.javaExecutable());
    cmd.addAll(List.of("-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), TestChild.class.getName()));
    cmd.addAll(List.of(args));
    ManagedProcess p =
        ManagedProcess.builder(name)
            .command(cmd)
            .workDir(dir.resolve("work"))
            .logFile(dir.resolve("logs").resolve(name + ".log"))
            .healthCheck(check)
            .startTimeout(timeout)
            .stopTimeout(Duration.ofSeconds(10))
            .build();
    processes.add(p);
    return p;
  }

  @Test
  void startsKillsRestartsAndStops() throws Exception {
    int port = PortPlan.findFreePort();
    ManagedProcess p =
        child(
            "listener",
            HealthCheck.tcp("127.0.0.1", port),
            Duration.ofSeconds(30),
            "listen",
            String.valueOf(port));

    p.start();
    assertThat(p.isAlive()).isTrue();
    assertThat(p.isHealthy()).isTrue();
    assertThat(p.pid()).isPresent();
    assertThat(p.lastStartDuration()).isPresent();
    assertThat(p.logFile()).isEqualTo(dir.resolve("logs/listener.log"));
    long firstPid = p.pid().getAsLong();

    p.kill();
    assertThat(p.isAlive()).isFalse();
    assertThat(p.exitCode()).contains(137);
    assertThat(p.isHealthy()).isFalse();

    p.restart();
    assertThat(p.isAlive()).isTrue();
    assertThat(p.pid().getAsLong()).isNotEqualTo(firstPid);

    p.stop();
    assertThat(p.isAlive()).isFalse();
    assertThat(p.exitCode()).contains(143);

    String log = Files.readString(p.logFile());
    assertThat(log.split("devstack: starting listener", -1)).hasSize(3);
    assertThat(log).contains("listening on " + port);
  }

  @Test
  void theChildGetsItsOwnSessionWhereSetsidExists() throws Exception {
    ManagedProcess p = child("session", HealthCheck.none(), Duration.ofSeconds(10), "sleep");
    p.start();
    long pid = p.pid().getAsLong();

    // setsid execs java in the same process: soon the pid's command is the JVM's own
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> ProcessHandle.of(pid).orElseThrow().info().command().orElse("").endsWith("java"));
    Path stat = Path.of("/proc/" + pid + "/stat");
    if (Files.exists(Path.of("/usr/bin/setsid")) && Files.exists(stat)) {
      String[] fields = Files.readString(stat).replaceFirst("^.*\\) ", "").split(" ");
      long session = Long.parseLong(fields[3]);
      assertThat(session).as("session id").isEqualTo(pid);
      assertThat(p.launchCommand().get(0)).isEqualTo("/usr/bin/setsid");
    }
    assertThat(p.command().get(0)).isEqualTo(DevstackClasspath.javaExecutable());
  }

  @Test
  void failsFastWithTheLogTailWhenTheProcessExits() {
    ManagedProcess p =
        child("crasher", HealthCheck.tcp("127.0.0.1", 1), Duration.ofSeconds(30), "exit", "3");

    assertThatThrownBy(p::start)
        .isInstanceOf(DevstackException.class)
        .hasMessageContaining("crasher exited with code 3")
        .hasMessageContaining("boom: exiting with 3");
  }

  @Test
  void failsAfterTheTimeoutAndKillsTheProcess() {
    int port = PortPlan.findFreePort();
    ManagedProcess p =
        child("sleeper", HealthCheck.tcp("127.0.0.1", port), Duration.ofSeconds(2), "sleep");

    assertThatThrownBy(p::start)
        .isInstanceOf(DevstackException.class)
        .hasMessageContaining("did not become healthy within 2 s")
        .hasMessageContaining("TCP connect to 127.0.0.1:" + port)
        .hasMessageContaining("sleeping");
    assertThat(p.isAlive()).isFalse();
  }

  @Test
  void reportsAnUnexpectedExitButNotAKill() throws Exception {
    ManagedProcess p = child("victim", HealthCheck.none(), Duration.ofSeconds(10), "sleep");
    CountDownLatch unexpected = new CountDownLatch(1);
    p.onUnexpectedExit(x -> unexpected.countDown());

    p.start();
    p.kill();
    assertThat(unexpected.await(500, TimeUnit.MILLISECONDS)).isFalse();

    p.start();
    ProcessHandle.of(p.pid().getAsLong()).orElseThrow().destroyForcibly();
    assertThat(unexpected.await(10, TimeUnit.SECONDS)).isTrue();
  }
}
