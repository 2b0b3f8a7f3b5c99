package org.kitepkana.partnership.project.application;

import org.kitepkana.partnership.project.domain.Outcomes;
import org.kitepkana.partnership.project.domain.Project;

/** A project as the asking actor may see it. */
public sealed interface ProjectView {

  Project project();

  /** Everything: plan, budget, contributions, evaluation, history and outcomes. For staff. */
  record Detailed(Project project, Outcomes outcomes) implements ProjectView {}

  /** The published summary only. For subscribers and the public. */
  record Published(Project project) implements ProjectView {}
}
