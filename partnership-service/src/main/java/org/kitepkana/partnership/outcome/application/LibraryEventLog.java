package org.kitepkana.partnership.outcome.application;

import java.util.List;
import org.kitepkana.partnership.outcome.domain.LibraryEventState;

/**
 * The latest state of every library event events-service published, by event id. Per-project counts
 * are derived from it when asked, so an event moved to another project, or published again, is
 * counted once and in the right place.
 */
public interface LibraryEventLog {

  /**
   * Keeps {@code state} unless a state of the same or a higher version is kept already.
   *
   * @return true if the kept state changed
   */
  boolean apply(LibraryEventState state);

  /** The events that (in their latest state) belong to the project. */
  List<LibraryEventState> forProject(String projectId);
}
