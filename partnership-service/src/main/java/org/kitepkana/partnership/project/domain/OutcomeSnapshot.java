package org.kitepkana.partnership.project.domain;

/**
 * The outcomes of a project as they stood when it was evaluated.
 *
 * @param eventsHeld library events of the project that took place
 * @param attendance people who came to them
 * @param publications media publications about the project
 */
public record OutcomeSnapshot(int eventsHeld, long attendance, int publications) {

  public OutcomeSnapshot {
    if (eventsHeld < 0 || attendance < 0 || publications < 0) {
      throw new IllegalArgumentException("outcome counts are never negative");
    }
  }
}
