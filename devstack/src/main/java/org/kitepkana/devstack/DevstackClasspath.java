package org.kitepkana.devstack;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;

/**
 * The runtime classpath of devstack itself (broker, DevMongo, log4j), for child JVMs. Resolved, in
 * order, from: the system property {@code kitepkana.devstack.classpath} or the environment variable
 * {@code KITEPKANA_DEVSTACK_CLASSPATH}; the jar or classes directory this class was loaded from
 * with a sibling {@code lib/} (as {@code mvn package} leaves it); {@code
 * <repoRoot>/devstack/target/{devstack.jar,lib}}; and last the current {@code java.class.path}.
 */
public final class DevstackClasspath {

  public static final String PROPERTY = "kitepkana.devstack.classpath";
  public static final String ENV = "KITEPKANA_DEVSTACK_CLASSPATH";

  private DevstackClasspath() {}

  /** The path of the {@code java} launcher of the running JVM. */
  public static String javaExecutable() {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    return Files.isExecutable(java) ? java.toString() : "java";
  }

  /**
   * @param repoRoot the repository root, or {@code null} if unknown
   */
  public static String resolve(Path repoRoot) {
    String explicit = System.getProperty(PROPERTY, System.getenv(ENV));
    if (explicit != null && !explicit.isBlank()) {
      return explicit;
    }
    Path self = selfLocation();
    if (self != null) {
      Path lib = self.getParent() == null ? null : self.getParent().resolve("lib");
      if (lib != null && Files.isDirectory(lib)) {
        return join(self, lib);
      }
    }
    if (repoRoot != null) {
      Path target = repoRoot.resolve("devstack").resolve("target");
      Path lib = target.resolve("lib");
      Path jar = target.resolve("devstack.jar");
      Path classes = target.resolve("classes");
      if (Files.isDirectory(lib) && (Files.isRegularFile(jar) || Files.isDirectory(classes))) {
        return join(Files.isRegularFile(jar) ? jar : classes, lib);
      }
    }
    return System.getProperty("java.class.path");
  }

  private static String join(Path self, Path lib) {
    return self.toAbsolutePath() + File.pathSeparator + lib.toAbsolutePath() + File.separator + "*";
  }

  private static Path selfLocation() {
    try {
      CodeSource source = DevstackClasspath.class.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        return null;
      }
      return Paths.get(source.getLocation().toURI()).toAbsolutePath();
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return null;
    }
  }
}
