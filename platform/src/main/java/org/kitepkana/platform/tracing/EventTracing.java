package org.kitepkana.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.kitepkana.platform.events.EventEnvelope;
import org.kitepkana.platform.events.TraceCapture;
import org.kitepkana.platform.events.TraceParent;

/**
 * Carries W3C trace context across the outbox, on Micrometer Tracing (the OpenTelemetry bridge in
 * the services).
 *
 * <ul>
 *   <li>{@link #current()} captures the calling thread's span when an event is made, so the pending
 *       event stores the context of the request (or consumed event) that caused it.
 *   <li>{@link #startPublish} starts the relay's producer span as a child of that stored context;
 *       its context is what the Kafka record carries ({@code traceparent} header and the
 *       CloudEvents distributed-tracing attribute). An event stored without a context is published
 *       without one.
 * </ul>
 *
 * Without a tracer ({@link #disabled()}), nothing is captured and a stored context is passed on
 * unchanged, so a service with tracing switched off does not break a trace that reached it.
 */
public final class EventTracing implements TraceCapture {

  public static final String TRACEPARENT = "traceparent";
  public static final String TRACESTATE = "tracestate";

  private static final EventTracing DISABLED = new EventTracing(null, null);

  private final Tracer tracer;
  private final Propagator propagator;

  private EventTracing(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  public static EventTracing of(Tracer tracer, Propagator propagator) {
    if (tracer == null || propagator == null || tracer == Tracer.NOOP) {
      return DISABLED;
    }
    return new EventTracing(tracer, propagator);
  }

  /** Captures nothing and passes stored contexts on unchanged. */
  public static EventTracing disabled() {
    return DISABLED;
  }

  @Override
  public Optional<TraceParent> current() {
    if (tracer == null) {
      return Optional.empty();
    }
    TraceContext context = tracer.currentTraceContext().context();
    return context == null ? Optional.empty() : toTraceParent(context);
  }

  /**
   * Starts the producer span of one event's publication, a child of the context stored with it. End
   * it with {@link Publication#end} when Kafka has answered.
   */
  public Publication startPublish(EventEnvelope envelope) {
    TraceParent stored = envelope.trace();
    if (stored == null) {
      return Publication.UNTRACED;
    }
    if (tracer == null) {
      return new Publication(stored, null);
    }
    Span span =
        kafkaSpan(
                propagator,
                stored.traceparent(),
                stored.tracestate(),
                envelope.topic(),
                "publish",
                Span.Kind.PRODUCER)
            .tag("messaging.message.id", envelope.id())
            .tag("cloudevents.event_type", envelope.type())
            .start();
    return new Publication(toTraceParent(span.context()).orElse(stored), span);
  }

  /**
   * A Kafka span, not started: a child of the W3C context {@code traceparent} and {@code
   * tracestate} (may be null), named {@code "<topic> <operation>"}, with the messaging tags every
   * Kafka span here carries. The producer span of a publication and the consumer span of a consumed
   * record's log line are both made here.
   */
  public static Span.Builder kafkaSpan(
      Propagator propagator,
      String traceparent,
      String tracestate,
      String topic,
      String operation,
      Span.Kind kind) {
    Map<String, String> carrier = new HashMap<>();
    carrier.put(TRACEPARENT, traceparent);
    if (tracestate != null) {
      carrier.put(TRACESTATE, tracestate);
    }
    return propagator
        .extract(carrier, Map::get)
        .name(topic + " " + operation)
        .kind(kind)
        .tag("messaging.system", "kafka")
        .tag("messaging.operation", operation)
        .tag("messaging.destination.name", topic);
  }

  private Optional<TraceParent> toTraceParent(TraceContext context) {
    Map<String, String> headers = new HashMap<>();
    propagator.inject(context, headers, Map::put);
    Optional<TraceParent> injected =
        TraceParent.parse(headers.get(TRACEPARENT), headers.get(TRACESTATE));
    if (injected.isPresent()) {
      return injected;
    }
    // Propagation configured to produce another format (B3): the Kafka header is W3C regardless.
    return TraceParent.parse(
        "00-"
            + context.traceId()
            + "-"
            + context.spanId()
            + (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00"),
        null);
  }

  /** One event's publication: the context to send with it, and its producer span if any. */
  public static final class Publication {

    static final Publication UNTRACED = new Publication(null, null);

    private final TraceParent trace;
    private final Span span;

    Publication(TraceParent trace, Span span) {
      this.trace = trace;
      this.span = span;
    }

    /** The context the Kafka record carries, or empty for an event made outside any trace. */
    public Optional<TraceParent> trace() {
      return Optional.ofNullable(trace);
    }

    /** Ends the producer span; {@code error} is the failure of the send, or {@code null}. */
    public void end(Throwable error) {
      if (span == null) {
        return;
      }
      if (error != null) {
        span.error(error);
      }
      span.end();
    }
  }
}
