package org.kitepkana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kitepkana.contracts.EventSchemas;
import tools.jackson.databind.JsonNode;

/**
 * Library events through the gateway: a branch registered in catalog-service reaches events-service
 * over Kafka; readers register beyond capacity and a cancellation promotes the waitlist; the
 * lifecycle reaches events.schedule.v1 as valid CloudEvents without any reader's name or phone; the
 * branch's iCalendar feed shows the cancellation.
 */
class EventsThroughGatewayIT {

  static final String TOPIC = "events.schedule.v1";
  static GatewayClient gateway;
  static String regional;
  static String branch;

  @BeforeAll
  static void region() {
    gateway = Platform.gateway();
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    regional = "naryn-oblast-" + suffix;
    branch = "at-bashy-" + suffix;
    assertThat(
            gateway
                .registerBranch(regional, "Нарын облустук китепканасы", "REGIONAL", null)
                .status())
        .isEqualTo(201);
    assertThat(
            gateway
                .registerBranch(
                    branch, "Ат-Башы райондук борбордук китепканасы", "DISTRICT", regional)
                .status())
        .isEqualTo(201);
    // events-service learns branches from network.branches.v1, not from a call to catalog.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> gateway.get("/api/events/directory/branches").raw().contains(branch));
  }

  static String day(int days, String time) {
    return LocalDate.now(ZoneId.of("Asia/Bishkek")).plusDays(days) + "T" + time + ":00+06:00";
  }

  static String event(String room, int days, int capacity) {
    return """
        {"title": {"ky": "Укуктук сабаттуулук күнү", "ru": "День правовой грамотности"},
         "type": "LEGAL_CONSULTATION", "audience": "ADULTS", "branchId": "%s", "room": "%s",
         "start": "%s", "end": "%s", "capacity": %d}
        """
        .formatted(branch, room, day(days, "14:00"), day(days, "16:00"), capacity);
  }

  @Test
  void registrationBeyondCapacityWaitsAndACancellationPromotesTheHeadOfTheWaitlist() {
    var created = gateway.post("/api/events", event("окуу залы", 20, 2));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String eventId = created.body().get("eventId").asString();
    String registrations = "/api/events/" + eventId + "/registrations";
    var first =
        gateway.post(
            registrations, "{\"name\": \"Айгүл Токтосунова\", \"phone\": \"+996 555 303 101\"}");
    var second =
        gateway.post(
            registrations, "{\"name\": \"Бакыт Асанов\", \"phone\": \"+996 555 303 102\"}");
    var third =
        gateway.post(
            registrations, "{\"name\": \"Нуржан Мамытова\", \"email\": \"nurjan.m@example.kg\"}");
    assertThat(List.of(first, second, third))
        .allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
    assertThat(first.body().get("status").asString()).isEqualTo("CONFIRMED");
    assertThat(second.body().get("status").asString()).isEqualTo("CONFIRMED");
    assertThat(third.body().get("status").asString()).isEqualTo("WAITLISTED");
    assertThat(third.body().get("position").asInt()).isEqualTo(1);

    var cancelled =
        gateway.post(
            registrations + "/" + first.body().get("registrationId").asString() + "/cancel",
            "{\"token\": \"" + first.body().get("cancellationToken").asString() + "\"}");
    assertThat(cancelled.status()).isEqualTo(200);
    var promoted = gateway.get(registrations + "/" + third.body().get("registrationId").asString());
    assertThat(promoted.body().get("status").asString()).isEqualTo("CONFIRMED");
    var counts = gateway.get("/api/events/" + eventId).body();
    assertThat(counts.get("registered").asInt()).isEqualTo(2);
    assertThat(counts.get("waitlisted").asInt()).isZero();

    var overlapping = gateway.post("/api/events", event("окуу залы", 20, 10));
    assertThat(overlapping.status()).isEqualTo(409);
    assertThat(overlapping.isProblem()).isTrue();
    assertThat(overlapping.body().get("conflictingEvent").get("eventId").asString())
        .isEqualTo(eventId);

    assertThat(gateway.post("/api/events/" + eventId + "/cancel", "").status()).isEqualTo(200);
    try (var topic = new TopicReader(Platform.stack().kafkaBootstrap(), TOPIC)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(topic.poll())
                      .filteredOn(r -> eventId.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .containsExactly(
                          "kitepkana.events.event.scheduled", "kitepkana.events.event.cancelled"));
      for (var r : topic.poll()) {
        assertThat(r.body())
            .as("no reader's name, phone or e-mail on the public topic")
            .doesNotContain("Айгүл", "Токтосунова", "Бакыт", "Нуржан", "303 10", "example.kg");
        if (eventId.equals(r.key())) {
          assertThat(r.header("ce_specversion")).isEqualTo("1.0");
          assertThat(r.header("ce_id")).isNotBlank();
          assertThat(r.header("ce_source")).isEqualTo("/events-service");
          assertThat(r.header("ce_subject")).isEqualTo(eventId);
          assertThat(r.header("ce_time")).isNotBlank();
          assertThat(r.header("content-type")).isEqualTo("application/json");
          assertThat(r.header("ce_dataschema"))
              .isEqualTo("schemas/" + r.header("ce_type") + ".json");
          EventSchemas.assertValid(r.header("ce_type"), r.body());
        }
      }
      JsonNode last =
          GatewayClient.JSON.readTree(
              topic.poll().stream()
                  .filter(r -> eventId.equals(r.key()))
                  .reduce((a, b) -> b)
                  .orElseThrow()
                  .body());
      assertThat(last.get("status").asString()).isEqualTo("CANCELLED");
      assertThat(last.get("registered").asInt()).isEqualTo(2);
    }
  }

  @Test
  void theBranchCalendarFeedIsICalendarAndShowsCancellations() {
    String kept =
        gateway.post("/api/events", event("чоң зал", 21, 30)).body().get("eventId").asString();
    String dropped =
        gateway.post("/api/events", event("кичи зал", 22, 30)).body().get("eventId").asString();
    assertThat(gateway.post("/api/events/" + dropped + "/cancel", "").status()).isEqualTo(200);

    var feed = gateway.get("/api/events/branches/" + branch + "/calendar.ics");
    assertThat(feed.status()).isEqualTo(200);
    assertThat(feed.contentType()).startsWith("text/calendar");
    String ics = feed.raw();
    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
    assertThat(ics).contains("\r\nVERSION:2.0\r\n", "\r\nPRODID:");
    String unfolded = ics.replace("\r\n ", "");
    assertThat(unfolded).contains("UID:" + kept + "@events.kitepkana");
    String droppedBlock =
        unfolded.substring(unfolded.indexOf("UID:" + dropped + "@events.kitepkana"));
    droppedBlock = droppedBlock.substring(0, droppedBlock.indexOf("END:VEVENT"));
    assertThat(droppedBlock).contains("STATUS:CANCELLED");
    assertThat(gateway.get("/api/events/calendar.ics").raw().replace("\r\n ", ""))
        .contains("UID:" + kept + "@events.kitepkana");
  }
}
