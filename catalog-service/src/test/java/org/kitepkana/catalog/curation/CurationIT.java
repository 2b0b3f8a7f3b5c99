package org.kitepkana.catalog.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kitepkana.catalog.CatalogApi;
import org.kitepkana.catalog.curation.application.CurationOperations;
import org.kitepkana.catalog.curation.application.CurationOutcome;
import org.kitepkana.catalog.curation.application.CurationSweep;
import org.kitepkana.catalog.curation.application.RecordMerges;
import org.kitepkana.catalog.curation.domain.CurationOperation;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.catalog.search.SearchIndexProbe;
import org.kitepkana.contracts.EventSchemas;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructure;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructureTest;
import org.kitepkana.platform.testsupport.KafkaTestConsumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Curation end to end inside catalog-service: HTTP in, MongoDB, Kafka out, and the read models that
 * follow the topic (search, statistics, the delta feed).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kitepkana.curation.stale-after=0s", "kitepkana.curation.sweep-interval=1h"})
@EmbeddedInfrastructureTest
class CurationIT {

  private static final String TOPIC = "catalog.records.v1";

  @LocalServerPort int port;
  @Autowired MongoDatabase mongo;
  @Autowired ApplicationContext context;
  @Autowired RecordMerges merges;
  @Autowired CurationOperations operations;
  @Autowired CurationSweep sweep;

  CatalogApi api;
  String tag;
  String atBashy;
  String kochkor;
  String jumgal;

  @BeforeEach
  void region() {
    api = new CatalogApi("http://127.0.0.1:" + port);
    tag = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String regional = "naryn-" + tag;
    atBashy = "at-bashy-" + tag;
    kochkor = "kochkor-" + tag;
    jumgal = "jumgal-" + tag;
    assertThat(api.registerBranch(regional, "Нарын облустук", "REGIONAL", null).status())
        .isEqualTo(201);
    api.registerBranch(atBashy, "Ат-Башы райондук", "DISTRICT", regional);
    api.registerBranch(kochkor, "Кочкор райондук", "DISTRICT", regional);
    api.registerBranch(jumgal, "Жумгал райондук", "DISTRICT", regional);
  }

  static String upsert(String itemId, String title, String author, String isbn, int year) {
    return """
        {"op": "UPSERT", "itemId": "%s", "callNumber": "84(2Ки)", "copies": 2, "location": "абонемент",
         "description": {"title": "%s", "authors": ["%s"], "isbn": %s, "year": %d,
                         "language": "ky", "kind": "BOOK"}}
        """
        .formatted(itemId, title, author, isbn == null ? "null" : "\"" + isbn + "\"", year);
  }

  String syncOne(String branch, String batch, String item) {
    var answer = api.sync(branch, batch, "[" + item + "]");
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    assertThat(answer.body().get("items").get(0).get("status").asString())
        .as(answer.raw())
        .isIn("APPLIED", "UNCHANGED");
    return answer.body().get("items").get(0).get("recordId").asString();
  }

  JsonNode search(String query) {
    var answer = api.get("/api/catalog/search?" + query);
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    return answer.body();
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static List<String> ids(JsonNode result) {
    List<String> ids = new ArrayList<>();
    result.get("hits").forEach(h -> ids.add(h.get("recordId").asString()));
    return ids;
  }

  String isbn() {
    String twelve = "978" + String.format("%09d", (long) (Math.random() * 999_999_999L));
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return twelve + (10 - sum % 10) % 10;
  }

  @Test
  void mergeThroughHttpMovesHoldingsRedirectsPublishesAndEveryReadModelFollows() {
    String isbn = isbn();
    String survivor =
        syncOne(atBashy, "s1", upsert("a-1", "Жамийла " + tag, "Айтматов, Чыңгыз", null, 2018));
    String duplicate =
        syncOne(kochkor, "s1", upsert("k-1", "Jamila " + tag, "Aitmatov, C.", isbn, 2017));
    assertThat(syncOne(jumgal, "s1", upsert("j-1", "Jamila " + tag, "Aitmatov, C.", isbn, 2017)))
        .isEqualTo(duplicate);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> search("q=" + tag).get("total").asInt() == 2);

    var merged =
        api.post(
            "/api/catalog/records/" + survivor + "/merges",
            "{\"mergedRecordId\": \"" + duplicate + "\"}");

    assertThat(merged.status()).as(merged.raw()).isEqualTo(200);
    assertThat(merged.body().get("movedHoldings")).hasSize(2);
    // MongoDB: the holdings are on the survivor, the duplicate is a tombstone, keys point on.
    Document tombstone =
        mongo.getCollection("records").find(new Document("_id", duplicate)).first();
    assertThat(tombstone.getString("state")).isEqualTo("MERGED");
    assertThat(tombstone.getString("mergeTarget")).isEqualTo(survivor);
    assertThat(tombstone.getList("holdings", Document.class)).isEmpty();
    Document kept = mongo.getCollection("records").find(new Document("_id", survivor)).first();
    assertThat(kept.getList("holdings", Document.class))
        .extracting(h -> h.getString("itemId"))
        .containsExactlyInAnyOrder("a-1", "k-1", "j-1");
    assertThat(
            mongo
                .getCollection("record_keys")
                .find(new Document("_id", "isbn:" + isbn))
                .first()
                .getString("recordId"))
        .isEqualTo(survivor);
    assertThat(mongo.getCollection("curation_operations").countDocuments()).isZero();
    // HTTP: the old id redirects, reads by ISBN give the survivor.
    var old = api.get("/api/catalog/records/" + duplicate);
    assertThat(old.status()).isEqualTo(308);
    assertThat(old.header("Location")).isEqualTo("/api/catalog/records/" + survivor);
    assertThat(api.get("/api/catalog/records?isbn=" + isbn).body().get(0).get("id").asString())
        .isEqualTo(survivor);
    var export = api.get("/api/catalog/records/" + duplicate + "/marc-json");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.raw()).contains(survivor).doesNotContain(duplicate);
    // Merging again, into itself, or into the tombstone: 409.
    assertThat(
            api.post(
                    "/api/catalog/records/" + survivor + "/merges",
                    "{\"mergedRecordId\": \"" + duplicate + "\"}")
                .status())
        .isEqualTo(409);
    var intoTombstone =
        api.post(
            "/api/catalog/records/" + duplicate + "/merges",
            "{\"mergedRecordId\": \"" + survivor + "\"}");
    assertThat(intoTombstone.status()).isEqualTo(409);
    assertThat(intoTombstone.contentType()).startsWith("application/problem+json");
    assertThat(
            api.post(
                    "/api/catalog/records/" + survivor + "/merges",
                    "{\"mergedRecordId\": \"" + survivor + "\"}")
                .status())
        .isEqualTo(409);

    // Kafka: valid events, record.merged last under the merged record's key.
    try (var kafka = new KafkaTestConsumer(EmbeddedInfrastructure.kafkaBootstrap(), TOPIC)) {
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(kafka.poll())
                      .filteredOn(r -> duplicate.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .endsWith(
                          "kitepkana.catalog.holding.moved",
                          "kitepkana.catalog.holding.moved",
                          "kitepkana.catalog.record.merged"));
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(kafka.poll())
                      .filteredOn(r -> survivor.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .contains(
                          "kitepkana.catalog.holding.moved", "kitepkana.catalog.record.updated"));
      for (var seen : kafka.poll()) {
        if (survivor.equals(seen.key()) || duplicate.equals(seen.key())) {
          EventSchemas.assertValid(seen.header("ce_type"), seen.body());
          assertThat(seen.header("ce_subject")).isEqualTo(seen.key());
        }
      }
    }

    // Search: the duplicate is gone, its branches show under the survivor.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(ids(search("q=" + tag))).containsExactly(survivor);
              assertThat(ids(search("q=" + tag + "&branch=" + kochkor))).containsExactly(survivor);
              assertThat(search("q=" + tag).get("facets").get("branch").get(jumgal).asInt())
                  .isEqualTo(1);
            });
    // A later sync of the merged book, from a branch that never had it, lands on the survivor.
    String newcomer = "naryn-city-" + tag;
    api.registerBranch(newcomer, "Нарын шаардык", "CITY", null);
    assertThat(syncOne(newcomer, "s1", upsert("n-1", "Jamila", "Aitmatov", isbn, 2017)))
        .isEqualTo(survivor);
    assertThat(syncOne(kochkor, "s2", upsert("k-1", "Jamila " + tag, "Aitmatov, C.", isbn, 2017)))
        .isEqualTo(survivor);
    // Statistics: a merge changes no branch's counts.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              JsonNode stats = api.get("/api/catalog/statistics/branches").body();
              assertThat(holdingsOf(stats, kochkor)).isEqualTo(1);
              assertThat(holdingsOf(stats, jumgal)).isEqualTo(1);
              assertThat(holdingsOf(stats, newcomer)).isEqualTo(1);
            });
    // The delta feed serves the new types.
    List<String> types = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < 200; page++) {
      var changes =
          api.get("/api/catalog/changes?limit=1000" + (cursor == null ? "" : "&after=" + cursor));
      changes
          .body()
          .get("changes")
          .forEach(
              c -> {
                if (duplicate.equals(c.get("recordId").asString())) {
                  types.add(c.get("type").asString());
                }
              });
      cursor = changes.body().get("nextCursor").asString();
      if (changes.body().get("caughtUp").asBoolean()) {
        break;
      }
    }
    assertThat(types)
        .contains("kitepkana.catalog.holding.moved", "kitepkana.catalog.record.merged");
  }

  static int holdingsOf(JsonNode stats, String branch) {
    for (JsonNode b : stats) {
      if (branch.equals(b.get("branchId").asString())) {
        return b.get("holdings").asInt();
      }
    }
    return 0;
  }

  @Test
  void aMovedHoldingMovesInSearchAndTheBranchsNextSyncKeepsHittingIt() {
    String right =
        syncOne(atBashy, "m1", upsert("a-9", "Ак кеме " + tag, "Айтматов, Чыңгыз", null, 1970));
    String wrong =
        syncOne(kochkor, "m1", upsert("k-9", "Ак кеме " + tag, "Айтматов, Чыңгыз", null, 1971));
    assertThat(right).isNotEqualTo(wrong);

    var moved =
        api.post(
            "/api/catalog/holding-moves",
            "{\"branchId\": \"%s\", \"itemId\": \"k-9\", \"toRecordId\": \"%s\"}"
                .formatted(kochkor, right));

    assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
    assertThat(moved.body().get("fromRecordId").asString()).isEqualTo(wrong);
    assertThat(api.get("/api/catalog/records/" + wrong).body().get("holdings")).isEmpty();
    assertThat(
            syncOne(kochkor, "m2", upsert("k-9", "Ак кеме " + tag, "Айтматов, Чыңгыз", null, 1971)))
        .isEqualTo(right);
    JsonNode holdings = api.get("/api/catalog/records/" + right).body().get("holdings");
    assertThat(holdings).hasSize(2);
    assertThat(api.get("/api/catalog/records/" + wrong).body().get("holdings")).isEmpty();
    assertThat(
            api.get("/api/catalog/branches/" + kochkor + "/holdings")
                .body()
                .get("items")
                .get(0)
                .get("recordId")
                .asString())
        .isEqualTo(right);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(ids(search("q=" + tag + "&branch=" + kochkor))).containsExactly(right);
              assertThat(search("q=" + tag).get("total").asInt()).isEqualTo(2);
            });
    assertThat(
            api.post(
                    "/api/catalog/holding-moves",
                    "{\"branchId\": \"%s\", \"itemId\": \"k-9\", \"toRecordId\": \"%s\"}"
                        .formatted(kochkor, right))
                .status())
        .isEqualTo(409);
    var invalid = api.post("/api/catalog/holding-moves", "{\"itemId\": \" \"}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body().get("errors")).hasSize(3);
  }

  @Test
  void anEditAtAStaleVersionIsRefusedAndTheNewTitleIsFoundBySearchWithinASecond() {
    String id =
        syncOne(atBashy, "e1", upsert("a-5", "Биринчи мугалим", "Айтматов, Чыңгыз", null, 1962));
    String body =
        """
        {"version": %d, "kind": "BOOK", "title": "Биринчи мугалим %s кайра басылыш",
         "authors": ["Айтматов, Чыңгыз"], "isbn13": null, "year": 1962, "language": "ky",
         "publisher": "Кыргызстан", "subjects": ["Кыргыз адабияты -- Повесттер"], "bbk": ["84(2Ки)7-44"]}
        """;

    var edited = api.put("/api/catalog/records/" + id, body.formatted(1, tag));
    assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
    assertThat(edited.body().get("version").asInt()).isEqualTo(2);
    assertThat(edited.header("ETag")).isEqualTo("\"2\"");
    long editedAt = System.nanoTime();

    var stale = api.put("/api/catalog/records/" + id, body.formatted(1, tag + " x"));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.contentType()).startsWith("application/problem+json");
    assertThat(stale.body().get("errors").get(0).get("field").asString()).isEqualTo("version");
    var staleIfMatch =
        api.put("/api/catalog/records/" + id, body.formatted(9, tag), Map.of("If-Match", "\"1\""));
    assertThat(staleIfMatch.status()).isEqualTo(412);
    var noVersion = api.put("/api/catalog/records/" + id, "{\"title\": \"\"}");
    assertThat(noVersion.status()).isEqualTo(400);
    assertThat(noVersion.body().get("errors"))
        .extracting(e -> e.get("field").asString())
        .contains("version", "title");

    await()
        .atMost(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> ids(search("q=" + q("кайра басылыш " + tag))).contains(id));
    assertThat(Duration.ofNanos(System.nanoTime() - editedAt)).isLessThan(Duration.ofSeconds(2));
    try (var kafka = new KafkaTestConsumer(EmbeddedInfrastructure.kafkaBootstrap(), TOPIC)) {
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(kafka.poll())
                      .filteredOn(r -> id.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .containsExactly(
                          "kitepkana.catalog.record.created",
                          "kitepkana.catalog.holding.added",
                          "kitepkana.catalog.record.updated"));
      kafka.poll().stream()
          .filter(r -> id.equals(r.key()))
          .forEach(r -> EventSchemas.assertValid(r.header("ce_type"), r.body()));
    }
  }

  @Test
  void aMergeThatCrashedAfterItsIntentIsFinishedByTheSweepAgainstMongo() {
    String isbn = isbn();
    String survivor =
        syncOne(atBashy, "r1", upsert("a-7", "Манас " + tag, "Орозбаков, С.", null, 2010));
    String duplicate =
        syncOne(kochkor, "r1", upsert("k-7", "Manas " + tag, "Orozbakov, S.", isbn, 1995));
    assertThat(survivor).isNotEqualTo(duplicate);
    var op =
        new CurationOperation.Merge(
            new RecordId(duplicate), new RecordId(survivor), "gulnara", java.time.Instant.now());
    assertThat(operations.start(op)).isTrue();
    assertThat(merges.lockSurvivor(op)).isEmpty();
    assertThat(merges.beginMerge(op)).isEmpty();
    merges.repointKeys(op);
    // The process dies here. The record shows it is being merged; syncs go on meanwhile.
    assertThat(api.get("/api/catalog/records/" + duplicate).body().get("state").asString())
        .isEqualTo("MERGING");
    assertThat(syncOne(kochkor, "r2", upsert("k-8", "Manas " + tag, "Orozbakov, S.", isbn, 1995)))
        .isEqualTo(survivor);
    assertThat(syncOne(kochkor, "r3", upsert("k-7", "Manas " + tag, "Orozbakov, S.", isbn, 1995)))
        .isIn(survivor, duplicate);

    assertThat(sweep.resumeStale()).isGreaterThanOrEqualTo(1);

    assertThat(api.get("/api/catalog/records/" + duplicate).status()).isEqualTo(308);
    assertThat(api.get("/api/catalog/records/" + survivor).body().get("holdings"))
        .extracting(h -> h.get("itemId").asString())
        .containsExactlyInAnyOrder("a-7", "k-7", "k-8");
    assertThat(mongo.getCollection("curation_operations").countDocuments()).isZero();
    assertThat(sweep.resume(op)).isInstanceOf(CurationOutcome.Merged.class);
    assertThat(api.get("/api/catalog/records/" + survivor).body().get("holdings")).hasSize(3);
  }

  @Test
  void aRebuildFromTheTopicStartReproducesTheIndexAfterCuration() {
    String isbn = isbn();
    String a =
        syncOne(atBashy, "b1", upsert("a-1", "Саманчынын жолу " + tag, "Айтматов", null, 1963));
    String b = syncOne(kochkor, "b1", upsert("k-1", "Samanchy " + tag, "Aitmatov", isbn, 1963));
    String c =
        syncOne(
            jumgal, "b1", upsert("j-1", "Кылым карытар бир күн " + tag, "Айтматов", null, 1980));
    api.post("/api/catalog/records/" + a + "/merges", "{\"mergedRecordId\": \"" + b + "\"}");
    api.post(
        "/api/catalog/holding-moves",
        "{\"branchId\": \"%s\", \"itemId\": \"a-1\", \"toRecordId\": \"%s\"}"
            .formatted(atBashy, c));
    api.put(
        "/api/catalog/records/" + a,
        """
        {"version": %d, "title": "Саманчынын жолу %s (жаңы)", "authors": ["Айтматов, Чыңгыз"], "year": 1963}
        """
            .formatted(api.get("/api/catalog/records/" + a).body().get("version").asInt(), tag));
    List<String> ids = List.of(a, b, c);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(ids(search("q=" + q("жаңы " + tag)))).containsExactly(a);
              assertThat(ids(search("q=" + tag + "&branch=" + atBashy))).containsExactly(c);
              assertThat(SearchIndexProbe.states(context, ids)).containsKey(b);
            });
    Map<String, String> live = SearchIndexProbe.states(context, ids);
    assertThat(live.get(b)).contains("\"mergedInto\":\"" + a + "\"");

    assertThat(live).containsOnlyKeys(a, b, c);

    assertThat(SearchIndexProbe.replayed(EmbeddedInfrastructure.kafkaBootstrap(), TOPIC, ids))
        .isEqualTo(live);
  }
}
