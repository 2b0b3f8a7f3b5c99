package org.kitepkana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.kitepkana.devstack.Devstack;

/**
 * One request followed from the edge to a consumer in another service: a coordinator revises a
 * branch through the gateway with a chosen W3C {@code traceparent}; the {@code
 * kitepkana.catalog.branch.updated} event catalog-service publishes on {@code network.branches.v1}
 * (from its outbox, later, on the relay's thread) carries that trace; and events-service, which
 * keeps the branch directory as a read model, logs its handling of that very event with the same
 * trace id.
 */
class TraceThroughGatewayIT {

  static final String TOPIC = "network.branches.v1";

  @Test
  void aBranchRevisionIsTracedFromTheGatewayThroughKafkaIntoEventsService() {
    Devstack stack = Platform.stack();
    GatewayClient gateway = Platform.gateway();
    String branch = "naryn-traced-" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(
            gateway.registerBranch(branch, "Нарын облустук китепканасы", "REGIONAL", null).status())
        .isEqualTo(201);
    String traceId = hex(16);
    String traceparent = "00-" + traceId + "-" + hex(8) + "-01";

    var revised =
        gateway.put(
            "/api/catalog/branches/" + branch,
            """
            {"name": "Нарын облустук универсалдуу илимий китепканасы", "type": "REGIONAL",
             "district": "Нарын", "address": "Нарын ш., Ленин к., 30", "languages": ["ky", "ru"]}
            """,
            Map.of("traceparent", traceparent));
    assertThat(revised.status()).as(revised.raw()).isEqualTo(200);

    TopicReader.Seen updated;
    try (var topic = new TopicReader(stack.kafkaBootstrap(), TOPIC)) {
      updated =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () ->
                      topic.poll().stream()
                          .filter(r -> branch.equals(r.key()))
                          .filter(
                              r -> "kitepkana.catalog.branch.updated".equals(r.header("ce_type")))
                          .findFirst()
                          .orElse(null),
                  r -> r != null);
    }
    assertThat(updated.header("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01");
    assertThat(updated.header("ce_traceparent")).isEqualTo(updated.header("traceparent"));

    Path eventsLog = stack.service("events").logFile();
    String consumed = "Consumed kitepkana.catalog.branch.updated " + updated.header("ce_id");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(lines(eventsLog))
                    .filteredOn(line -> line.contains(consumed))
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line).contains("[" + traceId + ",")));
  }

  private static List<String> lines(Path log) {
    try {
      // The service is still writing: a line cut mid-character is read with a replacement.
      return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    random[0] |= 1;
    return HexFormat.of().formatHex(random);
  }
}
