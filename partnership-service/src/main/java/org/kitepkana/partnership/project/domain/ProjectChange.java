package org.kitepkana.partnership.project.domain;

/**
 * What happened to a project. Each carries the project's full state after the change; every
 * lifecycle step is its own change, and a new plan is a revision.
 */
public sealed interface ProjectChange {

  Project project();

  record ProjectProposed(Project project) implements ProjectChange {}

  record ProjectApproved(Project project) implements ProjectChange {}

  record ProjectActivated(Project project) implements ProjectChange {}

  record ProjectCompleted(Project project) implements ProjectChange {}

  record ProjectEvaluated(Project project) implements ProjectChange {}

  record ProjectRejected(Project project) implements ProjectChange {}

  record ProjectCancelled(Project project) implements ProjectChange {}

  /**
   * The plan changed.
   *
   * @param publicPlanChanged whether anything the projects topic tells changed
   */
  record ProjectReplanned(Project project, boolean publicPlanChanged) implements ProjectChange {}

  /** The change that tells of {@code project} having just reached its status. */
  static ProjectChange stepTo(Project project) {
    return switch (project.status()) {
      case PROPOSED -> new ProjectProposed(project);
      case APPROVED -> new ProjectApproved(project);
      case ACTIVE -> new ProjectActivated(project);
      case COMPLETED -> new ProjectCompleted(project);
      case EVALUATED -> new ProjectEvaluated(project);
      case REJECTED -> new ProjectRejected(project);
      case CANCELLED -> new ProjectCancelled(project);
    };
  }
}
