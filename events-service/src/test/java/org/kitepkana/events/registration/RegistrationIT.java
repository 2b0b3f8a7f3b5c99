package org.kitepkana.events.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.kitepkana.contracts.EventSchemas;
import org.kitepkana.events.EventsApi;
import org.kitepkana.events.ServiceTestBase;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructure;
import org.kitepkana.platform.testsupport.KafkaTestConsumer;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Registrations against the real (embedded) store: capacity, waitlist order, promotion. */
class RegistrationIT extends ServiceTestBase {

  @Autowired MongoDatabase database;

  String event(String branch, int capacity) {
    var created =
        api.post(
            "/api/events",
            EventsApi.event(
                branch, "окуу залы", day(20, "14:00"), day(20, "16:00"), capacity, null));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    return created.body().get("eventId").asString();
  }

  EventsApi.Answer register(String eventId, String name, String phone) {
    return api.post(
        "/api/events/" + eventId + "/registrations",
        "{\"name\": \"%s\", \"phone\": \"%s\"}".formatted(name, phone));
  }

  @Test
  void fiveHundredSimultaneousRegistrationsForFiftySeatsGiveFiftyConfirmedAndTheRestWaitlisted()
      throws Exception {
    String eventId = event(knownBranch("naryn-city", "Нарын шаардык борбордук китепканасы"), 50);
    int readers = 500;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(100);
    List<Future<EventsApi.Answer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < readers; i++) {
        int n = i;
        Callable<EventsApi.Answer> call =
            () -> {
              start.await();
              return register(eventId, "Окурман " + n, "+996 700 " + (100000 + n));
            };
        answers.add(pool.submit(call));
      }
      start.countDown();
      int confirmed = 0;
      int waitlisted = 0;
      for (Future<EventsApi.Answer> f : answers) {
        EventsApi.Answer a = f.get();
        assertThat(a.status()).as(a.raw()).isEqualTo(201);
        if ("CONFIRMED".equals(a.body().get("status").asString())) {
          confirmed++;
        } else {
          waitlisted++;
        }
      }
      assertThat(confirmed).isEqualTo(50);
      assertThat(waitlisted).isEqualTo(450);
    } finally {
      pool.shutdownNow();
    }

    List<JsonNode> list = new ArrayList<>();
    api.get("/api/events/" + eventId + "/registrations").body().forEach(list::add);
    assertThat(list).hasSize(readers);
    List<JsonNode> confirmed =
        list.stream().filter(r -> "CONFIRMED".equals(r.get("status").asString())).toList();
    List<JsonNode> waiting =
        list.stream().filter(r -> "WAITLISTED".equals(r.get("status").asString())).toList();
    // Arrival order is the order the store serialized the claims: seats went to arrivals 1-50,
    // the waitlist holds 51-500 in that order.
    assertThat(confirmed.stream().map(r -> r.get("arrival").asLong()))
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
    assertThat(waiting.stream().map(r -> r.get("arrival").asLong()))
        .containsExactlyElementsOf(LongStream.rangeClosed(51, 500).boxed().toList());
    assertThat(waiting.stream().map(r -> r.get("position").asInt()))
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 450).boxed().toList());
    var event = api.get("/api/events/" + eventId).body();
    assertThat(event.get("registered").asInt()).isEqualTo(50);
    assertThat(event.get("waitlisted").asInt()).isEqualTo(450);

    // A cancellation gives the seat to the head of the waitlist at once.
    String leaving = confirmed.get(7).get("registrationId").asString();
    assertThat(
            api.post("/api/events/" + eventId + "/registrations/" + leaving + "/cancel", "{}")
                .status())
        .isEqualTo(200);
    JsonNode head = waiting.get(0);
    var promoted =
        api.get(
            "/api/events/" + eventId + "/registrations/" + head.get("registrationId").asString());
    assertThat(promoted.body().get("status").asString()).isEqualTo("CONFIRMED");
    assertThat(promoted.body().get("position").asInt()).isZero();
    var next =
        api.get(
            "/api/events/"
                + eventId
                + "/registrations/"
                + waiting.get(1).get("registrationId").asString());
    assertThat(next.body().get("position").asInt()).isEqualTo(1);
    event = api.get("/api/events/" + eventId).body();
    assertThat(event.get("registered").asInt()).isEqualTo(50);
    assertThat(event.get("waitlisted").asInt()).isEqualTo(449);
  }

  @Test
  void readersCancelWithTheirTokenAndTheWaitlistMovesUp() {
    String eventId = event(knownBranch("ottuk", "Оттук айылдык китепканасы"), 2);
    var first = register(eventId, "Айгүл Токтосунова", "+996 555 111 222");
    var second = register(eventId, "Бакыт Асанов", "0700 123 456");
    var third = register(eventId, "Нуржан Мамытова", "+996-772-000-333");
    var fourth =
        api.post(
            "/api/events/" + eventId + "/registrations",
            "{\"name\": \"Demo Окурман\", \"email\": \"demo.reader@example.org\"}");
    assertThat(first.body().get("status").asString()).isEqualTo("CONFIRMED");
    assertThat(second.body().get("status").asString()).isEqualTo("CONFIRMED");
    assertThat(third.body().get("status").asString()).isEqualTo("WAITLISTED");
    assertThat(third.body().get("position").asInt()).isEqualTo(1);
    assertThat(fourth.body().get("position").asInt()).isEqualTo(2);
    assertThat(first.body().has("name")).as("no personal data echoed").isFalse();

    String firstId = first.body().get("registrationId").asString();
    String cancel = "/api/events/" + eventId + "/registrations/" + firstId + "/cancel";
    String token = first.body().get("cancellationToken").asString();
    var mine =
        api.get(
            "/api/events/" + eventId + "/registrations/" + firstId,
            Map.of("Registration-Token", first.body().get("cancellationToken").asString()));
    assertThat(mine.body().get("status").asString()).isEqualTo("CONFIRMED");
    var cancelled = api.post(cancel, "{\"token\": \"" + token + "\"}");
    assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
    assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCELLED");
    assertThat(api.post(cancel, "{\"token\": \"" + token + "\"}").status())
        .as("cancelling again changes nothing")
        .isEqualTo(200);

    String thirdId = third.body().get("registrationId").asString();
    assertThat(
            api.get("/api/events/" + eventId + "/registrations/" + thirdId)
                .body()
                .get("status")
                .asString())
        .isEqualTo("CONFIRMED");
    String fourthId = fourth.body().get("registrationId").asString();
    assertThat(
            api.get("/api/events/" + eventId + "/registrations/" + fourthId)
                .body()
                .get("position")
                .asInt())
        .isEqualTo(1);
    // A waitlisted reader leaving changes no seat.
    assertThat(
            api.post(
                    "/api/events/" + eventId + "/registrations/" + fourthId + "/cancel",
                    "{\"token\": \"" + fourth.body().get("cancellationToken").asString() + "\"}")
                .status())
        .isEqualTo(200);
    var event = api.get("/api/events/" + eventId).body();
    assertThat(event.get("registered").asInt()).isEqualTo(2);
    assertThat(event.get("waitlisted").asInt()).isZero();
  }

  @Test
  void erasureBlanksPersonalDataKeepsCountsAndNothingPersonalIsPublished() {
    String eventId = event(knownBranch("dostuk", "Достук айылдык китепканасы"), 5);
    var reader = register(eventId, "Айгүл Токтосунова", "+996 555 987 654");
    var other =
        api.post(
            "/api/events/" + eventId + "/registrations",
            "{\"name\": \"Бакыт Асанов\", \"email\": \"Bakyt.Asanov@example.kg\"}");
    String readerId = reader.body().get("registrationId").asString();
    var erased =
        api.post(
            "/api/events/" + eventId + "/registrations/" + readerId + "/erase",
            "{\"token\": \"" + reader.body().get("cancellationToken").asString() + "\"}");
    assertThat(erased.status()).as(erased.raw()).isEqualTo(200);
    assertThat(erased.body().get("status").asString()).isEqualTo("CONFIRMED");
    var everywhere =
        api.post(
            "/api/events/personal-data/erasures", "{\"contact\": \"bakyt.asanov@EXAMPLE.kg\"}");
    assertThat(everywhere.body().get("erased").asInt()).isEqualTo(1);

    Document stored =
        database.getCollection("registrations").find(Filters.eq("_id", readerId)).first();
    assertThat(stored.getString("name")).isNull();
    assertThat(stored.getString("contact")).isNull();
    assertThat(stored.getString("status")).isEqualTo("CONFIRMED");
    var list = api.get("/api/events/" + eventId + "/registrations").body();
    assertThat(list.findValuesAsString("status")).containsOnly("CONFIRMED");
    assertThat(list.get(0).get("erased").asBoolean()).isTrue();
    assertThat(list.get(1).get("erased").asBoolean()).isTrue();
    assertThat(api.get("/api/events/" + eventId).body().get("registered").asInt()).isEqualTo(2);
    assertThat(other.status()).isEqualTo(201);

    assertThat(api.post("/api/events/" + eventId + "/cancel", "").status()).isEqualTo(200);
    try (var kafka =
        new KafkaTestConsumer(EmbeddedInfrastructure.kafkaBootstrap(), "events.schedule.v1")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(kafka.poll())
                      .filteredOn(r -> eventId.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .contains("kitepkana.events.event.cancelled"));
      for (var seen : kafka.poll()) {
        if (eventId.equals(seen.key())) {
          EventSchemas.assertValid(seen.header("ce_type"), seen.body());
          assertThat(seen.body())
              .doesNotContain("Айгүл", "Токтосунова", "Бакыт", "555", "example.kg", readerId);
        }
      }
      var cancelledEvent =
          kafka.poll().stream()
              .filter(r -> eventId.equals(r.key()))
              .filter(r -> r.header("ce_type").endsWith(".cancelled"))
              .findFirst()
              .orElseThrow();
      assertThat(EventsApi.JSON.readTree(cancelledEvent.body()).get("registered").asInt())
          .isEqualTo(2);
    }
  }

  @Test
  void attendanceAfterTheEventCompletesItAndPublishesTheTotal() {
    String eventId = event(knownBranch("ak-talaa", "Ак-Талаа райондук борбордук китепканасы"), 3);
    String came =
        register(eventId, "Demo Окурман 1", "+996 700 000 001")
            .body()
            .get("registrationId")
            .asString();
    register(eventId, "Demo Окурман 2", "+996 700 000 002");
    String waiting =
        register(eventId, "Demo Окурман 3", "+996 700 000 003")
            .body()
            .get("registrationId")
            .asString();
    register(eventId, "Demo Окурман 4", "+996 700 000 004");

    String attendance = "/api/events/" + eventId + "/attendance";
    var early = api.post(attendance, "{\"attendedRegistrationIds\": [], \"walkIns\": 3}");
    assertThat(early.status()).as("not before the event").isEqualTo(409);

    clock.advance(Duration.ofDays(21));
    var notConfirmed =
        api.post(
            attendance,
            "{\"attendedRegistrationIds\": [\"%s\", \"%s\"], \"walkIns\": 12}"
                .formatted(came, "01JQ9A2B4C6D8E0F2G4H6J8K0M"));
    assertThat(notConfirmed.status()).isEqualTo(400);
    assertThat(notConfirmed.body().get("errors").get(0).get("field").asString())
        .isEqualTo("attendedRegistrationIds[1]");
    assertThat(waiting).isNotBlank();

    var completed =
        api.post(
            attendance, "{\"attendedRegistrationIds\": [\"%s\"], \"walkIns\": 12}".formatted(came));
    assertThat(completed.status()).as(completed.raw()).isEqualTo(200);
    assertThat(completed.body().get("status").asString()).isEqualTo("COMPLETED");
    assertThat(completed.body().get("attendance").get("total").asInt()).isEqualTo(13);
    var corrected =
        api.post(
            attendance, "{\"attendedRegistrationIds\": [\"%s\"], \"walkIns\": 14}".formatted(came));
    assertThat(corrected.body().get("attendance").get("total").asInt()).isEqualTo(15);
    var list = api.get("/api/events/" + eventId + "/registrations").body();
    assertThat(list.get(0).get("attended").asBoolean()).isTrue();
    assertThat(list.get(1).get("attended").asBoolean()).isFalse();

    try (var kafka =
        new KafkaTestConsumer(EmbeddedInfrastructure.kafkaBootstrap(), "events.schedule.v1")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(kafka.poll())
                      .filteredOn(r -> eventId.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .containsExactly(
                          "kitepkana.events.event.scheduled",
                          "kitepkana.events.event.completed",
                          "kitepkana.events.event.completed"));
      var last = kafka.poll().stream().filter(r -> eventId.equals(r.key())).toList().get(2);
      EventSchemas.assertValid(last.header("ce_type"), last.body());
      JsonNode body = EventsApi.JSON.readTree(last.body());
      assertThat(body.get("attendance").get("registeredAttended").asInt()).isEqualTo(1);
      assertThat(body.get("attendance").get("walkIns").asInt()).isEqualTo(14);
      assertThat(body.get("attendance").get("total").asInt()).isEqualTo(15);
      assertThat(body.get("registered").asInt()).isEqualTo(3);
      assertThat(body.get("waitlisted").asInt()).isEqualTo(1);
    }
  }

  @Test
  void registrationIsRefusedWhenNotNeededOrClosed() {
    String branch = knownBranch("naryn-children", "Нарын облустук балдар китепканасы");
    var walkIn =
        api.post(
            "/api/events",
            EventsApi.event(
                branch,
                "көргөзмө залы",
                day(10, "10:00"),
                day(10, "18:00"),
                200,
                "\"registrationRequired\": false, \"type\": \"EXHIBITION\""));
    assertThat(walkIn.status()).as(walkIn.raw()).isEqualTo(201);
    var refused = register(walkIn.body().get("eventId").asString(), "Demo", "+996 700 111 111");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");

    String eventId = event(branch, 10);
    var noContact = api.post("/api/events/" + eventId + "/registrations", "{\"name\": \"Demo\"}");
    assertThat(noContact.status()).isEqualTo(400);
    var badPhone = register(eventId, "Demo", "12");
    assertThat(badPhone.status()).isEqualTo(400);
    assertThat(badPhone.body().get("errors").get(0).get("field").asString()).isEqualTo("phone");
    assertThat(api.post("/api/events/" + eventId + "/cancel", "").status()).isEqualTo(200);
    assertThat(register(eventId, "Demo", "+996 700 111 112").status()).isEqualTo(409);
  }
}
