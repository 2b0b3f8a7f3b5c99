package org.kitepkana.partnership.project.application;

import org.kitepkana.partnership.project.domain.Outcomes;
import org.kitepkana.partnership.project.domain.ProjectId;

/**
 * Where a project's outcomes come from: the library events held under it (a read model of {@code
 * events.schedule.v1}) and the media publications about it. Derived when asked, so a library event
 * that moves to another project, or is published again, is counted right.
 */
public interface OutcomeSource {

  Outcomes outcomesOf(ProjectId project);
}
