package org.kitepkana.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParentWatchTest {

  @TempDir Path dir;

  @Test
  void theAgentJarHoldsOnlyTheAgentAndIsWrittenOnce() throws Exception {
    String flag = ParentWatch.javaAgentFlag(dir);
    Path jar = dir.resolve(ParentWatch.AGENT_JAR);
    long modified = Files.getLastModifiedTime(jar).toMillis();

    assertThat(flag).isEqualTo("-javaagent:" + jar.toAbsolutePath());
    try (JarFile jf = new JarFile(jar.toFile())) {
      assertThat(jf.getManifest().getMainAttributes().getValue("Premain-Class"))
          .isEqualTo(ParentWatch.class.getName());
      assertThat(jf.getManifest().getMainAttributes().getValue("Class-Path")).isNull();
      assertThat(jf.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")))
          .containsExactly("org/kitepkana/devstack/ParentWatch.class");
    }
    // A rewrite would show as a later modification time even within the same second.
    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(modified - 1000));
    modified = Files.getLastModifiedTime(jar).toMillis();
    ParentWatch.javaAgentFlag(dir);
    assertThat(Files.getLastModifiedTime(jar).toMillis()).isEqualTo(modified);
  }

  @Test
  void aChildWithTheAgentExitsWhenItsStdinCloses() throws Exception {
    Process child =
        new ProcessBuilder(
                List.of(
                    DevstackClasspath.javaExecutable(),
                    "-Xmx32m",
                    "-XX:TieredStopAtLevel=1",
                    ParentWatch.javaAgentFlag(dir),
                    "-cp",
                    System.getProperty("java.class.path"),
                    TestChild.class.getName(),
                    "sleep"))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    try {
      assertThat(child.waitFor(1, TimeUnit.SECONDS)).as("still running").isFalse();

      child.getOutputStream().close(); // what the OS does when the parent dies

      assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("exited").isTrue();
      assertThat(child.exitValue()).isZero();
      assertThat(dir.resolve("child.log")).content().contains("stdin closed");
    } finally {
      child.destroyForcibly();
    }
  }
}
