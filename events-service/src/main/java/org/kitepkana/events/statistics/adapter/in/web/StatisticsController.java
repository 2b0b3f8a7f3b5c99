package org.kitepkana.events.statistics.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kitepkana.events.event.adapter.in.web.EventAnswers;
import org.kitepkana.events.shared.domain.Bishkek;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.events.statistics.application.EventStatistics;
import org.kitepkana.events.statistics.application.StatisticsQuery;
import org.kitepkana.events.statistics.application.StatisticsQuery.Dimension;
import org.kitepkana.events.statistics.application.StatisticsRow;
import org.kitepkana.platform.security.Actor;
import org.kitepkana.platform.web.ApiProblem;
import org.kitepkana.platform.web.FieldError;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statistics as JSON and as CSV (one row per group, then a TOTAL row): {@code ?from=2026-01-01
 * &to=2026-12-31&branchId=at-bashy&by=branch,month,type,audience}. Without dates: the current year.
 */
@RestController
class StatisticsController {

  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  record StatisticsView(
      String from,
      String to,
      String branchId,
      List<String> by,
      List<StatisticsRow> rows,
      StatisticsRow totals) {}

  private final EventStatistics statistics;
  private final Clock clock;

  StatisticsController(EventStatistics statistics, Clock clock) {
    this.statistics = statistics;
    this.clock = clock;
  }

  @GetMapping("/api/events/statistics")
  StatisticsView json(
      Actor actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String branchId,
      @RequestParam(required = false) String by) {
    EventStatistics.Result.Rows rows = compute(actor, from, to, branchId, by);
    StatisticsQuery q = rows.query();
    return new StatisticsView(
        q.from().toString(),
        q.to().toString(),
        q.branch() == null ? null : q.branch().value(),
        q.dimensions().stream().map(d -> d.name().toLowerCase()).toList(),
        rows.rows(),
        rows.totals());
  }

  @GetMapping("/api/events/statistics.csv")
  ResponseEntity<String> csv(
      Actor actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String branchId,
      @RequestParam(required = false) String by) {
    EventStatistics.Result.Rows rows = compute(actor, from, to, branchId, by);
    StringBuilder csv =
        new StringBuilder(
            "branch,month,type,audience,events,completed,cancelled,registrations,waitlisted,"
                + "registered_attended,walk_ins,attendance\r\n");
    rows.rows().forEach(r -> line(csv, r, false));
    line(csv, rows.totals(), true);
    return ResponseEntity.ok()
        .contentType(TEXT_CSV)
        .header("Content-Disposition", "attachment; filename=\"event-statistics.csv\"")
        .body(csv.toString());
  }

  private EventStatistics.Result.Rows compute(
      Actor actor, String from, String to, String branchId, String by) {
    List<FieldError> errors = new ArrayList<>();
    int year = LocalDate.now(clock.withZone(Bishkek.ZONE)).getYear();
    LocalDate since = date("from", from, LocalDate.of(year, 1, 1), errors);
    LocalDate until = date("to", to, LocalDate.of(year, 12, 31), errors);
    if (branchId != null && !BranchId.isValid(branchId)) {
      errors.add(new FieldError("branchId", "must be a branch id"));
    }
    Set<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
    if (by != null && !by.isBlank()) {
      for (String d : by.split(",")) {
        try {
          dimensions.add(Dimension.valueOf(d.strip().toUpperCase()));
        } catch (IllegalArgumentException e) {
          errors.add(new FieldError("by", "one or more of branch, month, type, audience"));
        }
      }
    }
    if (since != null && until != null && until.isBefore(since)) {
      errors.add(new FieldError("to", "must not be before from"));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.badRequest(errors);
    }
    EventStatistics.Result result =
        statistics.compute(
            actor,
            new StatisticsQuery(
                since, until, branchId == null ? null : new BranchId(branchId), dimensions));
    if (result instanceof EventStatistics.Result.Forbidden f) {
      throw EventAnswers.forbidden(f.reason());
    }
    return (EventStatistics.Result.Rows) result;
  }

  private static LocalDate date(
      String field, String text, LocalDate fallback, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be a date, e.g. 2026-01-01"));
      return null;
    }
  }

  private static void line(StringBuilder csv, StatisticsRow r, boolean total) {
    csv.append(total ? "TOTAL" : cell(r.branchId()))
        .append(',')
        .append(cell(r.month()))
        .append(',')
        .append(cell(r.type()))
        .append(',')
        .append(cell(r.audience()))
        .append(',')
        .append(r.events())
        .append(',')
        .append(r.completed())
        .append(',')
        .append(r.cancelled())
        .append(',')
        .append(r.registrations())
        .append(',')
        .append(r.waitlisted())
        .append(',')
        .append(r.registeredAttended())
        .append(',')
        .append(r.walkIns())
        .append(',')
        .append(r.attendance())
        .append("\r\n");
  }

  /** RFC 4180 quoting; values here are codes, but a branch id must never break a line. */
  private static String cell(String value) {
    if (value == null) {
      return "";
    }
    return value.matches("[A-Za-z0-9_-]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
  }
}
