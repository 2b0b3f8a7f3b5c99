package org.kitepkana.partnership.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kitepkana.partnership.EventContract;
import org.kitepkana.partnership.Network;
import org.kitepkana.partnership.PartnershipApi.Answer;
import org.kitepkana.partnership.PartnershipIntegrationTest;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructure;
import org.kitepkana.platform.testsupport.KafkaTestConsumer;

class ProjectLifecycleIT extends PartnershipIntegrationTest {

  String atBashy;
  String karaSuu;
  String kochkor;
  String ayilOkmotu;
  String donor;

  @BeforeEach
  void network() {
    atBashy = Network.uniqueLibrary("at-bashy");
    karaSuu = Network.uniqueLibrary("kara-suu");
    kochkor = Network.uniqueLibrary("kochkor");
    Network.branch(api, atBashy, "DISTRICT", "Ат-Башы");
    Network.branch(api, karaSuu, "VILLAGE", "Ат-Башы");
    Network.branch(api, kochkor, "DISTRICT", "Кочкор");
    ayilOkmotu = partner("Ат-Башы айыл өкмөтү", "LOCAL_GOVERNMENT");
    donor = partner("Эл аралык билим берүү фонду", "INTERNATIONAL_DONOR");
  }

  String partner(String name, String type) {
    Answer created =
        api.post(
            "/api/partnerships/partners",
            "{\"name\": \"%s\", \"type\": \"%s\"}".formatted(name, type));
    assertThat(created.status()).isEqualTo(201);
    return created.body().get("id").asString();
  }

  String project(String participating, String scale, String contributions) {
    return """
        {"title": "Укуктук маалымат борбору", "summary": "Айыл тургундарына акысыз укуктук кеңеш",
         "start": "2025-03-01", "end": "2025-11-30", "leadLibraryId": "%s",
         "participatingLibraryIds": %s, "scale": %s,
         "partners": [{"partnerId": "%s", "roles": ["FUNDER", "CO_ORGANISER"]},
                      {"partnerId": "%s", "roles": ["FUNDER"]}],
         "contentAreas": ["LEGAL_INFORMATION", "LOCAL_SELF_GOVERNMENT"],
         "budget": {"amount": 120000, "currency": "KGS"},
         "contributions": %s}
        """
        .formatted(atBashy, participating, scale, ayilOkmotu, donor, contributions);
  }

  static final String GIVEN =
      """
      [{"kind": "MONEY", "partnerId": "%s", "amount": "50000.00", "currency": "KGS",
        "receivedOn": "2025-03-10"},
       {"kind": "MONEY", "partnerId": "%s", "amount": 1000, "currency": "USD", "rate": 87.45,
        "rateDate": "2025-04-01", "receivedOn": "2025-04-02"},
       {"kind": "IN_KIND", "partnerId": "%s", "amount": 15000, "currency": "KGS",
        "receivedOn": "2025-03-10", "description": "Окуу залы жана компьютер"}]
      """;

  Answer step(String id, String status, String reason) {
    return api.post(
        "/api/partnerships/projects/" + id + "/transitions",
        reason == null
            ? "{\"status\": \"%s\"}".formatted(status)
            : "{\"status\": \"%s\", \"reason\": \"%s\"}".formatted(status, reason));
  }

  @Test
  void aProjectGoesFromProposalToEvaluationAndEachStepIsAValidEvent() {
    Answer proposed =
        api.post(
            "/api/partnerships/projects",
            project(
                "[\"%s\"]".formatted(karaSuu),
                "null",
                GIVEN.formatted(ayilOkmotu, donor, ayilOkmotu)));
    assertThat(proposed.status()).isEqualTo(201);
    String id = proposed.body().get("id").asString();
    assertThat(proposed.body().get("status").asString()).isEqualTo("PROPOSED");
    assertThat(proposed.body().get("scale").asString()).isEqualTo("INTER_LIBRARY");
    assertThat(proposed.body().get("contributed").get("money").decimalValue())
        .isEqualByComparingTo("137450.00");
    assertThat(proposed.body().get("contributed").get("inKind").decimalValue())
        .isEqualByComparingTo("15000.00");

    for (String status : List.of("APPROVED", "ACTIVE", "COMPLETED")) {
      Answer moved = step(id, status, null);
      assertThat(moved.status()).as(status).isEqualTo(200);
      assertThat(moved.body().get("status").asString()).isEqualTo(status);
    }
    Answer evaluated =
        api.put(
            "/api/partnerships/projects/" + id + "/evaluation",
            """
            {"necessity": {"score": 5, "reasoning": "Айылда юрист жок"},
             "usefulness": {"score": 4, "reasoning": "120 консультация берилди"},
             "attractiveness": {"score": 4, "reasoning": "Окурмандар кайра келишти"},
             "evaluator": "Асанова Н. Т., методист", "outcomes": "Борбор улантылат"}
            """);
    assertThat(evaluated.status()).isEqualTo(200);
    assertThat(evaluated.body().get("status").asString()).isEqualTo("EVALUATED");
    assertThat(evaluated.body().get("evaluation").get("average").decimalValue())
        .isEqualByComparingTo("4.33");
    assertThat(evaluated.body().get("version").asLong()).isEqualTo(5);

    Answer published = api.get("/api/partnerships/projects/" + id);
    assertThat(published.body().get("history")).hasSize(5);

    try (var kafka =
        new KafkaTestConsumer(
            EmbeddedInfrastructure.kafkaBootstrap(), "partnerships.projects.v1")) {
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(kafka.poll())
                      .filteredOn(r -> id.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .containsExactly(
                          "kitepkana.partnerships.project.proposed",
                          "kitepkana.partnerships.project.approved",
                          "kitepkana.partnerships.project.activated",
                          "kitepkana.partnerships.project.completed",
                          "kitepkana.partnerships.project.evaluated"));
      for (var seen : kafka.poll()) {
        if (id.equals(seen.key())) {
          assertThat(seen.header("ce_source")).isEqualTo("/partnership-service");
          assertThat(seen.header("ce_subject")).isEqualTo(id);
          EventContract.assertValid(seen.header("ce_type"), seen.body());
          assertThat(seen.body()).doesNotContain("contributions", "50000", "Асанова", "budget");
        }
      }
    }
  }

  @Test
  void illegalStepsAreConflictsNamingTheStatusAndChangeNothing() {
    String id =
        api.post("/api/partnerships/projects", project("[]", "\"MONO\"", "[]"))
            .body()
            .get("id")
            .asString();
    Answer skip = step(id, "COMPLETED", null);
    assertThat(skip.status()).isEqualTo(409);
    assertThat(skip.isProblem()).isTrue();
    assertThat(skip.firstErrorField()).isEqualTo("status");
    assertThat(step(id, "EVALUATED", null).status()).isEqualTo(409);
    Answer noReason = step(id, "REJECTED", null);
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.firstErrorField()).isEqualTo("reason");
    Answer unknown = step(id, "FINISHED", null);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.firstErrorField()).isEqualTo("status");
    assertThat(step(id, "REJECTED", "Бюджет жок").status()).isEqualTo(200);
    assertThat(step(id, "APPROVED", null).status()).isEqualTo(409);
    Answer evaluateEarly =
        api.put(
            "/api/partnerships/projects/" + id + "/evaluation",
            """
            {"necessity": {"score": 5, "reasoning": "a"}, "usefulness": {"score": 4, "reasoning": "b"},
             "attractiveness": {"score": 4, "reasoning": "c"}, "evaluator": "методист"}
            """);
    assertThat(evaluateEarly.status()).isEqualTo(409);
    assertThat(api.get("/api/partnerships/projects/" + id).body().get("version").asLong())
        .isEqualTo(2);
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndNothingIsHalfWritten() {
    String id =
        api.post(
                "/api/partnerships/projects",
                project("[]", "null", GIVEN.formatted(ayilOkmotu, donor, ayilOkmotu)))
            .body()
            .get("id")
            .asString();
    String good = project("[]", "null", GIVEN.formatted(ayilOkmotu, donor, ayilOkmotu));

    assertRefused(good.replace(atBashy, "nowhere-library"), "leadLibraryId");
    assertRefused(project("[\"%s\"]".formatted(kochkor), "\"MONO\"", "[]"), "scale");
    assertRefused(good.replace(donor, "01JQ9A7C3M5T8W2XR4B6D0E1FG"), "partners[1].partnerId");
    assertRefused(good.replace("\"50000.00\"", "-5"), "contributions[0].amount");
    assertRefused(good.replace("\"50000.00\"", "\"a lot\""), "contributions[0].amount");
    assertRefused(good.replace("\"USD\"", "\"XYZ\""), "contributions[1].currency");
    assertRefused(good.replace("\"rate\": 87.45,", ""), "contributions[1].rate");
    assertRefused(good.replace("\"2025-11-30\"", "\"2024-11-30\""), "end");
    assertRefused(good.replace("\"LEGAL_INFORMATION\", ", "\"ASTROLOGY\", "), "contentAreas[0]");
    assertRefused(good.replace("\"Укуктук маалымат борбору\"", "\"  \""), "title");

    Answer replan =
        api.put(
            "/api/partnerships/projects/" + id,
            good.replace("\"USD\"", "\"XYZ\"").replace("Укуктук маалымат", "Башка"));
    assertThat(replan.status()).isEqualTo(400);
    Answer stored = api.get("/api/partnerships/projects/" + id);
    assertThat(stored.body().get("version").asLong()).isEqualTo(1);
    assertThat(stored.body().get("title").asString()).isEqualTo("Укуктук маалымат борбору");

    step(id, "APPROVED", null);
    step(id, "ACTIVE", null);
    step(id, "COMPLETED", null);
    Answer outOfRange =
        api.put(
            "/api/partnerships/projects/" + id + "/evaluation",
            """
            {"necessity": {"score": 7, "reasoning": "a"}, "usefulness": {"score": 4, "reasoning": "b"},
             "attractiveness": {"score": 0, "reasoning": "c"}, "evaluator": "методист"}
            """);
    assertThat(outOfRange.status()).isEqualTo(400);
    assertThat(outOfRange.body().get("errors"))
        .extracting(e -> e.get("field").asString())
        .containsExactly("necessity.score", "attractiveness.score");
    assertThat(api.get("/api/partnerships/projects/" + id).body().get("status").asString())
        .isEqualTo("COMPLETED");
  }

  @Test
  void listsAndPublishedViewsFindProjectsByLibraryAndYear() {
    String id =
        api.post("/api/partnerships/projects", project("[]", "null", "[]"))
            .body()
            .get("id")
            .asString();
    Answer page = api.get("/api/partnerships/projects?libraryId=" + atBashy + "&year=2025");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body().get("total").asInt()).isEqualTo(1);
    assertThat(page.body().get("items").get(0).get("id").asString()).isEqualTo(id);
    assertThat(api.get("/api/partnerships/projects?scale=HUGE").firstErrorField())
        .isEqualTo("scale");
    assertThat(api.get("/api/partnerships/projects/01JQ9A7C3M5T8W2XR4B6D0E1FG").status())
        .isEqualTo(404);
  }

  @Test
  void concurrentApprovalsApproveOnceAndPublishOneEvent() throws Exception {
    String id =
        api.post("/api/partnerships/projects", project("[]", "null", "[]"))
            .body()
            .get("id")
            .asString();
    List<Callable<Integer>> approvals = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      approvals.add(() -> step(id, "APPROVED", null).status());
    }
    List<Integer> statuses = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      for (Future<Integer> f : pool.invokeAll(approvals)) {
        statuses.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(statuses).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
    Answer stored = api.get("/api/partnerships/projects/" + id);
    assertThat(stored.body().get("version").asLong()).isEqualTo(2);
    assertThat(stored.body().get("history")).hasSize(2);
    try (var kafka =
        new KafkaTestConsumer(
            EmbeddedInfrastructure.kafkaBootstrap(), "partnerships.projects.v1")) {
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(kafka.poll())
                      .filteredOn(r -> id.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .containsExactly(
                          "kitepkana.partnerships.project.proposed",
                          "kitepkana.partnerships.project.approved"));
    }
  }

  void assertRefused(String body, String field) {
    Answer answer = api.post("/api/partnerships/projects", body);
    assertThat(answer.status()).as(field + ": " + answer.raw()).isEqualTo(400);
    assertThat(answer.isProblem()).isTrue();
    assertThat(answer.body().get("errors"))
        .as(answer.raw())
        .extracting(e -> e.get("field").asString())
        .contains(field);
  }
}
