package org.kitepkana.catalog.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kitepkana.catalog.CatalogApi;
import org.kitepkana.contracts.EventSchemas;
import org.kitepkana.platform.testsupport.KafkaTestConsumer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The sync slice end to end inside one service: HTTP in, MongoDB, Kafka out. Run against the
 * embedded broker and store ({@link SyncSliceIT}) and, where Docker exists, real images ({@link
 * ContainersSyncSliceIT}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SyncSliceContract {

  /** The broker the service under test publishes to. */
  protected abstract String kafkaBootstrap();

  @LocalServerPort int port;
  CatalogApi api;
  String regional;
  String branch;

  @BeforeEach
  void region() {
    api = new CatalogApi("http://127.0.0.1:" + port);
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    regional = "naryn-oblast-" + suffix;
    branch = "at-bashy-" + suffix;
    assertThat(
            api.registerBranch(regional, "Нарын облустук китепканасы", "REGIONAL", null).status())
        .isEqualTo(201);
    assertThat(
            api.registerBranch(branch, "Ат-Башы райондук китепканасы", "DISTRICT", regional)
                .status())
        .isEqualTo(201);
  }

  static String upsert(String itemId, String title, String author, String isbn, int year) {
    return """
        {"op": "UPSERT", "itemId": "%s", "callNumber": "84(2Ки)", "copies": 2, "location": "абонемент",
         "description": {"title": "%s", "authors": ["%s"], "isbn": %s, "year": %d,
                         "language": "ky", "publisher": "Бийиктик", "kind": "BOOK"}}
        """
        .formatted(itemId, title, author, isbn == null ? "null" : "\"" + isbn + "\"", year);
  }

  @Test
  void appliesABatchReadsItBackAndPublishesValidCloudEvents() {
    var answer =
        api.sync(
            branch,
            "b-1",
            "["
                + upsert("inv-1", "Жамийла", "Айтматов, Чыңгыз", "978-9967-00-001-8", 2018)
                + ","
                + upsert("inv-2", "Ак кеме", "Айтматов, Чыңгыз", null, 2015)
                + "]");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("applied").asInt()).isEqualTo(2);
    String recordId = answer.body().get("items").get(0).get("recordId").asString();
    var record = api.get("/api/catalog/records/" + recordId);
    assertThat(record.body().get("title").asString()).isEqualTo("Жамийла");
    assertThat(record.body().get("isbn13").asString()).isEqualTo("9789967000018");
    assertThat(record.body().get("holdings").get(0).get("branchId").asString()).isEqualTo(branch);
    assertThat(
            api.get("/api/catalog/records?isbn=9967-00-001-5").body().get(0).get("id").asString())
        .isEqualTo(recordId);
    assertThat(
            api.get("/api/catalog/branches/" + branch + "/holdings?size=10")
                .body()
                .get("total")
                .asInt())
        .isEqualTo(2);

    try (var kafka = new KafkaTestConsumer(kafkaBootstrap(), "catalog.records.v1")) {
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(kafka.poll())
                      .filteredOn(r -> recordId.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .containsExactly(
                          "kitepkana.catalog.record.created", "kitepkana.catalog.holding.added"));
      for (var seen : kafka.poll()) {
        if (recordId.equals(seen.key())) {
          assertThat(seen.header("ce_specversion")).isEqualTo("1.0");
          assertThat(seen.header("ce_source")).isEqualTo("/catalog-service");
          assertThat(seen.header("ce_subject")).isEqualTo(recordId);
          assertThat(seen.header("ce_dataschema"))
              .isEqualTo("schemas/" + seen.header("ce_type") + ".json");
          EventSchemas.assertValid(seen.header("ce_type"), seen.body());
        }
      }
    }
  }

  @Test
  void replayingABatchReturnsTheFirstAnswerAndChangesNothing() {
    String items = "[" + upsert("inv-9", "Биринчи мугалим", "Айтматов, Чыңгыз", null, 2010) + "]";
    var first = api.sync(branch, "b-replay", items);
    var replay = api.sync(branch, "b-replay", items);

    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.body()).isEqualTo(first.body());
    String recordId = first.body().get("items").get(0).get("recordId").asString();
    assertThat(api.get("/api/catalog/records/" + recordId).body().get("version").asInt())
        .isEqualTo(1);
    assertThat(
            api.sync(
                    branch,
                    "b-replay",
                    "[" + upsert("inv-10", "Другое", "Кто-то", null, 2000) + "]")
                .status())
        .isEqualTo(409);
  }

  @Test
  void rejectsBatchWithInvalidIsbnWithoutLosingValidItems() {
    var answer =
        api.sync(
            branch,
            "b-bad",
            "["
                + upsert("ok-1", "Сынган кылыч", "Касымбеков, Тологон", null, 1971)
                + ","
                + upsert("bad-isbn", "Манас", "Орозбаков, Сагымбай", "978-9967-00-001-9", 2010)
                + ","
                + "{\"op\": \"UPSERT\", \"itemId\": \"no-title\", \"description\": {\"title\": \" \"}},"
                + "{\"op\": \"WITHDRAW\", \"itemId\": \"never-held\"},"
                + upsert("ok-2", "Белый пароход", "Айтматов, Чингиз", null, 1970)
                + "]");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode items = answer.body().get("items");
    assertThat(answer.body().get("applied").asInt()).isEqualTo(2);
    assertThat(answer.body().get("rejected").asInt()).isEqualTo(3);
    assertThat(items.get(1).get("errors").get(0).get("field").asString())
        .isEqualTo("items[1].description.isbn");
    assertThat(items.get(1).get("errors").get(0).get("reason").asString()).contains("checksum");
    assertThat(items.get(2).get("errors").get(0).get("field").asString())
        .isEqualTo("items[2].description.title");
    assertThat(items.get(3).get("errors").get(0).get("reason").asString()).contains("not held");
    assertThat(items.get(4).get("status").asString()).isEqualTo("APPLIED");
  }

  @Test
  void matchesTransliteratedAuthorsAndIsbn10ToTheSameRecord() {
    String other = "kochkor-" + UUID.randomUUID().toString().substring(0, 6);
    api.registerBranch(other, "Кочкор райондук китепканасы", "DISTRICT", regional);

    var a =
        api.sync(
            branch,
            "m-1",
            "["
                + upsert("x1", "Jamila", "Aitmatov, Chingiz", null, 1999)
                + ","
                + upsert("x2", "Pride and prejudice", "Austen, Jane", "0-14-143951-3", 2003)
                + "]");
    var b =
        api.sync(
            other,
            "m-1",
            "["
                + upsert("y1", "Джамиля", "Айтматов, Чингиз", null, 1999)
                + ","
                + upsert("y2", "Pride & Prejudice.", "Jane Austen", "978-0-14-143951-8", 2003)
                + "]");

    assertThat(b.body().get("items").get(0).get("recordId"))
        .isEqualTo(a.body().get("items").get(0).get("recordId"));
    assertThat(b.body().get("items").get(1).get("recordId"))
        .isEqualTo(a.body().get("items").get(1).get("recordId"));
    String recordId = a.body().get("items").get(1).get("recordId").asString();
    assertThat(api.get("/api/catalog/records/" + recordId).body().get("holdings")).hasSize(2);
  }

  @Test
  void twoBranchesSendingTheSameIsbnAtOnceMeetOnOneRecord() throws Exception {
    List<String> branches = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String id = "village-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
      api.registerBranch(id, "Айыл китепканасы " + i, "VILLAGE", branch);
      branches.add(id);
    }
    String isbn = "978-5-17-" + String.format("%06d", (int) (Math.random() * 999_999));
    isbn = withCheckDigit(isbn.replace("-", ""));
    String item = upsert("same-book", "Манас эпосу", "Орозбаков, Сагымбай", isbn, 2020);
    var pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<String>> calls =
          branches.stream()
              .<Callable<String>>map(
                  b ->
                      () ->
                          api.sync(b, "race", "[" + item + "]")
                              .body()
                              .get("items")
                              .get(0)
                              .get("recordId")
                              .asString())
              .toList();
      Set<String> recordIds = new java.util.HashSet<>();
      for (var f : pool.invokeAll(calls)) {
        recordIds.add(f.get());
      }
      assertThat(recordIds).hasSize(1);
      assertThat(
              api.get("/api/catalog/records/" + recordIds.iterator().next()).body().get("holdings"))
          .hasSize(4);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refusesBadRequestsWithProblemJson() {
    assertThat(api.sync(branch, "empty", "[]").status()).isEqualTo(400);
    String tooMany =
        IntStream.range(0, 1001)
            .mapToObj(i -> "{\"op\":\"WITHDRAW\",\"itemId\":\"i" + i + "\"}")
            .collect(Collectors.joining(",", "[", "]"));
    var big = api.sync(branch, "too-many", tooMany);
    assertThat(big.status()).isEqualTo(400);
    assertThat(big.contentType()).startsWith("application/problem+json");
    assertThat(big.body().get("errors").get(0).get("field").asString()).isEqualTo("items");
    var unknown = api.sync("no-such-branch", "b", "[" + upsert("i", "t", "a", null, 2000) + "]");
    assertThat(unknown.status()).isEqualTo(404);
    var malformed = api.put("/api/catalog/branches/" + branch + "/sync-batches/x", "{\"items\": [");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");
    var wrongType =
        api.put(
            "/api/catalog/branches/" + branch + "/sync-batches/x",
            "{\"items\": [{\"itemId\": \"a\", \"copies\": \"many\"}]}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.body().get("errors").get(0).get("field").asString())
        .isEqualTo("items[0].copies");
    var tooLarge =
        api.put(
            "/api/catalog/branches/" + branch + "/sync-batches/x",
            "{\"items\": [\"" + "x".repeat(5 * 1024 * 1024) + "\"]}");
    assertThat(tooLarge.status()).isEqualTo(413);
  }

  @Test
  void deltaFeedPagesThroughChangesWithoutGapsOrRepeats() {
    StringBuilder items = new StringBuilder("[");
    for (int i = 0; i < 30; i++) {
      items
          .append(i == 0 ? "" : ",")
          .append(upsert("feed-" + i, "Китеп " + i + " " + branch, "Автор, " + i, null, 2001));
    }
    api.sync(branch, "feed", items.append("]").toString());

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              List<String> ids = new ArrayList<>();
              String cursor = "";
              for (int page = 0; page < 1000; page++) {
                var answer = api.get("/api/catalog/changes?limit=7&after=" + cursor);
                assertThat(answer.status()).isEqualTo(200);
                answer.body().get("changes").forEach(c -> ids.add(c.get("eventId").asString()));
                cursor = answer.body().get("nextCursor").asString();
                if (answer.body().get("changes").isEmpty()) {
                  break;
                }
              }
              assertThat(ids).doesNotHaveDuplicates();
              long mine = 0;
              for (JsonNode c : api.get("/api/catalog/changes?limit=1000").body().get("changes")) {
                if (c.get("data").path("itemId").asString("").startsWith("feed-")
                    && branch.equals(c.get("data").path("branchId").asString(""))) {
                  mine++;
                }
              }
              assertThat(mine).isEqualTo(30);
            });
  }

  static String withCheckDigit(String twelve) {
    String digits = twelve.substring(0, 12);
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return digits + ((10 - sum % 10) % 10);
  }
}
