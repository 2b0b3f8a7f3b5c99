package org.kitepkana.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A tiny Java agent that makes a child JVM exit (running its shutdown hooks, so Kafka, DevMongo and
 * Spring Boot shut down cleanly) when its standard input reaches end of file, i.e. when the
 * devstack JVM that started it dies without stopping it. Every devstack child gets {@code
 * -javaagent:<dataDir>/parent-watch-agent.jar}; the agent jar holds only this class, so it adds
 * nothing else to a service's classpath.
 *
 * <p>Uses the JDK only: it is loaded into every child JVM.
 */
public final class ParentWatch {

  public static final String AGENT_JAR = "parent-watch-agent.jar";

  private ParentWatch() {}

  /** Agent entry point. */
  public static void premain(String args) {
    watchStdin();
  }

  /** Starts a daemon thread that exits the JVM when stdin closes. */
  public static void watchStdin() {
    Thread watcher = new Thread(ParentWatch::waitForEof, "devstack-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static void waitForEof() {
    InputStream in = System.in;
    byte[] buf = new byte[256];
    try {
      while (in.read(buf) >= 0) {
        // the parent never writes; anything read is ignored
      }
    } catch (IOException e) {
      // treat like end of file
    }
    System.err.println(
        "devstack: stdin closed (the devstack parent stopped or died): shutting down");
    System.exit(0);
  }

  /**
   * Writes the agent jar into {@code dir} (if it is not there with the same content) and returns
   * the JVM flag {@code -javaagent:<jar>}.
   */
  public static String javaAgentFlag(Path dir) {
    try {
      Files.createDirectories(dir);
      Path jar = dir.toAbsolutePath().resolve(AGENT_JAR);
      byte[] bytes = agentJarBytes();
      if (!Files.isRegularFile(jar) || !Arrays.equals(Files.readAllBytes(jar), bytes)) {
        Path tmp = Files.createTempFile(dir, "parent-watch", ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return "-javaagent:" + jar;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the parent-watch agent into " + dir, e);
    }
  }

  private static byte[] agentJarBytes() throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Premain-Class", ParentWatch.class.getName());
    String entry = ParentWatch.class.getName().replace('.', '/') + ".class";
    byte[] classBytes;
    try (InputStream in = ParentWatch.class.getResourceAsStream("/" + entry)) {
      if (in == null) {
        throw new IOException("cannot read " + entry);
      }
      classBytes = in.readAllBytes();
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (OutputStream buffer = out;
        JarOutputStream jar = new JarOutputStream(buffer, manifest)) {
      JarEntry je = new JarEntry(entry);
      je.setTime(0); // identical bytes on every run
      jar.putNextEntry(je);
      jar.write(classBytes);
      jar.closeEntry();
    }
    return out.toByteArray();
  }
}
