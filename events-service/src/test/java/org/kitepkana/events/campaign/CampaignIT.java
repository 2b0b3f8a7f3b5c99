package org.kitepkana.events.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kitepkana.contracts.EventSchemas;
import org.kitepkana.events.EventsApi;
import org.kitepkana.events.ServiceTestBase;
import org.kitepkana.events.shared.domain.Bishkek;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructure;
import org.kitepkana.platform.testsupport.KafkaTestConsumer;
import tools.jackson.databind.JsonNode;

/** A legal-literacy week: planned, answered, events under it, the coordinator's overview. */
class CampaignIT extends ServiceTestBase {

  @Test
  void branchesAnswerScheduleUnderTheCampaignAndTheCoordinatorSeesAttendance() {
    String atBashy = knownBranch("at-bashy", "Ат-Башы райондук борбордук китепканасы");
    String kochkor = knownBranch("kochkor", "Кочкор райондук борбордук китепканасы");
    String start = Bishkek.date(clock.instant()).plusDays(10).toString();
    String end = Bishkek.date(clock.instant()).plusDays(16).toString();
    var planned =
        api.post(
            "/api/events/campaigns",
            """
            {"title": {"ky": "Укуктук сабаттуулук жумалыгы", "ru": "Неделя правовой грамотности"},
             "theme": "Укуктук сабаттуулук", "start": "%s", "end": "%s",
             "invitedBranchIds": ["%s", "%s"]}
            """
                .formatted(start, end, atBashy, kochkor));
    assertThat(planned.status()).as(planned.raw()).isEqualTo(201);
    String campaignId = planned.body().get("campaignId").asString();
    assertThat(planned.body().get("pendingBranchIds")).hasSize(2);

    var unknown =
        api.post(
            "/api/events/campaigns",
            """
            {"title": {"ru": "Неделя"}, "theme": "x", "start": "%s", "end": "%s",
             "invitedBranchIds": ["no-such-branch"]}
            """
                .formatted(start, end));
    assertThat(unknown.status()).isEqualTo(400);

    String answers = "/api/events/campaigns/" + campaignId + "/answers";
    assertThat(
            api.post(
                    answers, "{\"branchId\": \"%s\", \"answer\": \"CONFIRMED\"}".formatted(atBashy))
                .status())
        .isEqualTo(200);
    var declined =
        api.post(answers, "{\"branchId\": \"%s\", \"answer\": \"DECLINED\"}".formatted(kochkor));
    assertThat(declined.body().get("declinedBranchIds").get(0).asString()).isEqualTo(kochkor);
    assertThat(
            api.post(answers, "{\"branchId\": \"naryn-oblast\", \"answer\": \"CONFIRMED\"}")
                .status())
        .as("not invited")
        .isEqualTo(409);

    String under = "\"campaignId\": \"" + campaignId + "\"";
    var atBashyEvent =
        api.post(
            "/api/events",
            EventsApi.event(atBashy, "окуу залы", day(11, "14:00"), day(11, "16:00"), 40, under));
    assertThat(atBashyEvent.status()).as(atBashyEvent.raw()).isEqualTo(201);
    var kochkorEvent =
        api.post(
            "/api/events",
            EventsApi.event(kochkor, "окуу залы", day(11, "14:00"), day(11, "16:00"), 40, under));
    assertThat(kochkorEvent.status()).isEqualTo(400);
    assertThat(kochkorEvent.body().get("errors").get(0).get("field").asString())
        .isEqualTo("campaignId");
    var outside =
        api.post(
            "/api/events",
            EventsApi.event(atBashy, "окуу залы", day(30, "14:00"), day(30, "16:00"), 40, under));
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.body().get("errors").get(0).get("field").asString()).isEqualTo("start");

    String eventId = atBashyEvent.body().get("eventId").asString();
    api.post(
        "/api/events/" + eventId + "/registrations",
        "{\"name\": \"Demo Окурман\", \"phone\": \"+996 700 555 000\"}");
    clock.advance(Duration.ofDays(12));
    assertThat(
            api.post(
                    "/api/events/" + eventId + "/attendance",
                    "{\"attendedRegistrationIds\": [], \"walkIns\": 25}")
                .status())
        .isEqualTo(200);

    JsonNode overview = api.get("/api/events/campaigns/" + campaignId + "/overview").body();
    assertThat(overview.get("branches")).hasSize(2);
    JsonNode first =
        overview.get("branches").get(0).get("branchId").asString().equals(atBashy)
            ? overview.get("branches").get(0)
            : overview.get("branches").get(1);
    assertThat(first.get("answer").asString()).isEqualTo("CONFIRMED");
    assertThat(first.get("branchName").asString())
        .isEqualTo("Ат-Башы райондук борбордук китепканасы");
    assertThat(first.get("events")).hasSize(1);
    assertThat(overview.get("totals").get("events").asInt()).isEqualTo(1);
    assertThat(overview.get("totals").get("registered").asInt()).isEqualTo(1);
    assertThat(overview.get("totals").get("attendance").asInt()).isEqualTo(25);

    try (var kafka =
        new KafkaTestConsumer(EmbeddedInfrastructure.kafkaBootstrap(), "events.schedule.v1")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(kafka.poll())
                      .filteredOn(r -> campaignId.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .containsExactly(
                          "kitepkana.events.campaign.planned",
                          "kitepkana.events.campaign.updated",
                          "kitepkana.events.campaign.updated"));
      for (var seen : kafka.poll()) {
        if (campaignId.equals(seen.key())) {
          EventSchemas.assertValid(seen.header("ce_type"), seen.body());
          assertThat(seen.header("ce_subject")).isEqualTo(campaignId);
        }
      }
    }
  }
}
