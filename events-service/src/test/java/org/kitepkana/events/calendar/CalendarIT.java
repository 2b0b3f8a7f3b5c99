package org.kitepkana.events.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.kitepkana.events.EventsApi;
import org.kitepkana.events.ServiceTestBase;

/** The branch and network feeds read back with ical4j, as a calendar client would. */
class CalendarIT extends ServiceTestBase {

  @Test
  void branchFeedShowsScheduledAndCancelledEventsButNoDrafts() throws Exception {
    String branch = knownBranch("kara-suu", "Кара-Суу айылдык китепканасы");
    String lecture =
        api.post(
                "/api/events",
                EventsApi.event(branch, "окуу залы", day(5, "14:00"), day(5, "16:00"), 20, null))
            .body()
            .get("eventId")
            .asString();
    String cancelled =
        api.post(
                "/api/events",
                EventsApi.event(branch, "окуу залы", day(6, "10:00"), day(6, "11:00"), 20, null))
            .body()
            .get("eventId")
            .asString();
    api.post("/api/events/" + cancelled + "/cancel", "");
    api.post(
        "/api/events",
        EventsApi.event(
            branch, "окуу залы", day(7, "10:00"), day(7, "11:00"), 20, "\"draft\": true"));

    var feed = api.get("/api/events/branches/" + branch + "/calendar.ics");
    assertThat(feed.status()).isEqualTo(200);
    assertThat(feed.contentType()).startsWith("text/calendar");
    Calendar calendar = new CalendarBuilder().build(new StringReader(feed.raw()));
    calendar.validate();
    List<VEvent> events = calendar.getComponents("VEVENT");
    assertThat(events).hasSize(2);
    VEvent first = uid(events, lecture);
    assertThat(first.getProperty("SUMMARY").orElseThrow().getValue())
        .isEqualTo("Укуктук сабаттуулук күнү");
    assertThat(first.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
    assertThat(first.getProperty("LOCATION").orElseThrow().getValue())
        .isEqualTo("Кара-Суу айылдык китепканасы, окуу залы");
    assertThat(first.getProperty("DTSTART").orElseThrow().getValue())
        .isEqualTo(
            OffsetDateTime.parse(day(5, "14:00"))
                .toInstant()
                .toString()
                .replace("-", "")
                .replace(":", ""));
    VEvent second = uid(events, cancelled);
    assertThat(second.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
    assertThat(Integer.parseInt(second.getProperty("SEQUENCE").orElseThrow().getValue()))
        .isPositive();

    var network = api.get("/api/events/calendar.ics");
    Calendar all = new CalendarBuilder().build(new StringReader(network.raw()));
    assertThat(
            all.getComponents("VEVENT").stream()
                .map(c -> c.getProperty("UID").orElseThrow().getValue()))
        .contains(lecture + "@events.kitepkana", cancelled + "@events.kitepkana");
    assertThat(api.get("/api/events/branches/no-such-branch/calendar.ics").status()).isEqualTo(404);
  }

  private static VEvent uid(List<VEvent> events, String eventId) {
    return events.stream()
        .filter(
            e ->
                e.getProperty("UID").orElseThrow().getValue().equals(eventId + "@events.kitepkana"))
        .findFirst()
        .orElseThrow();
  }
}
