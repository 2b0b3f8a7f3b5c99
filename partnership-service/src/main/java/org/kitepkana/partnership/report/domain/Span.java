package org.kitepkana.partnership.report.domain;

import org.kitepkana.partnership.common.domain.InvalidValue;

/** The years a report covers, both included: any span from {@value #FIRST} on. */
public record Span(int from, int to) {

  /** Project activity is evaluated from this year on. */
  public static final int FIRST = 2001;

  public static final int LAST = 2100;

  public Span {
    if (from < FIRST || from > LAST) {
      throw new InvalidValue("from", "must be a year from " + FIRST + " to " + LAST);
    }
    if (to < from || to > LAST) {
      throw new InvalidValue("to", "must be a year from " + from + " (from) to " + LAST);
    }
  }

  public boolean contains(int year) {
    return year >= from && year <= to;
  }
}
