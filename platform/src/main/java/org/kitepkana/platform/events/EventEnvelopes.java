package org.kitepkana.platform.events;

import java.time.Clock;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes {@link EventEnvelope}s for one service: fills in the source, a fresh id, the time from the
 * injected clock, the schema path, and the JSON body from a wire record.
 */
public final class EventEnvelopes {

  private final String source;
  private final JsonMapper json;
  private final Clock clock;

  public EventEnvelopes(String source, JsonMapper json, Clock clock) {
    this.source = source;
    this.json = json;
    this.clock = clock;
  }

  /**
   * @param topic Kafka topic
   * @param aggregateId Kafka key and CloudEvent subject
   * @param type CloudEvent type; its schema is {@code schemas/<type>.json} in contracts
   * @param data a wire record, serialized to JSON
   */
  public EventEnvelope create(String topic, String aggregateId, String type, Object data) {
    return new EventEnvelope(
        UUID.randomUUID().toString(),
        topic,
        aggregateId,
        type,
        source,
        aggregateId,
        schemaPath(type),
        clock.instant(),
        json.writeValueAsString(data));
  }

  public static String schemaPath(String type) {
    return "schemas/" + type + ".json";
  }

  public String source() {
    return source;
  }
}
