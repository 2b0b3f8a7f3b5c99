package org.kitepkana.catalog.stats;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.kitepkana.catalog.record.adapter.out.kafka.RecordEvents;
import org.kitepkana.platform.kafka.KafkaConsumerConfiguration;
import org.kitepkana.platform.kafka.ProcessedEvents;
import org.kitepkana.platform.kafka.ReceivedEvent;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds {@link HoldingStatistics} from the records topic. One consumer group for all instances:
 * each event is counted once. A message that cannot be read goes to the dead-letter topic.
 */
class HoldingStatisticsListener {

  static final String CONSUMER = "catalog-statistics";

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
      topics = RecordEvents.TOPIC,
      groupId = CONSUMER,
      containerFactory = KafkaConsumerConfiguration.FACTORY)
  void on(ConsumerRecord<String, CloudEvent> record) {
    ReceivedEvent event = ReceivedEvent.of(record);
    if (event.type() == null || !event.type().startsWith("kitepkana.catalog.holding.")) {
      return;
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
      return;
    }
    processed.applyOnce(
        CONSUMER,
        event.id(),
        () ->
            statistics.apply(
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
