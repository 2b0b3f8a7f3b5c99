package org.kitepkana.events.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.kitepkana.events.EventsApi;
import org.kitepkana.events.ServiceTestBase;
import org.kitepkana.events.shared.domain.Bishkek;
import tools.jackson.databind.JsonNode;

/** Events, registrations, attendance and walk-ins per branch, month, type, audience. */
class StatisticsIT extends ServiceTestBase {

  @Test
  void countsPerBranchMonthTypeAndAudienceAsJsonAndCsv() {
    String branch = knownBranch("jumgal", "Жумгал райондук борбордук китепканасы");
    String lecture = create(branch, 3, "\"type\": \"LECTURE\", \"audience\": \"YOUTH\"");
    String club = create(branch, 4, "\"type\": \"CLUB\", \"audience\": \"CHILDREN\"");
    String cancelled = create(branch, 5, "\"type\": \"CLUB\", \"audience\": \"CHILDREN\"");
    for (int i = 0; i < 3; i++) {
      api.post(
          "/api/events/" + lecture + "/registrations",
          "{\"name\": \"Demo %d\", \"phone\": \"+996 700 200 30%d\"}".formatted(i, i));
    }
    String came =
        api.get("/api/events/" + lecture + "/registrations")
            .body()
            .get(0)
            .get("registrationId")
            .asString();
    api.post("/api/events/" + cancelled + "/cancel", "");
    clock.advance(Duration.ofDays(6));
    api.post(
        "/api/events/" + lecture + "/attendance",
        "{\"attendedRegistrationIds\": [\"%s\"], \"walkIns\": 7}".formatted(came));
    api.post(
        "/api/events/" + club + "/attendance", "{\"attendedRegistrationIds\": [], \"walkIns\": 9}");
    clock.reset();

    LocalDate today = Bishkek.date(clock.instant());
    String period = "from=" + today.minusMonths(1).withDayOfMonth(1) + "&to=" + today.plusMonths(2);
    JsonNode all =
        api.get("/api/events/statistics?" + period + "&branchId=" + branch + "&by=branch").body();
    assertThat(all.get("rows")).hasSize(1);
    JsonNode row = all.get("rows").get(0);
    assertThat(row.get("branchId").asString()).isEqualTo(branch);
    assertThat(row.get("month").isNull()).isTrue();
    assertThat(row.get("events").asInt()).isEqualTo(2);
    assertThat(row.get("completed").asInt()).isEqualTo(2);
    assertThat(row.get("cancelled").asInt()).isEqualTo(1);
    assertThat(row.get("registrations").asInt()).isEqualTo(3);
    assertThat(row.get("registeredAttended").asInt()).isEqualTo(1);
    assertThat(row.get("walkIns").asInt()).isEqualTo(16);
    assertThat(row.get("attendance").asInt()).isEqualTo(17);

    JsonNode byType =
        api.get("/api/events/statistics?" + period + "&branchId=" + branch + "&by=type,audience")
            .body();
    assertThat(byType.get("rows").findValuesAsString("type")).containsExactly("CLUB", "LECTURE");
    assertThat(byType.get("rows").get(1).get("audience").asString()).isEqualTo("YOUTH");
    JsonNode byMonth =
        api.get("/api/events/statistics?" + period + "&branchId=" + branch + "&by=month,type")
            .body();
    JsonNode lectureRow = null;
    for (JsonNode r : byMonth.get("rows")) {
      if ("LECTURE".equals(r.get("type").asString())) {
        lectureRow = r;
      }
      assertThat(r.get("audience").isNull()).isTrue();
    }
    assertThat(lectureRow.get("month").asString())
        .isEqualTo(YearMonth.from(today.plusDays(3)).toString());

    var csv = api.get("/api/events/statistics.csv?" + period + "&branchId=" + branch + "&by=type");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.raw().split("\r\n"))
        .containsExactly(
            "branch,month,type,audience,events,completed,cancelled,registrations,waitlisted,"
                + "registered_attended,walk_ins,attendance",
            ",,CLUB,,1,1,1,0,0,0,9,9",
            ",,LECTURE,,1,1,0,3,0,1,7,8",
            "TOTAL,,,,2,2,1,3,0,1,16,17");
    assertThat(api.get("/api/events/statistics?by=weekday").status()).isEqualTo(400);
  }

  private String create(String branch, int days, String extra) {
    var created =
        api.post(
            "/api/events",
            EventsApi.event(
                branch, "зал " + days, day(days, "15:00"), day(days, "17:00"), 30, extra));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    return created.body().get("eventId").asString();
  }
}
