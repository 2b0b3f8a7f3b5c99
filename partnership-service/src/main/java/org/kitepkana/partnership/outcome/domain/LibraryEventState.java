package org.kitepkana.partnership.outcome.domain;

import java.util.Objects;

/**
 * The latest state of one library event (an exhibition, a lecture, a legal consultation) as
 * events-service published it on {@code events.schedule.v1}: only what outcomes need, counts and
 * never people.
 *
 * @param version the event's version; a state only replaces one of a lower version
 * @param status DRAFT, SCHEDULED, RESCHEDULED, CANCELLED or COMPLETED
 * @param projectId the project the event belongs to, or null
 * @param attendance registered readers who came plus walk-ins; null until the event took place
 * @param walkIns of {@code attendance}, those who came without registering; null until then
 */
public record LibraryEventState(
    String eventId,
    long version,
    String status,
    String projectId,
    String branchId,
    String title,
    String start,
    Integer attendance,
    Integer walkIns) {

  public LibraryEventState {
    if (eventId == null || eventId.isBlank()) {
      throw new IllegalArgumentException("a library event has an id");
    }
    if (version < 1) {
      throw new IllegalArgumentException("a library event's version is at least 1");
    }
    Objects.requireNonNull(status, "status");
    if (attendance != null && attendance < 0 || walkIns != null && walkIns < 0) {
      throw new IllegalArgumentException("attendance is never negative");
    }
  }

  public boolean isHeld() {
    return "COMPLETED".equals(status);
  }

  public boolean isPlanned() {
    return "SCHEDULED".equals(status) || "RESCHEDULED".equals(status);
  }

  public boolean isCancelled() {
    return "CANCELLED".equals(status);
  }
}
