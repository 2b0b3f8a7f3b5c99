package org.kitepkana.catalog.stats;

import io.cloudevents.CloudEvent;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.kitepkana.catalog.record.adapter.out.kafka.RecordEvents;
import org.kitepkana.platform.kafka.EventBatches;
import org.kitepkana.platform.kafka.KafkaConsumerConfiguration;
import org.kitepkana.platform.kafka.ProcessedEvents;
import org.kitepkana.platform.kafka.ReceivedEvent;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds {@link HoldingStatistics} from the records topic. One consumer group for all instances:
 * each event is counted once. It takes each poll as a batch (an import publishes thousands of
 * holdings a second): one lookup of the processed ids, one bulk upsert, one insert of the ids. A
 * message that cannot be read goes to the dead-letter topic alone; its neighbours are counted.
 */
class HoldingStatisticsListener {

  static final String CONSUMER = "catalog-statistics";

  /** A holding event to count, with the id that makes counting it idempotent. */
  private record Counted(String eventId, HoldingStatistics.Change change) {}

  private final HoldingStatistics statistics;
  private final ProcessedEvents processed;
  private final JsonMapper json;

  HoldingStatisticsListener(
      HoldingStatistics statistics, ProcessedEvents processed, JsonMapper json) {
    this.statistics = statistics;
    this.processed = processed;
    this.json = json;
  }

  @KafkaListener(
      id = CONSUMER,
      topics = RecordEvents.TOPIC,
      groupId = CONSUMER,
      containerFactory = KafkaConsumerConfiguration.BATCH_FACTORY)
  void on(List<ConsumerRecord<String, CloudEvent>> records) {
    EventBatches.apply(
        records,
        this::read,
        counted ->
            processed.applyOnce(
                CONSUMER,
                counted,
                Counted::eventId,
                fresh -> statistics.apply(fresh.stream().map(Counted::change).toList())));
  }

  /** The holding change an event tells, or null for an event that changes no count. */
  private Counted read(ReceivedEvent event) {
    if (event.type() == null || !event.type().startsWith("kitepkana.catalog.holding.")) {
      return null;
    }
    JsonNode data = json.readTree(event.json());
    String status =
        switch (event.type()) {
          case RecordEvents.HOLDING_WITHDRAWN -> "WITHDRAWN";
          case RecordEvents.HOLDING_ADDED, RecordEvents.HOLDING_CHANGED ->
              required(data, "status").asString();
          // A move changes the holding's record, never its branch, copies or status. Counted from
          // the copy under the new record; the one under the old record only says it left.
          case RecordEvents.HOLDING_MOVED ->
              required(data, "recordId").asString().equals(required(data, "toRecordId").asString())
                  ? required(data, "status").asString()
                  : null;
          default -> null;
        };
    if (status == null) {
      return null;
    }
    return new Counted(
        event.id(),
        new HoldingStatistics.Change(
            required(data, "branchId").asString(),
            required(data, "itemId").asString(),
            required(data, "recordId").asString(),
            required(data, "recordVersion").asLong(),
            data.path("moves").asInt(0),
            data.has("copies") ? data.get("copies").asInt() : null,
            status));
  }

  private static JsonNode required(JsonNode data, String field) {
    JsonNode value = data.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("event data lacks " + field);
    }
    return value;
  }
}
