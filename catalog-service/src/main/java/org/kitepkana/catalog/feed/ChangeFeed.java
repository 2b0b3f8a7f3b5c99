package org.kitepkana.catalog.feed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.kitepkana.catalog.record.adapter.out.kafka.RecordEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delta feed: changes to the union catalogue after a cursor, read from the {@code
 * catalog.records.v1} log itself. A Kafka partition has a single writer and offsets are final once
 * visible, so paging by per-partition offsets can neither skip a change still in flight nor repeat
 * one. A cursor is the next offset of every partition, encoded.
 */
public final class ChangeFeed {

  /** One change as the feed shows it. */
  public record Change(
      String position, String eventId, String type, String recordId, String time, JsonNode data) {}

  /** A page of changes and the cursor to continue from. */
  public record Page(List<Change> changes, String nextCursor, boolean caughtUp) {}

  private static final Duration READ_BUDGET = Duration.ofSeconds(3);

  /**
   * The changes a branch makes itself (and may leave out with {@code excludeBranch}); a coordinator
   * moving or merging a branch's holding is news to the branch and always shown. Types the feed
   * does not know pass through unfiltered.
   */
  private static final java.util.Set<String> BRANCH_CHANGES =
      java.util.Set.of(
          RecordEvents.HOLDING_ADDED, RecordEvents.HOLDING_CHANGED, RecordEvents.HOLDING_WITHDRAWN);

  private final String topic;
  private final Map<String, Object> consumerProperties;
  private final JsonMapper json;

  public ChangeFeed(String topic, Map<String, Object> consumerProperties, JsonMapper json) {
    this.topic = topic;
    this.consumerProperties = new HashMap<>(consumerProperties);
    this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumerProperties.put(
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    this.consumerProperties.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    this.json = json;
  }

  public Page read(String cursor, int limit, String excludeBranch) {
    Map<Integer, Long> next = decode(cursor);
    Map<String, Object> props = new HashMap<>(consumerProperties);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, limit);
    try (var consumer = new KafkaConsumer<String, byte[]>(props)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      if (partitions.isEmpty()) {
        return new Page(List.of(), encode(next), true);
      }
      consumer.assign(partitions);
      Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
      for (TopicPartition tp : partitions) {
        long from = Math.max(next.getOrDefault(tp.partition(), 0L), beginnings.get(tp));
        next.put(tp.partition(), from);
        consumer.seek(tp, from);
      }
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      List<Change> changes = new ArrayList<>();
      long deadline = System.nanoTime() + READ_BUDGET.toNanos();
      while (changes.size() < limit && !caughtUp(next, ends) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          if (changes.size() >= limit || r.offset() != next.get(r.partition())) {
            continue;
          }
          next.put(r.partition(), r.offset() + 1);
          Change change = toChange(r);
          if (excludeBranch == null
              || !excludeBranch.equals(change.data().path("branchId").asString(null))
              || !BRANCH_CHANGES.contains(change.type())) {
            changes.add(change);
          }
        }
      }
      return new Page(changes, encode(next), caughtUp(next, ends));
    }
  }

  private Change toChange(ConsumerRecord<String, byte[]> r) {
    return new Change(
        r.partition() + "-" + r.offset(),
        header(r, "ce_id"),
        header(r, "ce_type"),
        header(r, "ce_subject"),
        header(r, "ce_time"),
        json.readTree(r.value() == null ? new byte[0] : r.value()));
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static boolean caughtUp(Map<Integer, Long> next, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream()
        .allMatch(e -> next.getOrDefault(e.getKey().partition(), 0L) >= e.getValue());
  }

  static Map<Integer, Long> decode(String cursor) {
    Map<Integer, Long> next = new TreeMap<>();
    if (cursor == null || cursor.isBlank()) {
      return next;
    }
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException();
    }
    for (String part : text.split(",")) {
      String[] kv = part.split(":");
      try {
        if (kv.length != 2) {
          throw new InvalidCursorException();
        }
        next.put(Integer.parseInt(kv[0]), Long.parseLong(kv[1]));
      } catch (NumberFormatException e) {
        throw new InvalidCursorException();
      }
    }
    return next;
  }

  static String encode(Map<Integer, Long> next) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(next)
        .forEach((p, o) -> text.append(text.isEmpty() ? "" : ",").append(p).append(':').append(o));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor is not one this feed gave out. */
  public static final class InvalidCursorException extends RuntimeException {
    InvalidCursorException() {
      super("not a cursor of this feed");
    }
  }
}
