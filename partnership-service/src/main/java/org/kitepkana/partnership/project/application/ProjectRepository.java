package org.kitepkana.partnership.project.application;

import java.util.List;
import java.util.Optional;
import org.kitepkana.partnership.project.domain.Project;
import org.kitepkana.partnership.project.domain.ProjectChange;
import org.kitepkana.partnership.project.domain.ProjectId;

/**
 * Where projects are kept. Saving a project also queues the publishable ones among its changes,
 * atomically with the new state.
 */
public interface ProjectRepository {

  /** Inserts a new project; false when the id is taken. */
  boolean insert(Project project, ProjectChange change);

  /** Replaces the project if it is still at {@code expectedVersion}; false otherwise. */
  boolean update(Project project, long expectedVersion, ProjectChange change);

  Optional<Project> find(ProjectId id);

  /** Every project (a full scan; for lists and reports, never on a write path). */
  List<Project> all();
}
