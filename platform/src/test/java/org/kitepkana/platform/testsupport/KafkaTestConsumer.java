package org.kitepkana.platform.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A plain Kafka consumer for assertions: reads a topic from the beginning with its own group and
 * shows each record's key, headers and UTF-8 body, without any CloudEvents or Spring code.
 */
public final class KafkaTestConsumer implements AutoCloseable {

  /** One record as a test sees it. */
  public record Seen(String topic, String key, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name);
    }
  }

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<Seen> seen = new ArrayList<>();

  public KafkaTestConsumer(String bootstrap, String... topics) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    consumer = new KafkaConsumer<>(props);
    consumer.subscribe(List.of(topics));
  }

  /** Polls once (briefly) and returns everything seen so far. */
  public synchronized List<Seen> poll() {
    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      for (Header h : r.headers()) {
        headers.put(
            h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
      }
      seen.add(
          new Seen(
              r.topic(),
              r.key(),
              headers,
              r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8)));
    }
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
