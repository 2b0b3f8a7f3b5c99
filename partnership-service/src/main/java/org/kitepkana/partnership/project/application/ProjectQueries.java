package org.kitepkana.partnership.project.application;

import java.util.Comparator;
import java.util.List;
import org.kitepkana.partnership.access.Permissions;
import org.kitepkana.partnership.common.application.Result;
import org.kitepkana.partnership.project.domain.Outcomes;
import org.kitepkana.partnership.project.domain.Project;
import org.kitepkana.partnership.project.domain.ProjectId;
import org.kitepkana.platform.security.Actor;

/** Shows projects to whoever asks, in the detail the asker may see. */
public class ProjectQueries {

  /** A page of a list and how many there are in all. */
  public record Page(List<ProjectView> items, int total) {}

  private final ProjectRepository projects;
  private final OutcomeSource outcomes;

  public ProjectQueries(ProjectRepository projects, OutcomeSource outcomes) {
    this.projects = projects;
    this.outcomes = outcomes;
  }

  public Result<ProjectView> find(Actor actor, ProjectId id) {
    return projects
        .find(id)
        .map(p -> Result.done(view(actor, p, true)))
        .orElseGet(() -> Result.notFound("project " + id));
  }

  /** Newest first (by start, then id); outcomes are not computed for list entries. */
  public Page list(Actor actor, ProjectFilter filter, int page, int size) {
    List<Project> matching =
        projects.all().stream()
            .filter(filter::matches)
            .sorted(
                Comparator.comparing((Project p) -> p.plan().period().start())
                    .thenComparing(p -> p.id().value())
                    .reversed())
            .toList();
    List<ProjectView> items =
        matching.stream()
            .skip((long) page * size)
            .limit(size)
            .map(p -> view(actor, p, false))
            .toList();
    return new Page(items, matching.size());
  }

  public Result<Outcomes> outcomes(Actor actor, ProjectId id) {
    if (!Permissions.mayReadDetails(actor)) {
      return Result.forbidden("outcomes are for the staff of the network");
    }
    if (projects.find(id).isEmpty()) {
      return Result.notFound("project " + id);
    }
    return Result.done(outcomes.outcomesOf(id));
  }

  private ProjectView view(Actor actor, Project project, boolean withOutcomes) {
    if (!Permissions.mayReadDetails(actor)) {
      return new ProjectView.Published(project);
    }
    return new ProjectView.Detailed(
        project, withOutcomes ? outcomes.outcomesOf(project.id()) : null);
  }
}
