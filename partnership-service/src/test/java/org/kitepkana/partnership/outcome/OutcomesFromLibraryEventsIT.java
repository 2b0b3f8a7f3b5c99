package org.kitepkana.partnership.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kitepkana.partnership.Network;
import org.kitepkana.partnership.PartnershipApi.Answer;
import org.kitepkana.partnership.PartnershipIntegrationTest;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructure;
import org.kitepkana.platform.testsupport.KafkaTestConsumer;
import tools.jackson.databind.JsonNode;

/**
 * Library events published on events.schedule.v1 (in events-service's agreed shape) become project
 * outcomes: counted once per event in its latest version, wherever it now belongs.
 */
class OutcomesFromLibraryEventsIT extends PartnershipIntegrationTest {

  static final String COMPLETED = "kitepkana.events.event.completed";
  static final String SCHEDULED = "kitepkana.events.event.scheduled";

  String library;
  String funder;
  String first;
  String second;

  @BeforeEach
  void twoActiveProjects() {
    library = Network.uniqueLibrary("ak-talaa");
    Network.branch(api, library, "DISTRICT", "Ак-Талаа");
    funder =
        api.post(
                "/api/partnerships/partners",
                "{\"name\": \"Баетов айыл өкмөтү\", \"type\": \"LOCAL_GOVERNMENT\"}")
            .body()
            .get("id")
            .asString();
    first = activeProject("Окуу жылы");
    second = activeProject("Эко-клуб");
  }

  String activeProject(String title) {
    Answer created =
        api.post(
            "/api/partnerships/projects",
            """
            {"title": "%s", "start": "2025-01-15", "end": "2025-12-20", "leadLibraryId": "%s",
             "partners": [{"partnerId": "%s", "roles": ["FUNDER"]}],
             "contentAreas": ["CHILDREN_AND_YOUTH"]}
            """
                .formatted(title, library, funder));
    assertThat(created.status()).isEqualTo(201);
    String id = created.body().get("id").asString();
    for (String status : new String[] {"APPROVED", "ACTIVE"}) {
      api.post(
          "/api/partnerships/projects/" + id + "/transitions", "{\"status\": \"" + status + "\"}");
    }
    return id;
  }

  JsonNode outcomes(String project) {
    return api.get("/api/partnerships/projects/" + project + "/outcomes").body();
  }

  void awaitOutcomes(String project, int held, long attendance) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              JsonNode o = outcomes(project);
              assertThat(o.get("eventsHeld").asInt()).isEqualTo(held);
              assertThat(o.get("attendance").asLong()).isEqualTo(attendance);
            });
  }

  @Test
  void anEventHeldWithAProjectIdUpdatesTheProjectsOutcomesOnceAndFollowsMoves() {
    String event =
        "01J" + UUID.randomUUID().toString().replace("-", "").substring(0, 23).toUpperCase();
    String cloudEventId = UUID.randomUUID().toString();
    Network.publishLibraryEvent(
        SCHEDULED, event, Network.libraryEvent(event, 1, "SCHEDULED", library, first, 0));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(outcomes(first).get("eventsPlanned").asInt()).isEqualTo(1));

    String held = Network.libraryEvent(event, 3, "COMPLETED", library, first, 43);
    Network.publish(cloudEventId, "events.schedule.v1", event, COMPLETED, "/events-service", held);
    awaitOutcomes(first, 1, 43);
    assertThat(outcomes(first).get("eventsPlanned").asInt()).isZero();
    assertThat(outcomes(first).get("walkIns").asLong()).isEqualTo(10);

    // A redelivery (same CloudEvent id), a re-publication (same version) and a late older version
    // change nothing.
    Network.publish(cloudEventId, "events.schedule.v1", event, COMPLETED, "/events-service", held);
    Network.publishLibraryEvent(COMPLETED, event, held);
    Network.publishLibraryEvent(
        SCHEDULED, event, Network.libraryEvent(event, 2, "SCHEDULED", library, first, 0));
    String other =
        "01J" + UUID.randomUUID().toString().replace("-", "").substring(0, 23).toUpperCase();
    Network.publishLibraryEvent(
        COMPLETED, other, Network.libraryEvent(other, 1, "COMPLETED", library, second, 7));
    awaitOutcomes(second, 1, 7);
    awaitOutcomes(first, 1, 43);

    // The organisers correct the project of the event: it now counts for the second project.
    Network.publishLibraryEvent(
        COMPLETED, event, Network.libraryEvent(event, 4, "COMPLETED", library, second, 43));
    awaitOutcomes(second, 2, 50);
    awaitOutcomes(first, 0, 0);
    assertThat(outcomes(second).get("events")).hasSize(2);
  }

  @Test
  void campaignsAreSkippedAndUnreadableMessagesGoToTheDeadLetterTopic() {
    String broken = "broken-" + UUID.randomUUID();
    Network.publishLibraryEvent(
        COMPLETED, broken, "{\"eventId\": \"" + broken + "\", \"version\":");
    Network.publishLibraryEvent(
        "kitepkana.events.campaign.planned",
        "campaign-" + broken,
        "{\"campaignId\": \"c\", \"version\": 1, \"title\": {\"ky\": \"Укук жумалыгы\"}}");
    String after =
        "01J" + UUID.randomUUID().toString().replace("-", "").substring(0, 23).toUpperCase();
    Network.publishLibraryEvent(
        COMPLETED, after, Network.libraryEvent(after, 1, "COMPLETED", library, first, 12));

    awaitOutcomes(first, 1, 12);
    try (var dlt =
        new KafkaTestConsumer(EmbeddedInfrastructure.kafkaBootstrap(), "events.schedule.v1.dlt")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(dlt.poll())
                      .filteredOn(r -> broken.equals(r.key()))
                      .singleElement()
                      .satisfies(
                          r ->
                              assertThat(r.header("kafka_dlt-original-topic"))
                                  .isEqualTo("events.schedule.v1")));
    }
  }

  @Test
  void publicationsAboutAProjectCountAmongItsOutcomesAndInItsEvaluation() {
    String gazette =
        api.post(
                "/api/partnerships/partners",
                "{\"name\": \"«Ак-Талаа» гезити\", \"type\": \"MEDIA\"}")
            .body()
            .get("id")
            .asString();
    Answer article =
        api.post(
            "/api/partnerships/publications",
            """
            {"outletPartnerId": "%s", "publishedOn": "2025-05-02",
             "title": "Китепканада эко-клуб ачылды", "link": "https://example.kg/ak-talaa/17",
             "writtenByStaff": true, "projectId": "%s"}
            """
                .formatted(gazette, second));
    assertThat(article.status()).isEqualTo(201);
    Answer freeText =
        api.post(
            "/api/partnerships/publications",
            """
            {"outletName": "Кабар агенттиги", "publishedOn": "2025-06-11",
             "title": "Нарындын китепканалары", "projectId": "%s"}
            """
                .formatted(second));
    assertThat(freeText.status()).isEqualTo(201);
    Answer notMedia =
        api.post(
            "/api/partnerships/publications",
            """
            {"outletPartnerId": "%s", "publishedOn": "2025-05-02", "title": "Маалымат"}
            """
                .formatted(funder));
    assertThat(notMedia.status()).isEqualTo(400);
    assertThat(notMedia.firstErrorField()).isEqualTo("outletPartnerId");
    Answer badLink =
        api.post(
            "/api/partnerships/publications",
            """
            {"outletName": "Блог", "publishedOn": "2025-05-02", "title": "Пост", "link": "ftp://x"}
            """);
    assertThat(badLink.firstErrorField()).isEqualTo("link");

    assertThat(outcomes(second).get("publications").asInt()).isEqualTo(2);
    assertThat(outcomes(second).get("publicationsByStaff").asInt()).isEqualTo(1);
    assertThat(api.get("/api/partnerships/publications?projectId=" + second).body()).hasSize(2);

    String event =
        "01J" + UUID.randomUUID().toString().replace("-", "").substring(0, 23).toUpperCase();
    Network.publishLibraryEvent(
        COMPLETED, event, Network.libraryEvent(event, 1, "COMPLETED", library, second, 25));
    awaitOutcomes(second, 1, 25);
    api.post(
        "/api/partnerships/projects/" + second + "/transitions", "{\"status\": \"COMPLETED\"}");
    Answer evaluated =
        api.put(
            "/api/partnerships/projects/" + second + "/evaluation",
            """
            {"necessity": {"score": 4, "reasoning": "Балдар үчүн клуб жок эле"},
             "usefulness": {"score": 4, "reasoning": "30 бала катышты"},
             "attractiveness": {"score": 5, "reasoning": "Ата-энелер сурашат"},
             "evaluator": "Осмонова А., директор", "evaluatedOn": "2025-12-25"}
            """);
    assertThat(evaluated.status()).isEqualTo(200);
    JsonNode evaluation = evaluated.body().get("evaluation");
    assertThat(evaluation.get("eventsHeld").asInt()).isEqualTo(1);
    assertThat(evaluation.get("attendance").asLong()).isEqualTo(25);
    assertThat(evaluation.get("publications").asInt()).isEqualTo(2);
  }
}
