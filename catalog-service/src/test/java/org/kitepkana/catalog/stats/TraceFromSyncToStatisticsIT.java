package org.kitepkana.catalog.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kitepkana.catalog.CatalogApi;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructure;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructureTest;
import org.kitepkana.platform.testsupport.KafkaTestConsumer;
import org.kitepkana.platform.testsupport.KafkaTestConsumer.Seen;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One trace from a branch's sync batch to the statistics consumer: the batch arrives with a W3C
 * {@code traceparent}, the holding it adds is published on {@code catalog.records.v1} with that
 * trace, and the statistics listener counts it inside the same trace (its log line says so).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "logging.level.org.kitepkana.platform.kafka.ConsumedEventLog=DEBUG")
@EmbeddedInfrastructureTest
@ExtendWith(OutputCaptureExtension.class)
class TraceFromSyncToStatisticsIT {

  @LocalServerPort int port;

  @Test
  void aSyncBatchSentInATraceIsPublishedAndCountedInThatTrace(CapturedOutput output) {
    CatalogApi api = new CatalogApi("http://127.0.0.1:" + port);
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String regional = "naryn-oblast-" + suffix;
    String branch = "kochkor-" + suffix;
    assertThat(
            api.registerBranch(regional, "Нарын облустук китепканасы", "REGIONAL", null).status())
        .isEqualTo(201);
    assertThat(
            api.registerBranch(branch, "Кочкор райондук китепканасы", "DISTRICT", regional)
                .status())
        .isEqualTo(201);
    String traceId = hex(16);
    String traceparent = "00-" + traceId + "-" + hex(8) + "-01";

    var answer =
        api.put(
            "/api/catalog/branches/" + branch + "/sync-batches/traced-1",
            """
            {"items": [{"op": "UPSERT", "itemId": "inv-traced", "callNumber": "84(2Ки)",
              "copies": 3, "location": "абонемент",
              "description": {"title": "Саманчынын жолу", "authors": ["Айтматов, Чыңгыз"],
                              "year": 1963, "language": "ky", "kind": "BOOK"}}]}
            """,
            Map.of("traceparent", traceparent));

    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    String recordId = answer.body().get("items").get(0).get("recordId").asString();
    try (KafkaTestConsumer records =
        new KafkaTestConsumer(EmbeddedInfrastructure.kafkaBootstrap(), "catalog.records.v1")) {
      Seen added =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      records.poll().stream()
                          .filter(r -> recordId.equals(r.key()))
                          .filter(
                              r -> "kitepkana.catalog.holding.added".equals(r.header("ce_type")))
                          .findFirst()
                          .orElse(null),
                  r -> r != null);
      assertThat(added.header("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01");
      assertThat(added.header("ce_traceparent")).isEqualTo(added.header("traceparent"));

      String eventId = added.header("ce_id");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(output.getOut().lines())
                      .anySatisfy(
                          line ->
                              assertThat(line)
                                  .contains(
                                      "[" + traceId + ",",
                                      "Consumed kitepkana.catalog.holding.added " + eventId,
                                      "(group " + HoldingStatisticsListener.CONSUMER + ")")));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> assertThat(api.get("/api/catalog/statistics/branches").raw()).contains(branch));
    }
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    random[0] |= 1;
    return HexFormat.of().formatHex(random);
  }
}
