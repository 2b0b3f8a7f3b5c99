package org.kitepkana.gateway.ratelimit;

import java.time.Duration;

/**
 * The answer for one request.
 *
 * @param allowed whether the request may go on
 * @param limit the limit that applied
 * @param remaining whole tokens left after this request (0 when rejected)
 * @param retryAfter when rejected, how long until the next token; {@link Duration#ZERO} otherwise
 */
public record RateLimitDecision(
    boolean allowed, RateLimit limit, long remaining, Duration retryAfter) {

  static RateLimitDecision allowed(RateLimit limit, long remaining) {
    return new RateLimitDecision(true, limit, remaining, Duration.ZERO);
  }

  static RateLimitDecision rejected(RateLimit limit, long waitNanos) {
    return new RateLimitDecision(false, limit, 0, Duration.ofNanos(waitNanos));
  }
}
