package org.kitepkana.platform.events;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The W3C trace context (https://www.w3.org/TR/trace-context/) of the change an event describes:
 * the {@code traceparent} of the span that made the change, and its {@code tracestate} if any. It
 * is stored with the pending event, because the relay publishes on another thread, later, perhaps
 * in another process.
 *
 * @param traceparent {@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}
 * @param tracestate vendor entries, or {@code null}
 */
public record TraceParent(String traceparent, String tracestate) {

  private static final Pattern FORMAT =
      Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final String NO_TRACE = "0".repeat(32);
  private static final String NO_PARENT = "0".repeat(16);

  public TraceParent {
    Objects.requireNonNull(traceparent, "traceparent");
    if (!FORMAT.matcher(traceparent).matches()
        || traceparent.startsWith("ff")
        || traceId(traceparent).equals(NO_TRACE)
        || traceparent.substring(36, 52).equals(NO_PARENT)) {
      throw new IllegalArgumentException("not a W3C traceparent: " + traceparent);
    }
    tracestate = tracestate == null || tracestate.isBlank() ? null : tracestate;
  }

  /** A trace context without {@code tracestate}. */
  public static TraceParent of(String traceparent) {
    return new TraceParent(traceparent, null);
  }

  /**
   * A trace context from header values, or empty when {@code traceparent} is missing or malformed
   * (a bad header never stops an event).
   */
  public static Optional<TraceParent> parse(String traceparent, String tracestate) {
    if (traceparent == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new TraceParent(traceparent.trim(), tracestate));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The 32 hex digits that every span of the trace shares. */
  public String traceId() {
    return traceId(traceparent);
  }

  /** The 16 hex digits of the span that made the change. */
  public String parentId() {
    return traceparent.substring(36, 52);
  }

  private static String traceId(String traceparent) {
    return traceparent.substring(3, 35);
  }
}
