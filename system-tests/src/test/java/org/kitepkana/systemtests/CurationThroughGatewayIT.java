package org.kitepkana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kitepkana.systemtests.GatewayClient.upsert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kitepkana.contracts.EventSchemas;
import tools.jackson.databind.JsonNode;

/**
 * A coordinator's merge through the gateway: the same book synced by two demo branches as two
 * records is merged into one; the old record redirects to the survivor, an outside consumer of
 * {@code catalog.records.v1} sees {@code record.merged}, and a librarian may not merge.
 */
class CurationThroughGatewayIT {

  static final String RECORDS = "catalog.records.v1";
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);

  static GatewayClient gateway;

  @BeforeAll
  static void demoBranches() {
    gateway = Platform.gateway();
    LegalActsThroughGatewayIT.registerDemoBranches(gateway);
  }

  @Test
  void aCoordinatorMergesTwoRecordsOfOneBookTheOldOneRedirectsAndTheMergeIsPublished() {
    // The same book, described by two branches so differently that matching keeps two records.
    String survivor = syncOne("kochkor", "k-" + RUN, "Жамийла " + RUN, "Айтматов, Чыңгыз", 2018);
    String merged = syncOne("at-bashy", "a-" + RUN, "Jamila " + RUN, "Aitmatov, C.", 2017);
    assertThat(merged).isNotEqualTo(survivor);
    String merge = "{\"mergedRecordId\": \"" + merged + "\"}";
    String path = "/api/catalog/records/" + survivor + "/merges";

    var librarian = gateway.as("librarian-kochkor").post(path, merge);
    assertThat(librarian.status()).as(librarian.raw()).isEqualTo(403);
    assertThat(librarian.isProblem()).as(librarian.raw()).isTrue();
    assertThat(gateway.anonymous().post(path, merge).status()).isEqualTo(401);
    assertThat(gateway.get("/api/catalog/records/" + merged).status()).isEqualTo(200);

    var answer = gateway.post(path, merge);

    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    assertThat(answer.body().get("survivorId").asString()).isEqualTo(survivor);
    assertThat(answer.body().get("movedHoldings").valueStream().map(h -> h.get("branchId")))
        .extracting(JsonNode::asString)
        .containsExactly("at-bashy");
    HttpResponse<Void> old = anonymousGet("/api/catalog/records/" + merged);
    assertThat(old.statusCode()).isEqualTo(308);
    assertThat(old.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/api/catalog/records/" + survivor));
    assertThat(gateway.anonymous().get("/api/catalog/records/" + survivor).body().get("holdings"))
        .extracting(h -> h.get("branchId").asString())
        .containsExactlyInAnyOrder("kochkor", "at-bashy");

    try (var topic = new TopicReader(Platform.stack().kafkaBootstrap(), RECORDS)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(topic.poll())
                      .filteredOn(r -> merged.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .endsWith("kitepkana.catalog.record.merged"));
      List<TopicReader.Seen> events =
          topic.poll().stream().filter(r -> merged.equals(r.key())).toList();
      for (TopicReader.Seen r : events) {
        EventSchemas.assertValid(r.header("ce_type"), r.body());
      }
      assertThat(events)
          .extracting(r -> r.header("ce_type"))
          .containsSubsequence(
              "kitepkana.catalog.record.created",
              "kitepkana.catalog.holding.moved",
              "kitepkana.catalog.record.merged");
      JsonNode published = GatewayClient.JSON.readTree(events.get(events.size() - 1).body());
      assertThat(published.get("recordId").asString()).isEqualTo(merged);
      assertThat(published.get("survivorId").asString()).isEqualTo(survivor);
      assertThat(published.get("movedHoldings")).hasSize(1);
    }
  }

  private static String syncOne(
      String branch, String itemId, String title, String author, int year) {
    var answer =
        gateway.sync(
            branch, "curation-" + itemId, "[" + upsert(itemId, title, author, null, year, 1) + "]");
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    assertThat(answer.body().get("items").get(0).get("status").asString())
        .as(answer.raw())
        .isEqualTo("APPLIED");
    return answer.body().get("items").get(0).get("recordId").asString();
  }

  /** A public GET that does not follow redirects, so the 308 and its Location are seen. */
  private static HttpResponse<Void> anonymousGet(String path) {
    HttpClient http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(Platform.stack().gatewayUrl() + path))
              .timeout(Duration.ofSeconds(30))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
