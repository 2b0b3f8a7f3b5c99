package org.kitepkana.events.directory.domain;

import java.util.Objects;
import org.kitepkana.events.shared.domain.BranchId;

/**
 * A library branch as events-service knows it from the directory topic: enough to check that a host
 * exists and to name it in feeds.
 */
public record KnownBranch(BranchId id, String name, String type, long version) {

  public KnownBranch {
    Objects.requireNonNull(id, "id");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1");
    }
  }
}
