package org.kitepkana.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the broker as a child JVM, round-trips a record, SIGKILLs it, restarts, reads again. */
class KafkaBrokerProcessIT {

  private static final String TOPIC = "devstack.it.records";

  @TempDir Path dir;

  @Test
  void aRecordSurvivesASigkilledBroker() throws Exception {
    KafkaBroker broker =
        KafkaBroker.builder()
            .dataDir(dir)
            .port(PortPlan.findFreePort())
            .controllerPort(PortPlan.findFreePort())
            .startTimeout(Duration.ofSeconds(120))
            .build();
    ManagedProcess kafka = broker.process();
    try {
      kafka.start();
      Duration firstStart = kafka.lastStartDuration().orElseThrow();
      assertThat(broker.isFormatted()).isTrue();
      String metaBefore = Files.readString(broker.logDirs().resolve("meta.properties"));

      RecordMetadata sent;
      try (KafkaProducer<String, String> producer = producer(broker.bootstrap())) {
        sent =
            producer
                .send(new ProducerRecord<>(TOPIC, "naryn-oblast", "Жамийла — Айтматов"))
                .get(30, TimeUnit.SECONDS);
      }
      assertThat(readAll(broker.bootstrap()))
          .extracting(ConsumerRecord::value)
          .containsExactly("Жамийла — Айтматов");

      kafka.kill();
      assertThat(kafka.isAlive()).isFalse();
      assertThat(kafka.exitCode()).contains(137);

      kafka.start();
      Duration restart = kafka.lastStartDuration().orElseThrow();

      List<ConsumerRecord<String, String>> again = readAll(broker.bootstrap());
      assertThat(again).hasSize(1);
      assertThat(again.get(0).key()).isEqualTo("naryn-oblast");
      assertThat(again.get(0).value()).isEqualTo("Жамийла — Айтматов");
      assertThat(again.get(0).partition()).isEqualTo(sent.partition());
      assertThat(again.get(0).offset()).isEqualTo(sent.offset());
      assertThat(Files.readString(broker.logDirs().resolve("meta.properties")))
          .as("not formatted again")
          .isEqualTo(metaBefore);
      assertThat(Files.readString(broker.consoleLog()).split("devstack: formatting", -1))
          .hasSize(2);
      assertThat(broker.kafkaLogFilesDir().resolve("server.log")).isNotEmptyFile();

      String timings =
          String.format(
              "kafka broker child process: first start (format + start) %d ms, restart after"
                  + " SIGKILL %d ms%n",
              firstStart.toMillis(), restart.toMillis());
      System.out.print(timings);
      Files.writeString(
          Path.of("target", "kafka-broker-startup.txt"), timings, StandardCharsets.UTF_8);
    } finally {
      kafka.stop();
    }
    assertThat(kafka.exitCode()).isPresent();
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"),
        new StringSerializer(),
        new StringSerializer());
  }

  private static List<ConsumerRecord<String, String>> readAll(String bootstrap) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (records.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
      // anything else already in the topic arrives in the next poll or two
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    }
    return records;
  }
}
