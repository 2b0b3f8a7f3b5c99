package org.kitepkana.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/** Lets tests outside this package read the instance's index, and build another from the topic. */
public final class SearchIndexProbe {

  private SearchIndexProbe() {}

  /** The indexed state of these records (those the index knows), by id. */
  public static Map<String, String> states(ApplicationContext context, Collection<String> ids) {
    return only(context.getBean(SearchIndex.class).states(), ids);
  }

  /**
   * Builds a fresh index in a temporary directory by replaying the whole topic from its start,
   * exactly as a rebuild does, and returns the state of these records in it.
   */
  public static Map<String, String> replayed(
      String bootstrap, String topic, Collection<String> ids) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    try (var consumer = new KafkaConsumer<String, byte[]>(props);
        var index =
            new SearchIndex(
                Files.createTempDirectory("kitepkana-replayed-index"),
                JsonMapper.builder().build())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        for (var r : consumer.poll(Duration.ofMillis(200))) {
          Header type = r.headers().lastHeader("ce_type");
          index.apply(
              type == null ? null : new String(type.value(), StandardCharsets.UTF_8),
              r.key(),
              r.value() == null ? "{}" : new String(r.value(), StandardCharsets.UTF_8),
              r.partition(),
              r.offset());
        }
      }
      index.refresh();
      return only(index.states(), ids);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> only(Map<String, String> all, Collection<String> ids) {
    Map<String, String> wanted = new TreeMap<>();
    ids.forEach(
        id -> {
          if (all.containsKey(id)) {
            wanted.put(id, all.get(id));
          }
        });
    return wanted;
  }
}
