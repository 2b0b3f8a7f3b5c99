package org.kitepkana.events.event.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** When a library event takes place: start inclusive, end exclusive; at most 92 days long. */
public record TimeSlot(Instant start, Instant end) {

  public static final Duration LONGEST = Duration.ofDays(92);

  public TimeSlot {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end must be after start");
    }
    if (Duration.between(start, end).compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException("a library event lasts at most 92 days");
    }
  }

  /** Whether the two slots share any moment; back-to-back slots do not overlap. */
  public boolean overlaps(TimeSlot other) {
    return start.isBefore(other.end) && other.start.isBefore(end);
  }
}
