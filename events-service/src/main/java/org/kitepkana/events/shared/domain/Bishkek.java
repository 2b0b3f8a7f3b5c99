package org.kitepkana.events.shared.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The network's time zone: library events happen in Asia/Bishkek (UTC+6, no daylight saving). */
public final class Bishkek {

  public static final ZoneId ZONE = ZoneId.of("Asia/Bishkek");

  private Bishkek() {}

  /** An instant as {@code 2026-12-10T14:00:00+06:00}. */
  public static String format(Instant instant) {
    return instant == null
        ? null
        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(ZONE).toOffsetDateTime());
  }

  public static LocalDate date(Instant instant) {
    return instant.atZone(ZONE).toLocalDate();
  }

  /** The first instant of a day in Bishkek. */
  public static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZONE).toInstant();
  }
}
