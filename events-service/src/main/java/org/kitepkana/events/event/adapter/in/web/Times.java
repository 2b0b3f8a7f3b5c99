package org.kitepkana.events.event.adapter.in.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.kitepkana.events.shared.application.FieldProblem;
import org.kitepkana.events.shared.domain.Bishkek;

/**
 * Reads times as clients write them: with an offset ({@code 2026-12-10T14:00:00+06:00}, {@code
 * ...Z}) or without (then in Asia/Bishkek).
 */
public final class Times {

  private Times() {}

  /** The instant, or null (with a problem added) when the text is not a date-time. */
  public static Instant parse(String field, String text, List<FieldProblem> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text.strip()).atZone(Bishkek.ZONE).toInstant();
      } catch (DateTimeParseException e) {
        problems.add(
            new FieldProblem(
                field, "must be an ISO-8601 date-time, e.g. 2026-12-10T14:00:00+06:00"));
        return null;
      }
    }
  }

  public static Instant required(String field, String text, List<FieldProblem> problems) {
    if (text == null || text.isBlank()) {
      problems.add(new FieldProblem(field, "must not be blank"));
      return null;
    }
    return parse(field, text, problems);
  }
}
