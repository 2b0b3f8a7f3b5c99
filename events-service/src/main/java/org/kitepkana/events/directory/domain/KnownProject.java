package org.kitepkana.events.directory.domain;

import java.util.Objects;
import java.util.Set;
import org.kitepkana.events.shared.domain.ProjectId;

/** A project of the network as partnership-service publishes its summary. */
public record KnownProject(ProjectId id, String title, String status, long version) {

  /** Projects a library event may no longer name. */
  private static final Set<String> CLOSED = Set.of("REJECTED", "CANCELLED");

  public KnownProject {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1");
    }
  }

  /** Whether new library events may be part of this project. */
  public boolean acceptsEvents() {
    return !CLOSED.contains(status);
  }
}
