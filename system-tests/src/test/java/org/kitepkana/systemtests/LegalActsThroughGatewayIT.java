package org.kitepkana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kitepkana.contracts.EventSchemas;
import org.kitepkana.devstack.DemoData;
import tools.jackson.databind.JsonNode;

/**
 * The legal-acts databank through the gateway: a coordinator registers an act kept by a demo
 * branch, records its amendment and its repeal; an outside system reading {@code
 * catalog.legal-acts.v1} sees each full state in order; the public finds it; writes are guarded.
 */
class LegalActsThroughGatewayIT {

  static final String ACTS = "/api/catalog/legal-acts";
  static final String TOPIC = "catalog.legal-acts.v1";

  /** The keeping branch and another one, both demo branches with a librarian client each. */
  static final String KEEPER = "kochkor";

  static final String OTHER = "at-bashy";

  /** This run's territory: the acts' bodies carry it, so searches find only this run's acts. */
  static final String RUN = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 7);

  static GatewayClient gateway;

  @BeforeAll
  static void demoBranches() {
    gateway = Platform.gateway();
    registerDemoBranches(gateway);
  }

  /** The demo region's branches (parents first); one already there (409) is fine. */
  static void registerDemoBranches(GatewayClient coordinator) {
    DemoData demo = DemoData.load();
    for (DemoData.Branch branch : demo.branches()) {
      var answer =
          coordinator.post("/api/catalog/branches", demo.branchJson(branch.id()).toString());
      assertThat(answer.status()).as(answer.raw()).isIn(201, 409);
    }
  }

  @Test
  void registeredAmendedAndRepealedThroughTheGatewayAnOutsideSystemSeesEachStateInOrder() {
    var registered = gateway.post(ACTS, act("45/3", "2024-03-15", "Жайыттарды пайдалануу"));
    assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
    String id = registered.body().get("id").asString();
    var amended =
        gateway.post(
            ACTS + "/" + id + "/status-changes",
            """
            {"status": "AMENDED", "effectiveOn": "2024-09-01", "byActNumber": "12/1",
             "note": "Жайыт акысынын өлчөмү өзгөртүлдү", "version": 1}""");
    assertThat(amended.status()).as(amended.raw()).isEqualTo(200);
    var repealing = gateway.post(ACTS, act("30/2", "2025-01-20", "Жайыттар жөнүндө"));
    assertThat(repealing.status()).as(repealing.raw()).isEqualTo(201);
    var repealed =
        gateway.post(
            ACTS + "/" + id + "/status-changes",
            """
            {"status": "REPEALED", "effectiveOn": "2025-02-01", "byActId": "%s", "version": 2}"""
                .formatted(repealing.body().get("id").asString()));
    assertThat(repealed.status()).as(repealed.raw()).isEqualTo(200);
    assertThat(repealed.body().get("version").asInt()).isEqualTo(3);

    try (var portal = new TopicReader(Platform.stack().kafkaBootstrap(), TOPIC)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(portal.poll())
                      .filteredOn(r -> id.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .containsExactly(
                          "kitepkana.catalog.legal-act.registered",
                          "kitepkana.catalog.legal-act.status-changed",
                          "kitepkana.catalog.legal-act.status-changed"));
      List<TopicReader.Seen> seen = portal.poll().stream().filter(r -> id.equals(r.key())).toList();
      for (TopicReader.Seen r : seen) {
        assertThat(r.header("ce_subject")).isEqualTo(id);
        assertThat(r.header("ce_source")).isEqualTo("/catalog-service");
        assertThat(r.header("ce_dataschema"))
            .isEqualTo(EventSchemas.dataschema(r.header("ce_type")));
        EventSchemas.assertValid(r.header("ce_type"), r.body());
      }
      assertThat(seen)
          .extracting(r -> GatewayClient.JSON.readTree(r.body()))
          .extracting(b -> b.get("status").asString() + "@" + b.get("version").asInt())
          .containsExactly("IN_FORCE@1", "AMENDED@2", "REPEALED@3");
      JsonNode last = GatewayClient.JSON.readTree(seen.get(2).body());
      assertThat(last.get("legalActId").asString()).isEqualTo(id);
      assertThat(last.get("branchId").asString()).isEqualTo(KEEPER);
      assertThat(last.get("statusHistory")).hasSize(3);
    }

    GatewayClient reader = gateway.anonymous();
    assertThat(reader.get(ACTS + "/" + id).body().get("status").asString()).isEqualTo("REPEALED");
    assertThat(ids(reader, "bodyType=LOCAL_KENESH&body=" + RUN + "&status=REPEALED"))
        .containsExactly(id);
    assertThat(ids(reader, "body=" + RUN + "&status=AMENDED&statusOn=2024-10-01"))
        .containsExactly(id);
    assertThat(ids(reader, "body=" + RUN + "&status=IN_FORCE&statusOn=2024-05-01"))
        .containsExactly(id);
    assertThat(ids(reader, "body=" + RUN + "&adoptedFrom=2024-01-01&adoptedTo=2024-12-31"))
        .containsExactly(id);
    assertThat(ids(reader, "body=" + RUN + "&effectiveOn=2024-05-01&q=" + q("жайыттарды")))
        .containsExactly(id);
    assertThat(ids(reader, "body=" + RUN + "&status=REPEALED&branch=" + OTHER)).isEmpty();
  }

  @Test
  void thePublicAndOtherBranchesMayNotWriteTheKeepersLibrarianMay() {
    String body = act("7", "2024-02-02", "Шаардык базарлар жөнүндө");

    var anonymous = gateway.anonymous().post(ACTS, body);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.isProblem()).as(anonymous.raw()).isTrue();
    var subscriber = gateway.as("subscriber").post(ACTS, body);
    assertThat(subscriber.status()).isEqualTo(403);
    assertThat(subscriber.isProblem()).as(subscriber.raw()).isTrue();
    var otherBranch = gateway.as("librarian-" + OTHER).post(ACTS, body);
    assertThat(otherBranch.status()).isEqualTo(403);
    assertThat(otherBranch.isProblem()).as(otherBranch.raw()).isTrue();
    assertThat(ids(gateway.anonymous(), "body=" + RUN + "&q=7")).isEmpty();

    var keeper = gateway.as("librarian-" + KEEPER).post(ACTS, body);
    assertThat(keeper.status()).as(keeper.raw()).isEqualTo(201);
    String id = keeper.body().get("id").asString();
    String repeal =
        """
        {"status": "REPEALED", "effectiveOn": "2024-06-01", "byActNumber": "9", "version": 1}""";
    assertThat(gateway.anonymous().post(ACTS + "/" + id + "/status-changes", repeal).status())
        .isEqualTo(401);
    assertThat(
            gateway
                .as("librarian-" + OTHER)
                .post(ACTS + "/" + id + "/status-changes", repeal)
                .status())
        .isEqualTo(403);
    assertThat(gateway.anonymous().get(ACTS + "/" + id).body().get("version").asInt()).isEqualTo(1);
  }

  private static List<String> ids(GatewayClient client, String query) {
    var answer = client.get(ACTS + "?" + query);
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    return answer.body().get("items").valueStream().map(i -> i.get("id").asString()).toList();
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** A resolution of this run's village kenesh, kept by {@link #KEEPER}. */
  private static String act(String number, String adoptedOn, String titleKy) {
    return """
        {"number": "%s", "title": {"ky": "%s", "ru": null}, "kind": "RESOLUTION",
         "adoptedOn": "%s", "issuingBody": {"type": "LOCAL_KENESH",
         "name": "Кочкор айылдык кеңеши", "territory": "%s"},
         "branchId": "%s", "subjects": ["жайыт"], "publicationUrl": "https://cbd.minjust.gov.kg/"}
        """
        .formatted(number, titleKy, adoptedOn, RUN, KEEPER);
  }
}
