package org.kitepkana.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * A plain Kafka consumer, sharing no code with the services: reads topics from the beginning and
 * keeps every record with its headers and UTF-8 body.
 */
final class TopicReader implements AutoCloseable {

  /** One record as seen on the wire. */
  record Seen(
      String topic,
      int partition,
      long offset,
      String key,
      Map<String, String> headers,
      String body) {
    String header(String name) {
      return headers.get(name);
    }
  }

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<Seen> seen = new ArrayList<>();

  TopicReader(String bootstrap, String... topics) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000);
    consumer = new KafkaConsumer<>(props);
    consumer.subscribe(List.of(topics));
  }

  synchronized List<Seen> poll() {
    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
      Map<String, String> headers = new LinkedHashMap<>();
      for (Header h : r.headers()) {
        headers.put(
            h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
      }
      seen.add(
          new Seen(
              r.topic(),
              r.partition(),
              r.offset(),
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
