package org.kitepkana.platform.kafka;

import io.cloudevents.CloudEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Applies the records of a batch listener ({@link KafkaConsumerConfiguration#BATCH_FACTORY}) in
 * bulk, with the failure handling of a record listener: a record that cannot be read, or whose
 * apply fails, is reported by its index, so the container commits the records before it, retries it
 * (bounded) and then dead-letters it alone, and delivers the records after it again.
 *
 * <p>{@code apply} gets the items in the order of their records and must be idempotent (guarded
 * upserts, {@link ProcessedEvents#applyOnce(String, List, Function, Consumer)}): when a bulk apply
 * fails, the items are applied again one by one to find the one that fails, and the records from
 * that one on are delivered again.
 */
public final class EventBatches {

  private static final Logger log = LoggerFactory.getLogger(EventBatches.class);

  private EventBatches() {}

  /**
   * Reads every record with {@code read} (null: nothing to apply for it; an exception: the record
   * is poison) and hands the items to {@code apply}, in as few calls as the failures allow.
   */
  public static <T> void apply(
      List<ConsumerRecord<String, CloudEvent>> records,
      Function<ReceivedEvent, T> read,
      Consumer<List<T>> apply) {
    List<T> items = new ArrayList<>(records.size());
    List<Integer> indexes = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      ConsumerRecord<String, CloudEvent> record = records.get(i);
      T item;
      try {
        item = read.apply(ReceivedEvent.of(record));
      } catch (RuntimeException e) {
        // Whatever precedes the unreadable record is applied (and then committed) first.
        applyAll(records, items, indexes, apply);
        throw new BatchListenerFailedException(
            "cannot read " + coordinates(record) + ": " + e.getMessage(), e, i);
      }
      if (item != null) {
        items.add(item);
        indexes.add(i);
      }
    }
    applyAll(records, items, indexes, apply);
  }

  private static <T> void applyAll(
      List<ConsumerRecord<String, CloudEvent>> records,
      List<T> items,
      List<Integer> indexes,
      Consumer<List<T>> apply) {
    if (items.isEmpty()) {
      return;
    }
    try {
      apply.accept(List.copyOf(items));
      return;
    } catch (RuntimeException e) {
      log.debug("Bulk apply of {} items failed, applying them one by one: {}", items.size(), e);
    }
    for (int j = 0; j < items.size(); j++) {
      try {
        apply.accept(List.of(items.get(j)));
      } catch (RuntimeException e) {
        int index = indexes.get(j);
        throw new BatchListenerFailedException(
            "cannot apply " + coordinates(records.get(index)) + ": " + e.getMessage(), e, index);
      }
    }
  }

  private static String coordinates(ConsumerRecord<String, CloudEvent> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }
}
