package org.kitepkana.events.event.domain;

/** How many registrations are confirmed and how many wait, as counted by the seat ledger. */
public record SeatCounts(int confirmed, int waitlisted) {

  public static final SeatCounts NONE = new SeatCounts(0, 0);

  public SeatCounts {
    if (confirmed < 0 || waitlisted < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
  }
}
