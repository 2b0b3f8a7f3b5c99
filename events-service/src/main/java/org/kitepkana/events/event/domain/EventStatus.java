package org.kitepkana.events.event.domain;

/**
 * Where a library event is in its life: a {@code DRAFT} holds no room; {@code SCHEDULED} and {@code
 * RESCHEDULED} hold their room and take registrations; {@code CANCELLED} and {@code COMPLETED} are
 * final (a completed event may still have its attendance corrected).
 */
public enum EventStatus {
  DRAFT,
  SCHEDULED,
  RESCHEDULED,
  CANCELLED,
  COMPLETED;

  /** Whether the event occupies its room for its time slot. */
  public boolean holdsRoom() {
    return this == SCHEDULED || this == RESCHEDULED || this == COMPLETED;
  }

  /** Whether readers may register (subject to the registration window). */
  public boolean isOpen() {
    return this == SCHEDULED || this == RESCHEDULED;
  }
}
