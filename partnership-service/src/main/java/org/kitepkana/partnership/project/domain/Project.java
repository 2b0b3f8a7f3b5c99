package org.kitepkana.partnership.project.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A project of the library network with its partners: its plan, where it is in its life, its
 * evaluation once evaluated, and the history of its steps. The version increases with every change.
 *
 * @param proposedBy who proposed (or recorded) it
 */
public record Project(
    ProjectId id,
    ProjectPlan plan,
    ProjectStatus status,
    Evaluation evaluation,
    List<StatusChange> history,
    String proposedBy,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public Project {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(status, "status");
    history = history == null ? List.of() : List.copyOf(history);
    if (status == ProjectStatus.EVALUATED && evaluation == null) {
      throw new IllegalArgumentException("an evaluated project has its evaluation");
    }
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A new proposal, version 1. */
  public static Project propose(ProjectId id, ProjectPlan plan, String by, Instant now) {
    return new Project(
        id,
        plan,
        ProjectStatus.PROPOSED,
        null,
        List.of(new StatusChange(ProjectStatus.PROPOSED, now, by, null)),
        by,
        1,
        now,
        now);
  }

  /** The same project with a new plan, one version on. */
  public Project replan(ProjectPlan newPlan, Instant now) {
    if (!status.isEditable()) {
      throw new IllegalStateException("a " + status + " project cannot be changed");
    }
    return new Project(
        id, newPlan, status, evaluation, history, proposedBy, version + 1, createdAt, now);
  }

  /** The project one step on, one version on. */
  public Project moveTo(ProjectStatus target, String by, String reason, Instant now) {
    if (!status.mayMoveTo(target) || target == ProjectStatus.EVALUATED) {
      throw new IllegalStateException("a " + status + " project cannot become " + target);
    }
    return step(target, null, by, reason, now);
  }

  /** The completed project with its evaluation, one version on. */
  public Project evaluate(Evaluation result, String by, Instant now) {
    if (status != ProjectStatus.COMPLETED) {
      throw new IllegalStateException("only a completed project is evaluated, not a " + status);
    }
    return step(ProjectStatus.EVALUATED, result, by, null, now);
  }

  private Project step(
      ProjectStatus target, Evaluation result, String by, String reason, Instant now) {
    List<StatusChange> steps = new ArrayList<>(history);
    steps.add(new StatusChange(target, now, by, reason));
    return new Project(id, plan, target, result, steps, proposedBy, version + 1, createdAt, now);
  }

  /** The year the project started: the year reports count it in. */
  public int startYear() {
    return plan.period().start().getYear();
  }
}
