package org.kitepkana.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One row of the service table: a Spring Boot executable jar that devstack starts as a child
 * process.
 *
 * @param name short name, also the key in {@link PortPlan} and the instance-id prefix
 * @param jar the executable jar, relative to the repository root
 * @param defaultPort the port in {@link PortPlan#fixed()}
 * @param mongoDatabase the MongoDB database the service uses, or {@code null} for none (gateway)
 * @param extraArgs additional {@code --key=value} arguments for this service only
 */
public record ServiceSpec(
    String name, String jar, int defaultPort, String mongoDatabase, List<String> extraArgs) {

  public ServiceSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(jar, "jar");
    extraArgs = List.copyOf(extraArgs);
  }

  public Path jarPath(Path repoRoot) {
    return repoRoot.resolve(jar);
  }

  public boolean usesStore() {
    return mongoDatabase != null;
  }
}
