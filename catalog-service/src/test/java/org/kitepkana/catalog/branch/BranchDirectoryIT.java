package org.kitepkana.catalog.branch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kitepkana.catalog.CatalogApi;
import org.kitepkana.contracts.EventSchemas;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructure;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructureTest;
import org.kitepkana.platform.testsupport.KafkaTestConsumer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructureTest
class BranchDirectoryIT {

  @LocalServerPort int port;
  CatalogApi api;
  String regional;

  @BeforeEach
  void regionalLibrary() {
    api = new CatalogApi("http://127.0.0.1:" + port);
    regional = "naryn-" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(
            api.registerBranch(regional, "Нарын облустук китепканасы", "REGIONAL", null).status())
        .isEqualTo(201);
  }

  @Test
  void registersAndRevisesBranchesAndPublishesFullStateOnTheCompactedTopic() {
    String village = "ottuk-" + UUID.randomUUID().toString().substring(0, 6);
    var created = api.registerBranch(village, "Оттук айыл китепканасы", "VILLAGE", regional);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("version").asInt()).isEqualTo(1);

    var revised =
        api.put(
            "/api/catalog/branches/" + village,
            """
            {"name": "Оттук айылдык китепканасы", "type": "VILLAGE", "parentId": "%s",
             "district": "Кочкор", "address": "Оттук айылы", "languages": ["ky"], "version": 1}
            """
                .formatted(regional));
    assertThat(revised.status()).isEqualTo(200);
    assertThat(revised.body().get("version").asInt()).isEqualTo(2);
    assertThat(api.get("/api/catalog/branches/" + village).body().get("district").asString())
        .isEqualTo("Кочкор");

    try (var kafka =
        new KafkaTestConsumer(EmbeddedInfrastructure.kafkaBootstrap(), "network.branches.v1")) {
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(kafka.poll())
                      .filteredOn(r -> village.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .containsExactly(
                          "kitepkana.catalog.branch.created", "kitepkana.catalog.branch.updated"));
      kafka.poll().stream()
          .filter(r -> village.equals(r.key()))
          .forEach(r -> EventSchemas.assertValid(r.header("ce_type"), r.body()));
    }
  }

  @Test
  void refusesDuplicatesUnknownParentsStaleVersionsAndBadFields() {
    assertThat(api.registerBranch(regional, "Дагы бир", "REGIONAL", null).status()).isEqualTo(409);
    var orphan =
        api.registerBranch(
            "orphan-" + UUID.randomUUID().toString().substring(0, 6),
            "Жетим",
            "VILLAGE",
            "no-such-parent");
    assertThat(orphan.status()).isEqualTo(400);
    assertThat(orphan.body().get("errors").get(0).get("field").asString()).isEqualTo("parentId");
    var stale =
        api.put(
            "/api/catalog/branches/" + regional,
            "{\"name\": \"Жаңы аты\", \"type\": \"REGIONAL\", \"version\": 7}");
    assertThat(stale.status()).isEqualTo(409);
    var bad =
        api.post(
            "/api/catalog/branches", "{\"id\": \"Bad Id!\", \"name\": \"\", \"type\": \"CASTLE\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    var badType =
        api.post(
            "/api/catalog/branches",
            "{\"id\": \"ok-id\", \"name\": \"Аты\", \"type\": \"REGIONAL\", \"languages\": [\"Kyrgyz\"]}");
    assertThat(badType.status()).isEqualTo(400);
    assertThat(api.get("/api/catalog/branches/nowhere").status()).isEqualTo(404);
  }
}
