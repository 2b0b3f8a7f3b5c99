package org.kitepkana.events.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kitepkana.events.EventsApi;
import org.kitepkana.events.ServiceTestBase;
import org.kitepkana.events.TopicFixtures;
import org.kitepkana.platform.ids.Ulid;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructure;
import org.kitepkana.platform.testsupport.KafkaTestConsumer;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Read models of branches, partners and projects from events the test publishes in the shapes of
 * docs/topics.md: references are checked against them, replays change nothing, and poison messages
 * go to the dead-letter topic without blocking the partition.
 */
class DirectoryIT extends ServiceTestBase {

  @Autowired MongoDatabase database;

  @Test
  void eventsMayNameOnlyKnownActivePartnersAndOpenProjects() {
    String branch = knownBranch("naryn-district", "Нарын райондук борбордук китепканасы");
    String partner = Ulid.next(Instant.now(), new Random());
    String project = Ulid.next(Instant.now(), new Random());
    TOPICS.partner(partner, "Нарын айыл өкмөтү", true, 1);
    TOPICS.project(project, "Укуктук маалымат борбору айылда", "APPROVED", 2);
    awaitInDirectory("partners", "partnerId", partner);
    awaitInDirectory("projects", "projectId", project);

    String refs = "\"partnerIds\": [\"%s\"], \"projectId\": \"%s\"".formatted(partner, project);
    var accepted =
        api.post(
            "/api/events",
            EventsApi.event(branch, "зал", day(3, "10:00"), day(3, "12:00"), 10, refs));
    assertThat(accepted.status()).as(accepted.raw()).isEqualTo(201);
    assertThat(accepted.body().get("partnerIds").get(0).asString()).isEqualTo(partner);

    TOPICS.partner(partner, "Нарын айыл өкмөтү", false, 2);
    TOPICS.project(project, "Укуктук маалымат борбору айылда", "REJECTED", 3);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                entry("partners", "partnerId", partner).path("version").asInt() == 2
                    && entry("projects", "projectId", project).path("version").asInt() == 3);
    assertThat(entry("partners", "partnerId", partner).get("active").asBoolean()).isFalse();
    var refused =
        api.post(
            "/api/events",
            EventsApi.event(branch, "зал", day(4, "10:00"), day(4, "12:00"), 10, refs));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("errors").findValuesAsString("field"))
        .containsExactly("partnerIds[0]", "projectId");
  }

  @Test
  void replaysAndStaleVersionsChangeNothing() {
    String branch = "kochkor-" + suffix();
    String json =
        """
        {"branchId": "%s", "version": 2, "name": "Кочкор китепканасы", "type": "DISTRICT",
         "parentId": "naryn-oblast", "district": "Кочкор", "address": null,
         "languages": ["ky"], "updatedAt": "2026-03-14T09:30:00+06:00"}
        """
            .formatted(branch);
    String applied =
        TOPICS.publish(
            "network.branches.v1",
            branch,
            "kitepkana.catalog.branch.updated",
            "/catalog-service",
            json);
    awaitInDirectory("branches", "branchId", branch);
    TOPICS.publish(
        applied,
        "network.branches.v1",
        branch,
        "kitepkana.catalog.branch.updated",
        "/catalog-service",
        json.replace("Кочкор китепканасы", "replayed id"));
    String stale = TOPICS.branch(branch, "stale version", 1);
    String sameVersion = TOPICS.branch(branch, "same version, new id", 2);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                database
                        .getCollection("processed_events")
                        .countDocuments(
                            Filters.in(
                                "_id",
                                "events-directory/" + stale,
                                "events-directory/" + sameVersion))
                    == 2);
    JsonNode known = entry("branches", "branchId", branch);
    assertThat(known.get("name").asString()).isEqualTo("Кочкор китепканасы");
    assertThat(known.get("version").asInt()).isEqualTo(2);
  }

  private JsonNode entry(String kind, String field, String id) {
    for (JsonNode e : api.get("/api/events/directory/" + kind).body()) {
      if (id.equals(e.path(field).asString(""))) {
        return e;
      }
    }
    return EventsApi.JSON.createObjectNode();
  }

  @Test
  void poisonMessagesGoToTheDeadLetterTopicAndTheConsumerMovesOn() {
    String key = "poison-" + suffix();
    TopicFixtures.raw(
        "network.branches.v1", key, "not a cloud event".getBytes(StandardCharsets.UTF_8));
    TOPICS.publish(
        "partnerships.projects.v1",
        key,
        "kitepkana.partnerships.project.approved",
        "/partnership-service",
        "{\"projectId\": \"not-a-ulid\", \"version\": 1, \"status\": \"APPROVED\"}");
    try (var dlt =
        new KafkaTestConsumer(
            EmbeddedInfrastructure.kafkaBootstrap(),
            "network.branches.v1.dlt",
            "partnerships.projects.v1.dlt")) {
      await()
          .atMost(Duration.ofSeconds(45))
          .untilAsserted(
              () ->
                  assertThat(dlt.poll())
                      .filteredOn(r -> key.equals(r.key()))
                      .extracting(KafkaTestConsumer.Seen::topic)
                      .containsExactlyInAnyOrder(
                          "network.branches.v1.dlt", "partnerships.projects.v1.dlt"));
    }
    knownBranch("after-poison", "Китепкана");
  }
}
