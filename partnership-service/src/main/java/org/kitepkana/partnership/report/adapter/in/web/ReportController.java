package org.kitepkana.partnership.report.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kitepkana.partnership.common.adapter.in.web.Answers;
import org.kitepkana.partnership.common.adapter.in.web.RequestErrors;
import org.kitepkana.partnership.project.domain.ProjectStatus;
import org.kitepkana.partnership.report.application.ReportKind;
import org.kitepkana.partnership.report.application.ReportService;
import org.kitepkana.partnership.report.domain.ReportTable;
import org.kitepkana.partnership.report.domain.Span;
import org.kitepkana.platform.security.Actor;
import org.kitepkana.platform.web.ApiProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The yearly reports as JSON or CSV: {@code GET /api/partnerships/reports/{name}?from&to&statuses},
 * CSV with {@code format=csv} or {@code Accept: text/csv}.
 */
@RestController
@RequestMapping("/api/partnerships/reports")
class ReportController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  /** A report as JSON. */
  record ReportResponse(
      String report,
      int from,
      int to,
      List<String> statuses,
      List<String> columns,
      List<Map<String, Object>> rows,
      Map<String, Object> totals) {}

  private final ReportService reports;

  ReportController(ReportService reports) {
    this.reports = reports;
  }

  /** The reports there are. */
  @GetMapping
  List<String> names() {
    return Arrays.stream(ReportKind.values()).map(ReportKind::slug).toList();
  }

  @GetMapping("/{name}")
  ResponseEntity<?> report(
      Actor actor,
      @PathVariable String name,
      @RequestParam(required = false) Integer from,
      @RequestParam(required = false) Integer to,
      @RequestParam(required = false) List<String> statuses,
      @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    ReportKind kind =
        ReportKind.bySlug(name).orElseThrow(() -> ApiProblem.notFound("No report " + name));
    RequestErrors errors = new RequestErrors();
    int first = from == null ? Span.FIRST : from;
    int last = to == null ? Math.max(first, reports.currentYear()) : to;
    Span span = errors.value("", () -> new Span(first, last));
    Set<ProjectStatus> counted = EnumSet.noneOf(ProjectStatus.class);
    if (statuses == null || statuses.isEmpty()) {
      counted.addAll(ReportService.CARRIED_OUT);
    } else {
      for (int i = 0; i < statuses.size(); i++) {
        ProjectStatus s =
            errors.enumValue(
                RequestErrors.at("statuses", i), statuses.get(i), ProjectStatus.class, true);
        if (s != null) {
          counted.add(s);
        }
      }
    }
    boolean csv = "csv".equalsIgnoreCase(format);
    if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
      errors.add("format", "must be json or csv");
    }
    errors.throwIfAny();
    ReportTable table = Answers.unwrap(reports.report(actor, kind, span, counted));
    if (csv || (format == null && accept != null && accept.contains("text/csv"))) {
      return ResponseEntity.ok()
          .contentType(CSV)
          .header(
              HttpHeaders.CONTENT_DISPOSITION,
              "attachment; filename=\"" + name + "-" + span.from() + "-" + span.to() + ".csv\"")
          .body(CsvWriter.write(table));
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            new ReportResponse(
                table.name(),
                table.from(),
                table.to(),
                counted.stream().map(Enum::name).toList(),
                table.columns(),
                table.rows(),
                table.totals()));
  }
}
