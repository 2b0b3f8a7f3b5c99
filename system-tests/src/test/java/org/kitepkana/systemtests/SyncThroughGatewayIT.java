package org.kitepkana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kitepkana.systemtests.GatewayClient.upsert;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kitepkana.contracts.EventSchemas;

/** A branch's batch through the gateway: stored, readable, published, idempotent, guarded. */
class SyncThroughGatewayIT {

  /**
   * Titles carry this run's mark, so other tests' books (the demo data among them) never match the
   * records these tests assert on.
   */
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);

  static final String JAMILA = "Жамийла " + RUN;

  static GatewayClient gateway;
  static String regional;
  static String branch;

  @BeforeAll
  static void region() {
    gateway = Platform.gateway();
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    regional = "naryn-oblast-" + suffix;
    branch = "kochkor-district-" + suffix;
    assertThat(
            gateway
                .registerBranch(regional, "Нарын облустук китепканасы", "REGIONAL", null)
                .status())
        .isEqualTo(201);
    assertThat(
            gateway
                .registerBranch(branch, "Кочкор райондук китепканасы", "DISTRICT", regional)
                .status())
        .isEqualTo(201);
  }

  @Test
  void batchLandsInMongoReadsBackAndArrivesOnKafkaAsValidCloudEvents() {
    var answer =
        gateway.sync(
            branch,
            "first",
            "["
                + upsert("k-1", JAMILA, "Айтматов, Чыңгыз", null, 2018, 2)
                + ","
                + upsert("k-2", "Белый пароход " + RUN, "Айтматов, Чингиз", null, 1970, 1)
                + "]");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("applied").asInt()).isEqualTo(2);
    String recordId = answer.body().get("items").get(0).get("recordId").asString();

    try (var mongo = MongoClients.create(Platform.stack().mongoUri("catalog"))) {
      Document stored =
          mongo
              .getDatabase("catalog")
              .getCollection("records")
              .find(Filters.eq("_id", recordId))
              .first();
      assertThat(stored).isNotNull();
      assertThat(stored.getString("title")).isEqualTo(JAMILA);
      assertThat(stored.getList("holdings", Document.class))
          .extracting(h -> h.getString("branchId"))
          .containsExactly(branch);
    }
    var record = gateway.get("/api/catalog/records/" + recordId);
    assertThat(record.status()).isEqualTo(200);
    assertThat(record.body().get("holdings").get(0).get("copies").asInt()).isEqualTo(2);

    try (var topic = new TopicReader(Platform.stack().kafkaBootstrap(), "catalog.records.v1")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(topic.poll())
                      .filteredOn(r -> recordId.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .containsExactly(
                          "kitepkana.catalog.record.created", "kitepkana.catalog.holding.added"));
      for (var r : topic.poll()) {
        if (recordId.equals(r.key())) {
          assertThat(r.header("ce_specversion")).isEqualTo("1.0");
          assertThat(r.header("ce_id")).isNotBlank();
          assertThat(r.header("ce_source")).isEqualTo("/catalog-service");
          assertThat(r.header("ce_subject")).isEqualTo(recordId);
          assertThat(r.header("ce_time")).isNotBlank();
          assertThat(r.header("content-type")).isEqualTo("application/json");
          assertThat(r.header("ce_dataschema"))
              .isEqualTo(EventSchemas.dataschema(r.header("ce_type")));
          EventSchemas.assertValid(r.header("ce_type"), r.body());
        }
      }
    }
  }

  @Test
  void replayedBatchCreatesNoNewRecordsHoldingsOrEvents() {
    String items =
        "[" + upsert("r-1", "Сынган кылыч " + RUN, "Касымбеков, Тологон", null, 1971, 3) + "]";
    var first = gateway.sync(branch, "replayed", items);
    String recordId = first.body().get("items").get(0).get("recordId").asString();
    try (var topic = new TopicReader(Platform.stack().kafkaBootstrap(), "catalog.records.v1")) {
      await().atMost(Duration.ofSeconds(30)).until(() -> count(topic, recordId) == 2);

      var replay = gateway.sync(branch, "replayed", items);

      assertThat(replay.status()).isEqualTo(200);
      assertThat(replay.body()).isEqualTo(first.body());
      // A later change to the same record is published after anything the replay could have
      // caused (one record, one partition, one order).
      gateway.sync(
          branch,
          "after-replay",
          "[" + upsert("r-1", "Сынган кылыч " + RUN, "Касымбеков, Тологон", null, 1971, 4) + "]");
      await().atMost(Duration.ofSeconds(30)).until(() -> count(topic, recordId) == 3);
      assertThat(topic.poll())
          .filteredOn(r -> recordId.equals(r.key()))
          .extracting(r -> r.header("ce_type"))
          .containsExactly(
              "kitepkana.catalog.record.created",
              "kitepkana.catalog.holding.added",
              "kitepkana.catalog.holding.changed");
    }
    assertThat(gateway.get("/api/catalog/records/" + recordId).body().get("holdings")).hasSize(1);
  }

  @Test
  void badInputGetsProblemJsonNeverA5xxAndKeepsValidNeighbours() {
    String path = "/api/catalog/branches/" + branch + "/sync-batches/";
    List<GatewayClient.Answer> refused =
        List.of(
            gateway.put(path + "malformed", "{\"items\": [ {"),
            gateway.put(
                path + "wrong-types", "{\"items\": [{\"itemId\": 5, \"copies\": \"many\"}]}"),
            gateway.put(path + "not-an-object", "[1, 2, 3]"),
            gateway.put(path + "huge", "{\"items\": [\"" + "x".repeat(10 * 1024 * 1024) + "\"]}"),
            gateway.sync(
                "no-such-branch",
                "b",
                "[" + upsert("i", "Манас", "Орозбаков", null, 2010, 1) + "]"),
            gateway.sync(branch, "empty", "[]"),
            gateway.sync(
                branch,
                "too-many",
                IntStream.range(0, 1001)
                    .mapToObj(i -> upsert("m-" + i, "Китеп " + i, "Автор", null, 2000, 1))
                    .collect(Collectors.joining(",", "[", "]"))));
    assertThat(refused)
        .allSatisfy(
            a -> {
              assertThat(a.status()).isBetween(400, 499);
              assertThat(a.isProblem()).as(a.raw()).isTrue();
            });
    assertThat(refused.get(3).status()).isEqualTo(413);
    assertThat(refused.get(4).status()).isEqualTo(404);

    var mixed =
        gateway.sync(
            branch,
            "mixed",
            "["
                + upsert("ok-a", "Манас эпосу", "Орозбаков, Сагымбай", null, 2010, 1)
                + ","
                + upsert("bad-isbn", "Курманжан датка", "Автор", "978-9967-00-001-9", 2014, 1)
                + ","
                + upsert("ok-b", "Биринчи мугалим", "Айтматов, Чыңгыз", "9967-00-001-5", 2012, 1)
                + "]");
    assertThat(mixed.status()).isEqualTo(200);
    assertThat(mixed.body().get("applied").asInt()).isEqualTo(2);
    assertThat(mixed.body().get("items").get(1).get("status").asString()).isEqualTo("REJECTED");
    assertThat(mixed.body().get("items").get(1).get("errors").get(0).get("field").asString())
        .isEqualTo("items[1].description.isbn");
  }

  private static long count(TopicReader topic, String recordId) {
    return topic.poll().stream().filter(r -> recordId.equals(r.key())).count();
  }
}
