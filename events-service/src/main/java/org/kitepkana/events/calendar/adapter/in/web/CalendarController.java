package org.kitepkana.events.calendar.adapter.in.web;

import java.nio.charset.StandardCharsets;
import org.kitepkana.events.calendar.application.CalendarFeed;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.platform.web.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** iCalendar feeds for calendar clients: the whole network, or one branch. Public. */
@RestController
class CalendarController {

  static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

  private final CalendarFeed feed;

  CalendarController(CalendarFeed feed) {
    this.feed = feed;
  }

  @GetMapping("/api/events/calendar.ics")
  ResponseEntity<String> network() {
    return ics(ICalendarWriter.write("Kitepkana: китепканалардын иш-чаралары", feed.network()));
  }

  @GetMapping("/api/events/branches/{branchId}/calendar.ics")
  ResponseEntity<String> branch(@PathVariable String branchId) {
    if (!BranchId.isValid(branchId)) {
      throw ApiProblem.notFound("No branch " + branchId);
    }
    BranchId id = new BranchId(branchId);
    var entries = feed.branch(id).orElseThrow(() -> ApiProblem.notFound("No branch " + branchId));
    return ics(ICalendarWriter.write(feed.branchName(id).orElse(branchId), entries));
  }

  private static ResponseEntity<String> ics(String body) {
    return ResponseEntity.ok()
        .contentType(TEXT_CALENDAR)
        .header("Content-Disposition", "inline; filename=\"calendar.ics\"")
        .body(body);
  }
}
