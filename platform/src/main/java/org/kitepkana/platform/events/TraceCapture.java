package org.kitepkana.platform.events;

import java.util.Optional;

/**
 * Reads the trace context of the calling thread, so that {@link EventEnvelopes#create} can store it
 * with the event. The platform's implementation reads Micrometer Tracing's current span; {@link
 * #NONE} captures nothing.
 */
@FunctionalInterface
public interface TraceCapture {

  /** Captures nothing: envelopes carry no trace context. */
  TraceCapture NONE = Optional::empty;

  /** The current span's context, or empty when the thread has no current span. */
  Optional<TraceParent> current();
}
