package org.kitepkana.partnership.project.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a project's life: to which status, when, by whom, and why (if a reason was given).
 */
public record StatusChange(ProjectStatus status, Instant at, String by, String reason) {

  public StatusChange {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
  }
}
