package org.kitepkana.partnership.project.domain;

import java.util.List;

/**
 * What a project has produced so far: the library events held under it and who came (fed from
 * events-service), and the media publications about it.
 *
 * @param eventsHeld library events of the project that took place (COMPLETED)
 * @param eventsPlanned library events still ahead (SCHEDULED or RESCHEDULED)
 * @param eventsCancelled library events called off
 * @param attendance people who came to the events held (registered who came plus walk-ins)
 * @param walkIns of {@code attendance}, those who came without registering
 * @param publications media publications about the project
 * @param publicationsByStaff of {@code publications}, those library staff wrote
 * @param events the library events, latest state of each
 */
public record Outcomes(
    int eventsHeld,
    int eventsPlanned,
    int eventsCancelled,
    long attendance,
    long walkIns,
    int publications,
    int publicationsByStaff,
    List<LibraryEventOutcome> events) {

  public Outcomes {
    events = events == null ? List.of() : List.copyOf(events);
  }

  public static Outcomes none() {
    return new Outcomes(0, 0, 0, 0, 0, 0, 0, List.of());
  }

  public OutcomeSnapshot snapshot() {
    return new OutcomeSnapshot(eventsHeld, attendance, publications);
  }

  /**
   * One library event of the project as events-service last published it.
   *
   * @param attendance null until the event took place
   */
  public record LibraryEventOutcome(
      String eventId,
      long version,
      String title,
      String branchId,
      String start,
      String status,
      Integer attendance) {}
}
