package org.kitepkana.gateway.ratelimit;

/**
 * A token bucket's shape: it refills at {@code requestsPerSecond} and holds at most {@code burst}
 * tokens, so a quiet client may send {@code burst} requests at once and then {@code
 * requestsPerSecond} on average.
 *
 * @param requestsPerSecond sustained rate, more than zero (fractions allowed: 0.5 is one request
 *     every two seconds)
 * @param burst bucket capacity, at least one
 */
public record RateLimit(double requestsPerSecond, int burst) {

  public RateLimit {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException(
          "requests-per-second must be a positive number, not " + requestsPerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, not " + burst);
    }
  }

  /** Nanoseconds a drained bucket takes to fill up again: after that, it is as good as new. */
  long refillNanos() {
    return (long) Math.ceil(burst * 1e9 / requestsPerSecond);
  }
}
