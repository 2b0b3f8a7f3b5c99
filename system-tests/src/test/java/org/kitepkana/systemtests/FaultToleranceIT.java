package org.kitepkana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kitepkana.devstack.ManagedProcess;

/** Processes die; acknowledged changes do not. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

  static GatewayClient gateway;
  static String regional;

  @BeforeAll
  static void region() {
    gateway = Platform.gateway();
    regional = "naryn-" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(
            gateway
                .registerBranch(regional, "Нарын облустук китепканасы", "REGIONAL", null)
                .status())
        .isEqualTo(201);
  }

  static String branch(String name) {
    String id = name + "-" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(gateway.registerBranch(id, name, "VILLAGE", regional).status()).isEqualTo(201);
    return id;
  }

  @Test
  @Order(1)
  void brokerKilledWhileBatchesAreAcceptedLosesNothingAndKeepsOrder() {
    var stack = Platform.stack();
    var work = new Workload(gateway, branch("ottuk"), "broker", 20);
    try (var topic = new TopicReader(stack.kafkaBootstrap(), "catalog.records.v1")) {
      for (int i = 0; i < 5; i++) {
        work.sendNext();
      }
      stack.kafka().kill();
      for (int i = 0; i < 10; i++) {
        assertThat(work.sendNext()).as("accepted at once while the broker is down").isEqualTo(1);
      }
      stack.kafka().start();
      for (int i = 0; i < 5; i++) {
        work.sendNext();
      }
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> work.allArrived(topic.poll()));
      work.assertEveryAcknowledgedChangeArrivedOnceInOrder(topic.poll());
    }
  }

  @Test
  @Order(2)
  void catalogKilledMidStreamAndRestartedLosesNothingAcknowledged() throws Exception {
    var stack = Platform.stack();
    var work = new Workload(gateway, branch("kara-suu"), "crash", 50);
    try (var topic = new TopicReader(stack.kafkaBootstrap(), "catalog.records.v1")) {
      var writer =
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < 30; i++) {
                  work.sendNext();
                }
              });
      await().atMost(Duration.ofSeconds(60)).until(() -> work.acknowledged() >= 5);
      ManagedProcess catalog = stack.service("catalog");
      catalog.kill();
      catalog.start();
      writer.get();
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> work.allArrived(topic.poll()));
      work.assertEveryAcknowledgedChangeArrivedOnceInOrder(topic.poll());
    }
  }

  @Test
  @Order(3)
  void poisonMessageGoesToItsDeadLetterTopicAndLaterMessagesStillFlow() throws Exception {
    var stack = Platform.stack();
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    String poisonKey = "poison-" + UUID.randomUUID();
    try (var producer = new KafkaProducer<String, byte[]>(props);
        var dlt = new TopicReader(stack.kafkaBootstrap(), "catalog.records.v1.dlt")) {
      producer
          .send(
              new ProducerRecord<>(
                  "catalog.records.v1",
                  poisonKey,
                  "not a cloud event {".getBytes(StandardCharsets.UTF_8)))
          .get();

      String village = branch("dostuk");
      var answer =
          gateway.sync(
              village,
              "after-poison",
              "["
                  + GatewayClient.upsert("p-1", "Ак кеме", "Айтматов, Чыңгыз", null, 1970, 7)
                  + "]");
      assertThat(answer.status()).isEqualTo(200);

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> assertThat(dlt.poll()).extracting(TopicReader.Seen::key).contains(poisonKey));
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                var stats = gateway.get("/api/catalog/statistics/branches");
                Map<String, Integer> copies = new HashMap<>();
                stats
                    .body()
                    .forEach(
                        b -> copies.put(b.get("branchId").asString(), b.get("copies").asInt()));
                assertThat(copies).containsEntry(village, 7);
              });
    }
  }

  @Test
  @Order(4)
  void twoCatalogInstancesBothServeAndPublishEveryEventOnce() {
    var stack = Platform.stack();
    int port = Platform.freePort();
    ManagedProcess second = stack.startServiceInstance("catalog", port);
    try (var topic = new TopicReader(stack.kafkaBootstrap(), "catalog.records.v1")) {
      var direct = new GatewayClient("http://127.0.0.1:" + port);
      var viaGateway = new Workload(gateway, branch("chaek"), "twins", 20);
      var viaSecond = new Workload(direct, branch("baetov"), "twins", 20);
      for (int i = 0; i < 10; i++) {
        viaGateway.sendNext();
        viaSecond.sendNext();
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> viaGateway.allArrived(topic.poll()) && viaSecond.allArrived(topic.poll()));
      var records = viaGateway.recordIds();
      assertThat(viaSecond.recordIds()).as("both branches hold the same books").isEqualTo(records);
      var ids =
          topic.poll().stream()
              .filter(r -> records.contains(r.key()))
              .map(r -> r.header("ce_id"))
              .toList();
      assertThat(ids).doesNotHaveDuplicates();
      viaGateway.assertEveryAcknowledgedChangeArrivedOnceInOrder(topic.poll());
      viaSecond.assertEveryAcknowledgedChangeArrivedOnceInOrder(topic.poll());
    } finally {
      second.stop();
    }
  }
}
