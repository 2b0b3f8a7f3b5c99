package org.kitepkana.events.event.domain;

import java.util.Set;

/**
 * Who came to a library event: the registrations whose readers came, plus walk-ins. Only the counts
 * leave events-service.
 */
public record Attendance(Set<String> attendedRegistrations, int walkIns) {

  public static final int MAX_WALK_INS = 100_000;

  public Attendance {
    attendedRegistrations = Set.copyOf(attendedRegistrations);
    if (walkIns < 0 || walkIns > MAX_WALK_INS) {
      throw new IllegalArgumentException("walk-ins must be between 0 and " + MAX_WALK_INS);
    }
  }

  public int registeredAttended() {
    return attendedRegistrations.size();
  }

  public int total() {
    return registeredAttended() + walkIns;
  }
}
