package org.kitepkana.partnership.project.domain;

import java.time.LocalDate;
import org.kitepkana.partnership.common.domain.InvalidValue;

/** The days a project runs, both ends included; the end is never before the start. */
public record Period(LocalDate start, LocalDate end) {

  public static final LocalDate EARLIEST = LocalDate.of(1991, 1, 1);
  public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  public Period {
    if (start == null) {
      throw new InvalidValue("start", "must not be null");
    }
    if (end == null) {
      throw new InvalidValue("end", "must not be null");
    }
    if (start.isBefore(EARLIEST) || start.isAfter(LATEST)) {
      throw new InvalidValue("start", "must be between " + EARLIEST + " and " + LATEST);
    }
    if (end.isBefore(start)) {
      throw new InvalidValue("end", "must not be before start (" + start + ")");
    }
    if (end.isAfter(LATEST)) {
      throw new InvalidValue("end", "must not be after " + LATEST);
    }
  }
}
