package org.kitepkana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * partnership-service through the gateway: branches registered in catalog-service reach it over
 * Kafka; partners and projects are stored, read back and published as valid CloudEvents; a library
 * event held under a project (published as events-service would) updates the project's outcomes;
 * bad input is refused naming the field.
 */
class PartnershipsThroughGatewayIT {

  static GatewayClient gateway;
  static String district;
  static String village;

  @BeforeAll
  static void branchesKnownToPartnerships() {
    gateway = Platform.gateway();
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    district = "at-bashy-" + suffix;
    village = "kara-suu-" + suffix;
    assertThat(
            gateway
                .registerBranch(district, "Ат-Башы райондук китепканасы", "DISTRICT", null)
                .status())
        .isEqualTo(201);
    assertThat(
            gateway
                .registerBranch(village, "Кара-Суу айылдык китепканасы", "VILLAGE", district)
                .status())
        .isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(gateway.get("/api/partnerships/libraries/" + district).status())
                  .isEqualTo(200);
              assertThat(gateway.get("/api/partnerships/libraries/" + village).status())
                  .isEqualTo(200);
            });
  }

  static String partner(String name, String type) {
    var created =
        gateway.post(
            "/api/partnerships/partners",
            """
            {"name": "%s", "type": "%s", "district": "Ат-Башы",
             "contacts": [{"name": "Асанов Нурлан", "phone": "+996 3534 2 11 11"}]}
            """
                .formatted(name, type));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    return created.body().get("id").asString();
  }

  static String activeProject(String funder) {
    var proposed =
        gateway.post(
            "/api/partnerships/projects",
            """
            {"title": "Укуктук маалымат борбору", "start": "2025-03-01", "end": "2025-11-30",
             "leadLibraryId": "%s", "participatingLibraryIds": ["%s"],
             "partners": [{"partnerId": "%s", "roles": ["FUNDER"]}],
             "contentAreas": ["LEGAL_INFORMATION"],
             "contributions": [{"kind": "MONEY", "partnerId": "%s", "amount": 40000,
                                "currency": "KGS", "receivedOn": "2025-03-05"}]}
            """
                .formatted(district, village, funder, funder));
    assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
    assertThat(proposed.body().get("scale").asString()).isEqualTo("INTER_LIBRARY");
    String id = proposed.body().get("id").asString();
    for (String status : new String[] {"APPROVED", "ACTIVE"}) {
      var moved =
          gateway.post(
              "/api/partnerships/projects/" + id + "/transitions",
              "{\"status\": \"" + status + "\"}");
      assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
    }
    return id;
  }

  @Test
  void aPartnerIsStoredReadableAndPublishedWithoutItsContacts() {
    String id = partner("Ат-Башы айыл өкмөтү", "LOCAL_GOVERNMENT");

    try (var mongo = MongoClients.create(Platform.stack().mongoUri("partnerships"))) {
      Document stored =
          mongo
              .getDatabase("partnerships")
              .getCollection("partners")
              .find(Filters.eq("_id", id))
              .first();
      assertThat(stored).isNotNull();
      assertThat(stored.getString("type")).isEqualTo("LOCAL_GOVERNMENT");
    }
    assertThat(gateway.get("/api/partnerships/partners/" + id).body().get("contacts")).hasSize(1);

    try (var topic =
        new TopicReader(Platform.stack().kafkaBootstrap(), "partnerships.partners.v1")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(topic.poll())
                      .filteredOn(r -> id.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .containsExactly("kitepkana.partnerships.partner.created"));
      for (var r : topic.poll()) {
        if (id.equals(r.key())) {
          assertThat(r.header("ce_source")).isEqualTo("/partnership-service");
          assertThat(r.header("ce_subject")).isEqualTo(id);
          assertThat(r.header("content-type")).isEqualTo("application/json");
          PartnershipSchemas.assertValid(r.header("ce_type"), r.body());
          assertThat(r.body()).doesNotContain("Асанов", "+996");
        }
      }
    }
  }

  @Test
  void aLibraryEventHeldWithAProjectIdUpdatesTheProjectsOutcomes() {
    String funder = partner("Кара-Суу айыл өкмөтү", "LOCAL_GOVERNMENT");
    String project = activeProject(funder);
    String event =
        "01JSYS" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
    String ceId = UUID.randomUUID().toString();
    String held = LibraryEventProducer.libraryEvent(event, 3, "COMPLETED", village, project, 43);

    try (var events = new LibraryEventProducer(Platform.stack().kafkaBootstrap())) {
      events.send(ceId, "kitepkana.events.event.completed", event, held);
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                JsonNode outcomes =
                    gateway.get("/api/partnerships/projects/" + project + "/outcomes").body();
                assertThat(outcomes.get("eventsHeld").asInt()).isEqualTo(1);
                assertThat(outcomes.get("attendance").asLong()).isEqualTo(43);
              });
      // Redelivered, re-published, and an older version arriving late: nothing changes.
      events.send(ceId, "kitepkana.events.event.completed", event, held);
      events.send("kitepkana.events.event.completed", event, held);
      events.send(
          "kitepkana.events.event.scheduled",
          event,
          LibraryEventProducer.libraryEvent(event, 2, "SCHEDULED", village, project, 0));
      String marker =
          "01JSYS" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
      events.send(
          "kitepkana.events.event.completed",
          marker,
          LibraryEventProducer.libraryEvent(marker, 1, "COMPLETED", village, project, 5));
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                JsonNode outcomes =
                    gateway.get("/api/partnerships/projects/" + project + "/outcomes").body();
                assertThat(outcomes.get("eventsHeld").asInt()).isEqualTo(2);
                assertThat(outcomes.get("attendance").asLong()).isEqualTo(48);
              });
    }
    JsonNode details = gateway.get("/api/partnerships/projects/" + project).body();
    assertThat(details.get("outcomes").get("eventsHeld").asInt()).isEqualTo(2);

    try (var topic =
        new TopicReader(Platform.stack().kafkaBootstrap(), "partnerships.projects.v1")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(topic.poll())
                      .filteredOn(r -> project.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .containsExactly(
                          "kitepkana.partnerships.project.proposed",
                          "kitepkana.partnerships.project.approved",
                          "kitepkana.partnerships.project.activated"));
      topic.poll().stream()
          .filter(r -> project.equals(r.key()))
          .forEach(r -> PartnershipSchemas.assertValid(r.header("ce_type"), r.body()));
    }
  }

  @Test
  void badInputIsRefusedThroughTheGatewayNamingTheField() {
    String funder = partner("Ат-Башы райондук администрациясы", "LOCAL_GOVERNMENT");
    var unknownLibrary =
        gateway.post(
            "/api/partnerships/projects",
            """
            {"title": "Долбоор", "start": "2025-03-01", "end": "2025-11-30",
             "leadLibraryId": "nowhere", "contentAreas": ["LEISURE"]}
            """);
    assertThat(unknownLibrary.status()).isEqualTo(400);
    assertThat(unknownLibrary.isProblem()).isTrue();
    assertThat(unknownLibrary.body().get("errors").get(0).get("field").asString())
        .isEqualTo("leadLibraryId");
    var negative =
        gateway.post(
            "/api/partnerships/projects",
            """
            {"title": "Долбоор", "start": "2025-03-01", "end": "2025-11-30",
             "leadLibraryId": "%s", "contentAreas": ["LEISURE"],
             "partners": [{"partnerId": "%s", "roles": ["FUNDER"]}],
             "contributions": [{"kind": "MONEY", "partnerId": "%s", "amount": -100,
                                "currency": "KGS", "receivedOn": "2025-03-05"}]}
            """
                .formatted(district, funder, funder));
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.body().get("errors").get(0).get("field").asString())
        .isEqualTo("contributions[0].amount");
    var contradiction =
        gateway.post(
            "/api/partnerships/projects",
            """
            {"title": "Долбоор", "start": "2025-03-01", "end": "2025-11-30", "scale": "MONO",
             "leadLibraryId": "%s", "participatingLibraryIds": ["%s"], "contentAreas": ["LEISURE"]}
            """
                .formatted(district, village));
    assertThat(contradiction.status()).isEqualTo(400);
    assertThat(contradiction.body().get("errors").get(0).get("field").asString())
        .isEqualTo("scale");
    String project = activeProject(funder);
    var illegal =
        gateway.post(
            "/api/partnerships/projects/" + project + "/transitions",
            "{\"status\": \"EVALUATED\"}");
    assertThat(illegal.status()).isEqualTo(409);
    assertThat(illegal.isProblem()).isTrue();
    assertThat(illegal.body().get("errors").get(0).get("field").asString()).isEqualTo("status");
  }
}
