package org.kitepkana.partnership.outcome.adapter.in.kafka;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.kitepkana.partnership.outcome.application.LibraryEventLog;
import org.kitepkana.partnership.outcome.domain.LibraryEventState;
import org.kitepkana.platform.kafka.KafkaConsumerConfiguration;
import org.kitepkana.platform.kafka.ProcessedEvents;
import org.kitepkana.platform.kafka.ReceivedEvent;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds the {@link LibraryEventLog} from {@value #TOPIC}: every {@code kitepkana.events.event.*}
 * carries the full public state of a library event (docs/topics.md), so the latest version of each
 * event is kept and project outcomes are derived from it. Campaign events and unknown types are
 * skipped. One consumer group for all instances (the log is in the shared database); event ids are
 * remembered and the apply is guarded by version, so replays and duplicates change nothing. A
 * message that cannot be read goes to the dead-letter topic after bounded retries.
 */
public class ScheduleListener {

  public static final String TOPIC = "events.schedule.v1";
  static final String CONSUMER = "partnership-outcomes";
  static final String EVENT_TYPES = "kitepkana.events.event.";

  private final LibraryEventLog log;
  private final ProcessedEvents processed;
  private final JsonMapper json;

  public ScheduleListener(LibraryEventLog log, ProcessedEvents processed, JsonMapper json) {
    this.log = log;
    this.processed = processed;
    this.json = json;
  }

  @KafkaListener(
      topics = TOPIC,
      groupId = "${kitepkana.partnerships.consumer-group-prefix:partnership-service}-outcomes",
      containerFactory = KafkaConsumerConfiguration.FACTORY)
  public void on(ConsumerRecord<String, CloudEvent> record) {
    ReceivedEvent event = ReceivedEvent.of(record);
    if (event.type() == null || !event.type().startsWith(EVENT_TYPES)) {
      return;
    }
    LibraryEventState state = parse(json.readTree(event.json()));
    processed.applyOnce(CONSUMER, event.id(), () -> log.apply(state));
  }

  static LibraryEventState parse(JsonNode data) {
    JsonNode attendance = data.get("attendance");
    boolean attended = attendance != null && attendance.isObject();
    return new LibraryEventState(
        required(data, "eventId").asString(),
        required(data, "version").asLong(),
        required(data, "status").asString(),
        text(data.get("projectId")),
        text(data.get("branchId")),
        title(data.get("title")),
        text(data.get("start")),
        attended ? number(attendance, "total") : null,
        attended ? number(attendance, "walkIns") : null);
  }

  private static String title(JsonNode title) {
    if (title == null || title.isNull()) {
      return null;
    }
    if (title.isString()) {
      return title.asString();
    }
    for (String language : new String[] {"ky", "ru", "en"}) {
      String text = text(title.get(language));
      if (text != null && !text.isBlank()) {
        return text;
      }
    }
    return null;
  }

  private static Integer number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber()) {
      throw new IllegalArgumentException("attendance." + field + " is not a whole number");
    }
    return value.asInt();
  }

  private static JsonNode required(JsonNode data, String field) {
    JsonNode value = data.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("library event data lacks " + field);
    }
    return value;
  }

  private static String text(JsonNode value) {
    return value == null || value.isNull() ? null : value.asString();
  }
}
