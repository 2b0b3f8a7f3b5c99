package org.kitepkana.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kitepkana.catalog.CatalogApi;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructureTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructureTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIT {

  @LocalServerPort int port;
  CatalogApi api;
  String branch;
  String other;
  String tag;

  @BeforeAll
  void collections() {
    api = new CatalogApi("http://127.0.0.1:" + port);
    tag = "z" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String regional = "naryn-" + tag;
    branch = "jumgal-" + tag;
    other = "ak-talaa-" + tag;
    api.registerBranch(regional, "Нарын облустук китепканасы", "REGIONAL", null);
    api.registerBranch(branch, "Жумгал райондук китепканасы", "DISTRICT", regional);
    api.registerBranch(other, "Ак-Талаа райондук китепканасы", "DISTRICT", regional);
    var answer =
        api.sync(
            branch,
            "s1",
            "["
                + item("j1", "Жамийла " + tag, "Айтматов, Чыңгыз", "ky", 1958, "BOOK")
                + ","
                + item(
                    "j2",
                    "Книга о вкусной и здоровой пище " + tag,
                    "Неизвестный, Автор",
                    "ru",
                    1952,
                    "BOOK")
                + ","
                + item("j3", "Манас эпосу " + tag, "Орозбаков, Сагымбай", "ky", 2010, "BOOK")
                + ","
                + item("j4", "Жаңылмырза " + tag, "Баялинов, Касымалы", "ky", 1971, "PERIODICAL")
                + "]");
    assertThat(answer.status()).isEqualTo(200);
    api.sync(
        other,
        "s1",
        "[" + item("a1", "Джамиля " + tag, "Айтматов, Чингиз", "ru", 1958, "BOOK") + "]");
  }

  static String item(String id, String title, String author, String lang, int year, String kind) {
    return """
        {"op": "UPSERT", "itemId": "%s", "copies": 1,
         "description": {"title": "%s", "authors": ["%s"], "year": %d, "language": "%s", "kind": "%s"}}
        """
        .formatted(id, title, author, year, lang, kind);
  }

  JsonNode search(String query) {
    var answer = api.get("/api/catalog/search?" + query);
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    return answer.body();
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static List<String> titles(JsonNode result) {
    List<String> titles = new ArrayList<>();
    result.get("hits").forEach(h -> titles.add(h.get("title").asString()));
    return titles;
  }

  @Test
  void latinQueryFindsCyrillicRecordsAcrossKyrgyzAndRussianSpellings() {
    // "Джамиля" by "Айтматов, Чингиз" matched the Kyrgyz record: one record, two branches.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(titles(search("q=" + q("aitmatov jamila " + tag))))
                    .containsExactly("Жамийла " + tag));
    // Both branches' holdings arrive as separate events: wait for the second one too.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              JsonNode hit = search("q=" + q("Джамиля Айтматов " + tag)).get("hits").get(0);
              assertThat(hit.get("title").asString()).isEqualTo("Жамийла " + tag);
              assertThat(hit.get("branches"))
                  .extracting(JsonNode::asString)
                  .containsExactlyInAnyOrder(branch, other);
            });
    assertThat(titles(search("author=" + q("Aytmatov") + "&q=" + tag))).hasSize(1);
  }

  @Test
  void russianStemmingAndKyrgyzLettersAreFoldedForRecall() {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(titles(search("q=" + q("книги " + tag))))
                    .containsExactly("Книга о вкусной и здоровой пище " + tag));
    assertThat(titles(search("title=" + q("жанылмырза " + tag))))
        .containsExactly("Жаңылмырза " + tag);
    assertThat(titles(search("q=" + q("manas " + tag)))).containsExactly("Манас эпосу " + tag);
  }

  @Test
  void filtersAndFacetsNarrowTheHits() {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> search("q=" + tag + "&kind=BOOK&branch=" + other).get("total").asInt() == 1);
    JsonNode all = search("q=" + tag);
    assertThat(all.get("total").asInt()).isEqualTo(4);
    assertThat(all.get("facets").get("kind").get("BOOK").asInt()).isEqualTo(3);
    assertThat(all.get("facets").get("kind").get("PERIODICAL").asInt()).isEqualTo(1);
    assertThat(all.get("facets").get("branch").get(other).asInt()).isEqualTo(1);
    assertThat(search("q=" + tag + "&branch=" + other).get("total").asInt()).isEqualTo(1);
    assertThat(search("q=" + tag + "&language=ru").get("total").asInt()).isEqualTo(1);
    assertThat(search("q=" + tag + "&yearFrom=1950&yearTo=1960").get("total").asInt()).isEqualTo(2);
    assertThat(search("q=" + tag + "&kind=periodical").get("total").asInt()).isEqualTo(1);
    assertThat(search("q=" + tag + "&size=2&page=1").get("hits")).hasSize(2);
    assertThat(api.get("/api/catalog/search?size=1000").status()).isEqualTo(400);
  }

  @Test
  void aWithdrawnHoldingLeavesTheBranchFacetAndRebuildReplaysTheTopic() {
    String unrelated = "w" + tag;
    api.sync(
        branch,
        "s2",
        "[" + item("gone", "Ак кеме " + unrelated, "Айтматов, Чыңгыз", "ky", 1970, "BOOK") + "]");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> search("q=" + q("ak keme " + unrelated)).get("total").asInt() == 1);
    api.sync(branch, "s3", "[{\"op\": \"WITHDRAW\", \"itemId\": \"gone\"}]");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                search("q=" + q("ak keme " + unrelated))
                    .get("hits")
                    .get(0)
                    .get("branches")
                    .isEmpty());

    assertThat(api.post("/api/catalog/search/rebuild", "").status()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(search("q=" + tag).get("total").asInt()).isEqualTo(4);
              assertThat(search("q=" + unrelated).get("total").asInt()).isEqualTo(1);
            });
  }
}
