package org.kitepkana.events.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.kitepkana.contracts.EventSchemas;
import org.kitepkana.events.EventsApi;
import org.kitepkana.events.ServiceTestBase;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructure;
import org.kitepkana.platform.testsupport.KafkaTestConsumer;
import org.springframework.beans.factory.annotation.Autowired;

/** A library event's life: HTTP in, MongoDB, outbox, events.schedule.v1 out, valid CloudEvents. */
class EventLifecycleIT extends ServiceTestBase {

  static final String TOPIC = "events.schedule.v1";

  @Autowired MongoDatabase database;

  @Test
  void scheduledEventIsStoredAndPublishedAsValidCloudEventThroughItsLifecycle() {
    String branch = knownBranch("at-bashy", "Ат-Башы райондук борбордук китепканасы");
    var created =
        api.post(
            "/api/events",
            EventsApi.event(
                branch,
                "окуу залы",
                day(14, "14:00"),
                day(14, "16:00").substring(0, 16),
                40,
                null));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String eventId = created.body().get("eventId").asString();
    assertThat(created.body().get("status").asString()).isEqualTo("SCHEDULED");
    assertThat(created.body().get("end").asString()).isEqualTo(day(14, "16:00"));

    Document stored = database.getCollection("events").find(Filters.eq("_id", eventId)).first();
    assertThat(stored).isNotNull();
    assertThat(stored.getString("branchId")).isEqualTo(branch);
    assertThat(stored.get("seats", Document.class).getInteger("left")).isEqualTo(40);

    var moved =
        api.post(
            "/api/events/" + eventId + "/reschedule",
            "{\"start\": \"%s\", \"end\": \"%s\", \"capacity\": 45}"
                .formatted(day(15, "10:00"), day(15, "12:00")));
    assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
    assertThat(moved.body().get("status").asString()).isEqualTo("RESCHEDULED");
    var cancelled = api.post("/api/events/" + eventId + "/cancel", "");
    assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
    assertThat(api.post("/api/events/" + eventId + "/cancel", "").status()).isEqualTo(409);

    try (var kafka = new KafkaTestConsumer(EmbeddedInfrastructure.kafkaBootstrap(), TOPIC)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(kafka.poll())
                      .filteredOn(r -> eventId.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .containsExactly(
                          "kitepkana.events.event.scheduled",
                          "kitepkana.events.event.rescheduled",
                          "kitepkana.events.event.cancelled"));
      List<KafkaTestConsumer.Seen> mine =
          kafka.poll().stream().filter(r -> eventId.equals(r.key())).toList();
      for (var seen : mine) {
        assertThat(seen.header("ce_specversion")).isEqualTo("1.0");
        assertThat(seen.header("ce_source")).isEqualTo("/events-service");
        assertThat(seen.header("ce_subject")).isEqualTo(eventId);
        assertThat(seen.header("ce_dataschema"))
            .isEqualTo(EventSchemas.dataschema(seen.header("ce_type")));
        assertThat(seen.header("content-type")).isEqualTo("application/json");
        EventSchemas.assertValid(seen.header("ce_type"), seen.body());
      }
      var last = EventsApi.JSON.readTree(mine.get(2).body());
      assertThat(last.get("version").asInt()).isEqualTo(3);
      assertThat(last.get("status").asString()).isEqualTo("CANCELLED");
      assertThat(last.get("capacity").asInt()).isEqualTo(45);
      assertThat(last.get("start").asString()).isEqualTo(day(15, "10:00"));
    }
  }

  @Test
  void twoEventsMayNotOverlapInOneRoomAndTheConflictNamesTheHolder() {
    String branch = knownBranch("kochkor", "Кочкор райондук борбордук китепканасы");
    var first =
        api.post(
            "/api/events",
            EventsApi.event(branch, "Окуу залы", day(14, "14:00"), day(14, "16:00"), 30, null));
    assertThat(first.status()).isEqualTo(201);
    String holder = first.body().get("eventId").asString();

    var overlapping =
        api.post(
            "/api/events",
            EventsApi.event(branch, "окуу  залы ", day(14, "15:30"), day(14, "17:00"), 30, null));
    assertThat(overlapping.status()).isEqualTo(409);
    assertThat(overlapping.contentType()).startsWith("application/problem+json");
    assertThat(overlapping.body().get("conflictingEvent").get("eventId").asString())
        .isEqualTo(holder);
    assertThat(overlapping.body().get("conflictingEvent").get("start").asString())
        .isEqualTo(day(14, "14:00"));

    var backToBack =
        api.post(
            "/api/events",
            EventsApi.event(branch, "окуу залы", day(14, "16:00"), day(14, "17:00"), 30, null));
    assertThat(backToBack.status()).as(backToBack.raw()).isEqualTo(201);
    var otherRoom =
        api.post(
            "/api/events",
            EventsApi.event(branch, "чоң зал", day(14, "14:30"), day(14, "15:00"), 30, null));
    assertThat(otherRoom.status()).isEqualTo(201);
    var draft =
        api.post(
            "/api/events",
            EventsApi.event(
                branch, "окуу залы", day(14, "14:30"), day(14, "15:00"), 30, "\"draft\": true"));
    assertThat(draft.status()).as("a draft holds no room").isEqualTo(201);
    String draftId = draft.body().get("eventId").asString();
    assertThat(api.post("/api/events/" + draftId + "/schedule", "").status()).isEqualTo(409);

    assertThat(api.post("/api/events/" + holder + "/cancel", "").status()).isEqualTo(200);
    var scheduled = api.post("/api/events/" + draftId + "/schedule", "");
    assertThat(scheduled.status()).as("the cancelled event freed the room").isEqualTo(200);
    assertThat(scheduled.body().get("status").asString()).isEqualTo("SCHEDULED");
  }

  @Test
  void refusesUnknownBranchesAndBadFieldsWithProblemJson() {
    var unknown =
        api.post(
            "/api/events",
            EventsApi.event("no-such-branch", "зал", day(14, "14:00"), day(14, "16:00"), 10, null));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("errors").get(0).get("field").asString()).isEqualTo("branchId");

    String branch = knownBranch("jumgal", "Жумгал райондук борбордук китепканасы");
    var backwards =
        api.post(
            "/api/events",
            EventsApi.event(branch, "зал", day(14, "16:00"), day(14, "14:00"), 10, null));
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.body().get("errors").get(0).get("field").asString()).isEqualTo("end");

    var badType =
        api.post(
            "/api/events",
            EventsApi.event(branch, "зал", "x", "y", 10, null)
                .replace("LEGAL_CONSULTATION", "PARTY"));
    assertThat(badType.status()).isEqualTo(400);
    assertThat(badType.contentType()).startsWith("application/problem+json");

    var unknownPartner =
        api.post(
            "/api/events",
            EventsApi.event(
                branch,
                "зал",
                day(14, "14:00"),
                day(14, "16:00"),
                10,
                "\"partnerIds\": [\"01JQ9A2B4C6D8E0F2G4H6J8K0M\"]"));
    assertThat(unknownPartner.status()).isEqualTo(400);
    assertThat(unknownPartner.body().get("errors").get(0).get("field").asString())
        .isEqualTo("partnerIds[0]");
    assertThat(api.get("/api/events/01JQ9A2B4C6D8E0F2G4H6J8K0M").status()).isEqualTo(404);
    assertThat(api.get("/api/events/not-an-id").status()).isEqualTo(404);
  }
}
