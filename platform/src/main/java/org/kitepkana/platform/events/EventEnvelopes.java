package org.kitepkana.platform.events;

import java.time.Clock;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes {@link EventEnvelope}s for one service: fills in the source, a fresh id, the time from the
 * injected clock, the schema path, the JSON body from a wire record, and the trace context of the
 * calling thread (the request or the consumed event that causes the change), which the relay
 * continues when it publishes. An envelope made outside any trace carries none: the relay then
 * publishes it without a trace context rather than inventing a trace per event.
 */
public final class EventEnvelopes {

  private final String source;
  private final JsonMapper json;
  private final Clock clock;
  private final TraceCapture traces;

  /** Envelopes without trace context. */
  public EventEnvelopes(String source, JsonMapper json, Clock clock) {
    this(source, json, clock, TraceCapture.NONE);
  }

  public EventEnvelopes(String source, JsonMapper json, Clock clock, TraceCapture traces) {
    this.source = source;
    this.json = json;
    this.clock = clock;
    this.traces = traces;
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
        json.writeValueAsString(data),
        traces.current().orElse(null));
  }

  public static String schemaPath(String type) {
    return "schemas/" + type + ".json";
  }

  public String source() {
    return source;
  }
}
