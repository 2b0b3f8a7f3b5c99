package org.kitepkana.platform.events;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bson.Document;

/**
 * One event on its way to Kafka: the CloudEvents attributes, the Kafka topic and key, and the JSON
 * body. It is stored inside the aggregate's document (the outbox) in the same update as the change
 * it describes, and published from there by the {@link org.kitepkana.platform.outbox.OutboxRelay}.
 *
 * @param id unique CloudEvent id; consumers deduplicate by it
 * @param topic the Kafka topic, e.g. {@code catalog.records.v1}
 * @param key the Kafka key: the aggregate id, so one aggregate's events stay in order
 * @param type e.g. {@code kitepkana.catalog.holding.added}
 * @param source e.g. {@code /catalog-service}
 * @param subject the aggregate id the event is about
 * @param dataschema the schema's path in contracts, e.g. {@code schemas/<type>.json}
 * @param time when the change happened
 * @param data the JSON body (UTF-8 text)
 * @param trace the trace context of the change, or {@code null} when it was made outside any trace;
 *     the relay continues this trace when it publishes
 */
public record EventEnvelope(
    String id,
    String topic,
    String key,
    String type,
    String source,
    String subject,
    String dataschema,
    Instant time,
    String data,
    TraceParent trace) {

  public EventEnvelope {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(data, "data");
  }

  /** An envelope outside any trace. */
  public EventEnvelope(
      String id,
      String topic,
      String key,
      String type,
      String source,
      String subject,
      String dataschema,
      Instant time,
      String data) {
    this(id, topic, key, type, source, subject, dataschema, time, data, null);
  }

  /** This envelope with another trace context ({@code null} for none). */
  public EventEnvelope withTrace(TraceParent trace) {
    return new EventEnvelope(id, topic, key, type, source, subject, dataschema, time, data, trace);
  }

  /**
   * The form kept in an aggregate's outbox array. The trace context is written only when there is
   * one, so documents of events made outside a trace keep their old shape.
   */
  public Document toDocument() {
    Document doc =
        new Document("id", id)
            .append("topic", topic)
            .append("key", key)
            .append("type", type)
            .append("source", source)
            .append("subject", subject)
            .append("dataschema", dataschema)
            .append("time", Date.from(time))
            .append("data", data);
    if (trace != null) {
      doc.append("traceparent", trace.traceparent());
      if (trace.tracestate() != null) {
        doc.append("tracestate", trace.tracestate());
      }
    }
    return doc;
  }

  public static EventEnvelope fromDocument(Document d) {
    return new EventEnvelope(
        d.getString("id"),
        d.getString("topic"),
        d.getString("key"),
        d.getString("type"),
        d.getString("source"),
        d.getString("subject"),
        d.getString("dataschema"),
        d.getDate("time").toInstant(),
        d.getString("data"),
        TraceParent.parse(d.getString("traceparent"), d.getString("tracestate")).orElse(null));
  }
}
