package org.kitepkana.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.kitepkana.platform.events.EventEnvelope;
import org.kitepkana.platform.kafka.CloudEventPublisher;
import org.kitepkana.platform.testsupport.KafkaTestConsumer;
import org.kitepkana.platform.testsupport.TestTokensInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The first vertical slice against real MongoDB and Apache Kafka images, so the embedded store is
 * not the only proof that the service keeps to features both support: a branch arrives, a partner
 * and a project are recorded, their events are published and valid. Skipped without Docker.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "kitepkana.partnerships.consumer-group-prefix=containers")
@Testcontainers(disabledWithoutDocker = true)
@ContextConfiguration(initializers = TestTokensInitializer.class)
class ContainersPartnershipSliceIT {

  @Container static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

  @Container static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("partnerships"));
    registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
  }

  @LocalServerPort int port;

  @Test
  void partnerAndProjectAreStoredAndPublished() throws Exception {
    PartnershipApi api = new PartnershipApi("http://127.0.0.1:" + port);
    try (var publisher =
        new CloudEventPublisher(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()))) {
      publisher
          .send(
              new EventEnvelope(
                  UUID.randomUUID().toString(),
                  "network.branches.v1",
                  "jumgal",
                  "kitepkana.catalog.branch.created",
                  "/catalog-service",
                  "jumgal",
                  "schemas/kitepkana.catalog.branch.created.json",
                  Instant.now(),
                  """
                  {"branchId": "jumgal", "version": 1, "name": "Жумгал райондук китепканасы",
                   "type": "DISTRICT", "parentId": null, "district": "Жумгал", "address": null,
                   "languages": ["ky"], "updatedAt": "2025-03-14T03:30:00Z"}
                  """))
          .get(30, TimeUnit.SECONDS);
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> api.get("/api/partnerships/libraries/jumgal").status() == 200);
    String partner =
        api.post(
                "/api/partnerships/partners",
                "{\"name\": \"Чаек айыл өкмөтү\", \"type\": \"LOCAL_GOVERNMENT\"}")
            .body()
            .get("id")
            .asString();
    var project =
        api.post(
            "/api/partnerships/projects",
            """
            {"title": "Айыл китепканасы – маалымат борбору", "start": "2025-02-01",
             "end": "2025-09-30", "leadLibraryId": "jumgal",
             "partners": [{"partnerId": "%s", "roles": ["FUNDER"]}],
             "contentAreas": ["LOCAL_SELF_GOVERNMENT"]}
            """
                .formatted(partner));
    assertThat(project.status()).isEqualTo(201);
    String id = project.body().get("id").asString();

    try (var kafka =
        new KafkaTestConsumer(
            KAFKA.getBootstrapServers(), "partnerships.partners.v1", "partnerships.projects.v1")) {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(kafka.poll())
                      .filteredOn(r -> partner.equals(r.key()) || id.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .containsExactlyInAnyOrder(
                          "kitepkana.partnerships.partner.created",
                          "kitepkana.partnerships.project.proposed"));
      kafka.poll().stream()
          .filter(r -> partner.equals(r.key()) || id.equals(r.key()))
          .forEach(r -> EventContract.assertValid(r.header("ce_type"), r.body()));
    }
  }
}
