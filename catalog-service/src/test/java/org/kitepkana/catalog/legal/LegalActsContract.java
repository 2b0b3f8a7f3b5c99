package org.kitepkana.catalog.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kitepkana.catalog.CatalogApi;
import org.kitepkana.contracts.EventSchemas;
import org.kitepkana.platform.testsupport.KafkaTestConsumer;
import org.kitepkana.platform.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The legal-acts databank over HTTP: what is stored, what an outside subscriber of {@code
 * catalog.legal-acts.v1} sees, how it is searched and what is refused. Run against the embedded
 * broker and store ({@link LegalActsIT}) and, where Docker exists, real images ({@link
 * ContainersLegalActsIT}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class LegalActsContract {

  /** The broker the service under test publishes to. */
  protected abstract String kafkaBootstrap();

  private static final String TOPIC = "catalog.legal-acts.v1";
  private static final String ACTS = "/api/catalog/legal-acts";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired MongoDatabase database;
  CatalogApi api;
  String branch;

  /** Each test's acts are of its own territory, so natural keys never meet across tests. */
  String territory;

  @BeforeEach
  void aVillageLibraryKeepsTheActs() {
    api = new CatalogApi("http://127.0.0.1:" + port);
    String oblast = "naryn-" + suffix();
    assertThat(api.registerBranch(oblast, "Нарын облустук китепканасы", "REGIONAL", null).status())
        .isEqualTo(201);
    branch = "kara-suu-" + suffix();
    territory = "Сынак " + suffix() + " аймагы";
    assertThat(
            api.registerBranch(branch, "Кара-Суу айылдык китепканасы", "VILLAGE", oblast).status())
        .isEqualTo(201);
  }

  @Test
  void registerAmendRepealIsStoredAndAnOutsideSubscriberSeesEachFullStateInOrder() {
    var registered =
        api.post(
            ACTS,
            act(
                "45/3",
                "LOCAL_KENESH",
                "Кара-Суу айылдык кеңеши",
                "2024-03-15",
                "2024-04-01",
                "Жайыттарды пайдалануу тартибин бекитүү жөнүндө",
                "Об утверждении порядка использования пастбищ"));
    assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
    String id = registered.body().get("id").asString();
    assertThat(registered.body().get("status").asString()).isEqualTo("IN_FORCE");
    assertThat(registered.body().get("adoptedOn").asString()).isEqualTo("2024-03-15");
    assertThat(registered.body().get("version").asInt()).isEqualTo(1);

    String repealing =
        api.post(
                ACTS,
                act(
                    "30/2",
                    "LOCAL_KENESH",
                    "Кара-Суу айылдык кеңеши",
                    "2025-01-20",
                    null,
                    "Жайыттар жөнүндө токтомду жокко чыгаруу жөнүндө",
                    null))
            .body()
            .get("id")
            .asString();

    var amended =
        api.post(
            ACTS + "/" + id + "/status-changes",
            """
        {"status": "AMENDED", "effectiveOn": "2024-09-01", "byActNumber": "12/1",
         "note": "Жайыт акысынын өлчөмү өзгөртүлдү", "version": 1}""");
    assertThat(amended.status()).as(amended.raw()).isEqualTo(200);
    var repealed =
        api.post(
            ACTS + "/" + id + "/status-changes",
            """
        {"status": "REPEALED", "effectiveOn": "2025-02-01", "byActId": "%s", "version": 2}"""
                .formatted(repealing));
    assertThat(repealed.status()).as(repealed.raw()).isEqualTo(200);
    assertThat(repealed.body().get("statusHistory").get(2).get("byActNumber").asString())
        .isEqualTo("30/2");

    Document stored = database.getCollection("legal_acts").find(new Document("_id", id)).first();
    assertThat(stored.getString("status")).isEqualTo("REPEALED");
    assertThat(stored.getLong("version")).isEqualTo(3L);
    assertThat(stored.getList("history", Document.class))
        .extracting(h -> h.getString("status"))
        .containsExactly("IN_FORCE", "AMENDED", "REPEALED");
    assertThat(stored.getString("naturalKey")).endsWith("|45-3|2024");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        database
                            .getCollection("legal_acts")
                            .find(new Document("_id", id))
                            .first()
                            .getList("outbox", Document.class, List.of()))
                    .isEmpty());

    try (var portal = new KafkaTestConsumer(kafkaBootstrap(), TOPIC)) {
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(portal.poll())
                      .filteredOn(r -> id.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .containsExactly(
                          "kitepkana.catalog.legal-act.registered",
                          "kitepkana.catalog.legal-act.status-changed",
                          "kitepkana.catalog.legal-act.status-changed"));
      List<KafkaTestConsumer.Seen> seen =
          portal.poll().stream().filter(r -> id.equals(r.key())).toList();
      for (KafkaTestConsumer.Seen event : seen) {
        EventSchemas.assertValid(event.header("ce_type"), event.body());
        assertThat(event.header("ce_subject")).isEqualTo(id);
        assertThat(event.header("ce_source")).isEqualTo("/catalog-service");
        assertThat(event.header("ce_dataschema"))
            .isEqualTo(EventSchemas.dataschema(event.header("ce_type")));
      }
      assertThat(seen)
          .extracting(r -> JSON.readTree(r.body()))
          .extracting(b -> b.get("status").asString() + "@" + b.get("version").asInt())
          .containsExactly("IN_FORCE@1", "AMENDED@2", "REPEALED@3");
      JsonNode last = JSON.readTree(seen.get(2).body());
      assertThat(last.get("statusHistory")).hasSize(3);
      assertThat(last.get("statusHistory").get(2).get("byActId").asString()).isEqualTo(repealing);
    }
  }

  @Test
  void theTopicIsCompactedSoTheLatestEventPerActIsTheAct() throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap()))) {
      ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
      var config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    }
  }

  @Test
  void correctionsAndARetractedRepealArePublishedAsCorrections() {
    String id =
        register(
            "8",
            "AYIL_OKMOTU",
            "Кара-Суу айыл өкмөтү",
            "2024-05-02",
            "Көчөлөрдү жарыктандыруу жөнүндө");
    assertThat(
            api.post(
                    ACTS + "/" + id + "/status-changes",
                    """
        {"status": "REPEALED", "effectiveOn": "2024-06-01", "byActNumber": "99", "version": 1}""")
                .status())
        .isEqualTo(200);

    var corrected =
        api.put(
            ACTS + "/" + id,
            act(
                    "8-р",
                    "AYIL_OKMOTU",
                    "Кара-Суу айыл өкмөтү",
                    "2024-05-02",
                    null,
                    "Көчөлөрдү жарыктандыруу жөнүндө",
                    "Об уличном освещении")
                .replace("\"kind\"", "\"version\": 2, \"reason\": \"номер оңдолду\", \"kind\""));
    assertThat(corrected.status()).as(corrected.raw()).isEqualTo(200);
    assertThat(corrected.body().get("status").asString()).isEqualTo("REPEALED");
    var retracted =
        api.post(
            ACTS + "/" + id + "/status-history/retract-latest",
            "{\"version\": 3, \"reason\": \"башка актыны жокко чыгарган\"}");
    assertThat(retracted.status()).as(retracted.raw()).isEqualTo(200);
    assertThat(retracted.body().get("status").asString()).isEqualTo("IN_FORCE");

    try (var portal = new KafkaTestConsumer(kafkaBootstrap(), TOPIC)) {
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> assertThat(portal.poll()).filteredOn(r -> id.equals(r.key())).hasSize(4));
      List<KafkaTestConsumer.Seen> seen =
          portal.poll().stream().filter(r -> id.equals(r.key())).toList();
      seen.forEach(e -> EventSchemas.assertValid(e.header("ce_type"), e.body()));
      assertThat(seen)
          .extracting(r -> r.header("ce_type"))
          .endsWith(
              "kitepkana.catalog.legal-act.corrected", "kitepkana.catalog.legal-act.corrected");
      assertThat(JSON.readTree(seen.get(2).body()).get("correctedFields").toString())
          .isEqualTo("[\"number\",\"title\"]");
      assertThat(JSON.readTree(seen.get(3).body()).get("correctedFields").toString())
          .isEqualTo("[\"status\",\"statusHistory\"]");
    }
  }

  @Test
  void searchesByBodyStatusStatusOnADateAdoptionDatesAndFoldedText() {
    String pastures =
        register(
            "45/3",
            "LOCAL_KENESH",
            "Кара-Суу айылдык кеңеши",
            "2024-03-15",
            "Жайыттарды пайдалануу тартиби жөнүндө");
    String budget =
        register(
            "7",
            "DISTRICT_ADMINISTRATION",
            "Ат-Башы райондук мамлекеттик администрациясы",
            "2023-12-20",
            "2024-жылдын бюджети жөнүндө");
    String lights =
        register(
            "12-р",
            "AYIL_OKMOTU",
            "Кара-Суу айыл өкмөтү",
            "2025-01-10",
            "Көчөлөрдү жарыктандыруу жөнүндө");
    api.post(
        ACTS + "/" + budget + "/status-changes",
        """
        {"status": "REPEALED", "effectiveOn": "2025-01-01", "byActNumber": "1", "version": 1}""");
    api.post(
        ACTS + "/" + pastures + "/status-changes",
        """
        {"status": "AMENDED", "effectiveOn": "2024-10-01", "byActNumber": "3", "version": 1}""");
    String mine = "branch=" + branch;

    assertThat(ids(mine)).containsExactly(lights, pastures, budget);
    assertThat(ids(mine + "&bodyType=LOCAL_KENESH")).containsExactly(pastures);
    assertThat(ids(mine + "&body=kara-suu")).containsExactly(lights, pastures);
    assertThat(ids(mine + "&body=at-bashy%20administ")).containsExactly(budget);
    assertThat(ids(mine + "&status=REPEALED")).containsExactly(budget);
    assertThat(ids(mine + "&status=IN_FORCE&statusOn=2024-06-01"))
        .containsExactly(pastures, budget);
    assertThat(ids(mine + "&status=AMENDED&statusOn=2024-10-01")).containsExactly(pastures);
    assertThat(ids(mine + "&effectiveOn=2025-02-01")).containsExactly(lights, pastures);
    assertThat(ids(mine + "&adoptedFrom=2024-01-01&adoptedTo=2024-12-31"))
        .containsExactly(pastures);
    assertThat(ids(mine + "&q=jaiyttardy")).containsExactly(pastures);
    assertThat(ids(mine + "&q=%D0%BA%D0%BE%D1%87%D0%BE%D0%BB%D0%BE%D1%80")).containsExactly(lights);
    assertThat(ids(mine + "&q=12-r")).containsExactly(lights);
    var page = api.get(ACTS + "?" + mine + "&status=IN_FORCE&statusOn=2024-06-01&size=1");
    assertThat(page.body().get("total").asInt()).isEqualTo(2);
    assertThat(page.body().get("items")).hasSize(1);
    assertThat(page.body().get("items").get(0).get("statusOn").get("status").asString())
        .isEqualTo("IN_FORCE");
    assertThat(api.get(ACTS + "/" + pastures).body().get("statusHistory")).hasSize(2);
  }

  @Test
  void badInputIsAProblemNamingTheFieldAndDuplicatesNameTheExistingAct() {
    String first =
        register(
            "45/3", "LOCAL_KENESH", "Кара-Суу айылдык кеңеши", "2024-03-15", "Жайыттар жөнүндө");

    var duplicate =
        api.post(
            ACTS,
            act(
                "№ 45-3",
                "LOCAL_KENESH",
                "Kara-Suu aiyldyk keneshi",
                "2024-11-01",
                null,
                null,
                "О пастбищах"));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.contentType()).startsWith("application/problem+json");
    assertThat(duplicate.body().get("detail").asString()).contains(first);

    assertField(
        api.post(ACTS, act("1", "LOCAL_KENESH", "Кеңеш", "2024-03-15", "2024-03-01", "Аты", null)),
        "effectiveFrom");
    assertField(
        api.post(ACTS, act("1", "LOCAL_KENESH", "Кеңеш", "2024-03-15", null, null, null)), "title");
    assertField(
        api.post(ACTS, act("1", "PARLIAMENT", "Кеңеш", "2024-03-15", null, "Аты", null)),
        "issuingBody.type");
    assertField(
        api.post(ACTS, act("1", "LOCAL_KENESH", "Кеңеш", "15.03.2024", null, "Аты", null)),
        "adoptedOn");
    assertField(
        api.post(ACTS, act("1", "LOCAL_KENESH", " ", "2024-03-15", null, "Аты", null)),
        "issuingBody.name");
    assertField(
        api.post(
            ACTS,
            act("1", "LOCAL_KENESH", "Кеңеш", "2024-03-15", null, "Аты", null)
                .replace(branch, "no-such-branch")),
        "branchId");
    assertField(
        api.post(
            ACTS,
            act("1", "LOCAL_KENESH", "Кеңеш", "2024-03-15", null, "Аты", null)
                .replace("https://cbd.minjust.gov.kg/", "https://[cbd")),
        "publicationUrl");
    assertField(
        api.post(ACTS, act("1", "LOCAL_KENESH", "Кеңеш", "2024-02-30", null, "Аты", null)),
        "adoptedOn");
    assertField(
        api.post(
            ACTS + "/" + first + "/status-changes",
            "{\"status\": \"AMENDED\", \"effectiveOn\": \"2024-01-01\", \"byActNumber\": \"2\", \"version\": 1}"),
        "effectiveOn");
    assertField(
        api.post(
            ACTS + "/" + first + "/status-changes",
            "{\"status\": \"AMENDED\", \"effectiveOn\": \"2024-06-01\", \"byActNumber\": \"2\"}"),
        "version");
    assertField(api.get(ACTS + "?statusOn=2024-01-01"), "statusOn");
    assertField(api.get(ACTS + "?status=VALID"), "status");
    assertField(api.get(ACTS + "?adoptedFrom=yesterday"), "adoptedFrom");

    var stale =
        api.post(
            ACTS + "/" + first + "/status-changes",
            "{\"status\": \"AMENDED\", \"effectiveOn\": \"2024-06-01\", \"byActNumber\": \"2\", \"version\": 5}");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(
            api.post(
                    ACTS + "/" + first + "/status-changes",
                    "{\"status\": \"REPEALED\", \"effectiveOn\": \"2024-06-01\", \"byActNumber\": \"2\", \"version\": 1}")
                .status())
        .isEqualTo(200);
    var afterRepeal =
        api.post(
            ACTS + "/" + first + "/status-changes",
            "{\"status\": \"AMENDED\", \"effectiveOn\": \"2024-07-01\", \"byActNumber\": \"3\", \"version\": 2}");
    assertThat(afterRepeal.status()).isEqualTo(409);
    assertThat(afterRepeal.body().get("errors").get(0).get("field").asString()).isEqualTo("status");
    assertThat(api.get(ACTS + "/01JR3K8M2N4P6Q8R0S2T4V6W8X").status()).isEqualTo(404);
    assertThat(api.get(ACTS + "/not-an-id").status()).isEqualTo(404);
  }

  @Test
  void thePublicReadsButOnlyTheKeepersWrite() {
    String id =
        register(
            "5", "CITY_HALL", "Нарын шаардык мэриясы", "2024-02-02", "Шаардык базарлар жөнүндө");
    String body =
        act("6", "CITY_HALL", "Нарын шаардык мэриясы", "2024-02-03", null, "Парктар жөнүндө", null);

    var anonymous = api.anonymous().post(ACTS, body);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    assertThat(api.as(TestTokens.librarian("ottuk")).post(ACTS, body).status()).isEqualTo(403);
    assertThat(api.as(TestTokens.librarian(branch)).post(ACTS, body).status()).isEqualTo(201);
    assertThat(
            api.as(TestTokens.subscriber())
                .post(
                    ACTS + "/" + id + "/status-changes",
                    "{\"status\": \"REPEALED\", \"effectiveOn\": \"2024-06-01\", \"byActNumber\": \"2\", \"version\": 1}")
                .status())
        .isEqualTo(403);
    assertThat(
            api.as(TestTokens.librarian(branch))
                .post(
                    ACTS + "/" + id + "/status-history/retract-latest",
                    "{\"version\": 1, \"reason\": \"x\"}")
                .status())
        .isEqualTo(403);
    assertThat(api.anonymous().get(ACTS + "/" + id).status()).isEqualTo(200);
    assertThat(api.anonymous().get(ACTS + "?branch=" + branch).body().get("total").asInt())
        .isEqualTo(2);
  }

  @Test
  void concurrentWritersGetOneActAndOneChangePerVersion() {
    String body =
        act(
            "77",
            "LOCAL_KENESH",
            "Кара-Суу айылдык кеңеши",
            "2024-07-01",
            null,
            "Суу жөнүндө",
            null);
    List<Integer> registrations = parallel(4, () -> api.post(ACTS, body).status());
    assertThat(registrations).containsOnly(201, 409).containsOnlyOnce(201);
    String id =
        api.get(ACTS + "?branch=" + branch + "&q=77")
            .body()
            .get("items")
            .get(0)
            .get("id")
            .asString();

    List<Integer> amendments =
        parallel(
            4,
            () ->
                api.post(
                        ACTS + "/" + id + "/status-changes",
                        "{\"status\": \"AMENDED\", \"effectiveOn\": \"2024-08-01\","
                            + " \"byActNumber\": \"78\", \"version\": 1}")
                    .status());
    assertThat(amendments).containsOnly(200, 409).containsOnlyOnce(200);
    assertThat(api.get(ACTS + "/" + id).body().get("statusHistory")).hasSize(2);
  }

  @Test
  void theActsPrintedCopyFollowsACoordinatorsMergeOfItsRecord() {
    String tag = suffix();
    String survivor = syncOne("s-" + tag, "Жайыт мыйзамдары " + tag, "Асанов, Б.", 2019);
    String copy = syncOne("c-" + tag, "Pasture law " + tag, "Asanov, B.", 2018);
    String body =
        act("88", "LOCAL_KENESH", "Кара-Суу айылдык кеңеши", "2024-05-05", null, "Жайыт", null)
            .replace("\"publicationUrl\":", "\"recordId\": \"" + copy + "\", \"publicationUrl\":");
    var registered = api.post(ACTS, body);
    assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
    String id = registered.body().get("id").asString();
    assertThat(registered.body().get("recordId").asString()).isEqualTo(copy);

    var merged =
        api.post(
            "/api/catalog/records/" + survivor + "/merges",
            "{\"mergedRecordId\": \"" + copy + "\"}");
    assertThat(merged.status()).as(merged.raw()).isEqualTo(200);

    var read = api.anonymous().get(ACTS + "/" + id);
    assertThat(read.body().get("recordId").asString()).isEqualTo(survivor);
    assertThat(read.body().get("version").asInt()).isEqualTo(1);
    assertThat(
            api.anonymous()
                .get(ACTS + "?branch=" + branch + "&q=88")
                .body()
                .get("items")
                .get(0)
                .get("recordId")
                .asString())
        .isEqualTo(survivor);
    var again = api.post(ACTS, body.replace("\"number\": \"88\"", "\"number\": \"89\""));
    assertThat(again.status()).as(again.raw()).isEqualTo(201);
    assertThat(
            database
                .getCollection("legal_acts")
                .find(new Document("_id", again.body().get("id").asString()))
                .first()
                .getString("recordId"))
        .as("a registration naming the merged-away record stores its survivor")
        .isEqualTo(survivor);
  }

  private String syncOne(String itemId, String title, String author, int year) {
    var answer =
        api.sync(
            branch,
            "b-" + itemId,
            """
            [{"op": "UPSERT", "itemId": "%s", "callNumber": "67", "copies": 1,
              "location": "абонемент",
              "description": {"title": "%s", "authors": ["%s"], "year": %d,
                              "language": "ky", "kind": "BOOK"}}]
            """
                .formatted(itemId, title, author, year));
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    assertThat(answer.body().get("items").get(0).get("status").asString())
        .as(answer.raw())
        .isEqualTo("APPLIED");
    return answer.body().get("items").get(0).get("recordId").asString();
  }

  private static List<Integer> parallel(int n, Supplier<Integer> call) {
    var pool = Executors.newFixedThreadPool(n);
    try {
      var start = new CountDownLatch(1);
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.get();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (var f : futures) {
        statuses.add(f.get(30, TimeUnit.SECONDS));
      }
      return statuses;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  private String register(
      String number, String bodyType, String bodyName, String adoptedOn, String titleKy) {
    var answer = api.post(ACTS, act(number, bodyType, bodyName, adoptedOn, null, titleKy, null));
    assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
    return answer.body().get("id").asString();
  }

  private List<String> ids(String query) {
    var answer = api.get(ACTS + "?" + query);
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    return answer.body().get("items").valueStream().map(i -> i.get("id").asString()).toList();
  }

  private static void assertField(CatalogApi.Answer answer, String field) {
    assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().get("errors").valueStream().map(e -> e.get("field").asString()))
        .as(answer.raw())
        .contains(field);
  }

  private String act(
      String number,
      String bodyType,
      String bodyName,
      String adoptedOn,
      String effectiveFrom,
      String titleKy,
      String titleRu) {
    return """
        {"number": "%s", "title": {"ky": %s, "ru": %s}, "kind": "RESOLUTION",
         "adoptedOn": "%s", "effectiveFrom": %s,
         "issuingBody": {"type": "%s", "name": "%s", "territory": "%s"},
         "branchId": "%s", "subjects": ["жайыт", "жер"], "publicationUrl": "https://cbd.minjust.gov.kg/"}
        """
        .formatted(
            number,
            quoted(titleKy),
            quoted(titleRu),
            adoptedOn,
            quoted(effectiveFrom),
            bodyType,
            bodyName,
            territory,
            branch);
  }

  private static String quoted(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 6);
  }
}
