package org.kitepkana.partnership.fakes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kitepkana.partnership.project.application.ProjectRepository;
import org.kitepkana.partnership.project.domain.Project;
import org.kitepkana.partnership.project.domain.ProjectChange;
import org.kitepkana.partnership.project.domain.ProjectId;

/** Projects in memory; remembers every change it was given, in order. */
public final class InMemoryProjects implements ProjectRepository {

  private final Map<ProjectId, Project> projects = new LinkedHashMap<>();
  public final List<ProjectChange> changes = new ArrayList<>();

  public synchronized void put(Project project) {
    projects.put(project.id(), project);
  }

  @Override
  public synchronized boolean insert(Project project, ProjectChange change) {
    if (projects.containsKey(project.id())) {
      return false;
    }
    projects.put(project.id(), project);
    changes.add(change);
    return true;
  }

  @Override
  public synchronized boolean update(Project project, long expectedVersion, ProjectChange change) {
    Project stored = projects.get(project.id());
    if (stored == null || stored.version() != expectedVersion) {
      return false;
    }
    projects.put(project.id(), project);
    changes.add(change);
    return true;
  }

  @Override
  public synchronized Optional<Project> find(ProjectId id) {
    return Optional.ofNullable(projects.get(id));
  }

  @Override
  public synchronized List<Project> all() {
    return List.copyOf(projects.values());
  }
}
