package org.kitepkana.partnership.project.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a project is in its life: proposed, approved, active, completed, evaluated; or rejected,
 * cancelled. Only the steps below are allowed; evaluated, rejected and cancelled are final.
 */
public enum ProjectStatus {
  PROPOSED,
  APPROVED,
  ACTIVE,
  COMPLETED,
  EVALUATED,
  REJECTED,
  CANCELLED;

  /** The statuses this one may move to. */
  public Set<ProjectStatus> next() {
    return switch (this) {
      case PROPOSED -> EnumSet.of(APPROVED, REJECTED, CANCELLED);
      case APPROVED -> EnumSet.of(ACTIVE, CANCELLED);
      case ACTIVE -> EnumSet.of(COMPLETED, CANCELLED);
      case COMPLETED -> EnumSet.of(EVALUATED);
      case EVALUATED, REJECTED, CANCELLED -> EnumSet.noneOf(ProjectStatus.class);
    };
  }

  public boolean mayMoveTo(ProjectStatus target) {
    return next().contains(target);
  }

  /** Whether the plan (title, period, participants, partners, budget, contributions) may change. */
  public boolean isEditable() {
    return this == PROPOSED || this == APPROVED || this == ACTIVE || this == COMPLETED;
  }

  /** Whether the project was (or is being) carried out: what reports count by default. */
  public boolean isCarriedOut() {
    return this == APPROVED || this == ACTIVE || this == COMPLETED || this == EVALUATED;
  }
}
