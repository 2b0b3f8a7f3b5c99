package org.kitepkana.gateway.ratelimit;

/**
 * One client's token bucket. Tokens are refilled lazily from the elapsed time whenever the bucket
 * is used, so an idle bucket costs nothing. Time is passed in (nanoseconds of a monotonic clock),
 * which keeps the arithmetic testable.
 */
final class TokenBucket {

  private final RateLimit limit;
  private final double tokensPerNano;
  private double tokens;
  private long updatedNanos;

  TokenBucket(RateLimit limit, long nowNanos) {
    this.limit = limit;
    this.tokensPerNano = limit.requestsPerSecond() / 1e9;
    this.tokens = limit.burst();
    this.updatedNanos = nowNanos;
  }

  RateLimit limit() {
    return limit;
  }

  /** Takes one token if there is one; otherwise says how long until there will be. */
  synchronized RateLimitDecision tryTake(long nowNanos) {
    refill(nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return RateLimitDecision.allowed(limit, (long) Math.floor(tokens));
    }
    long waitNanos = (long) Math.ceil((1 - tokens) / tokensPerNano);
    return RateLimitDecision.rejected(limit, Math.max(1, waitNanos));
  }

  /** True when the bucket has refilled completely: dropping it changes nothing for its client. */
  synchronized boolean isFull(long nowNanos) {
    refill(nowNanos);
    return tokens >= limit.burst();
  }

  private void refill(long nowNanos) {
    long elapsed = nowNanos - updatedNanos;
    if (elapsed > 0) {
      tokens = Math.min(limit.burst(), tokens + elapsed * tokensPerNano);
      updatedNanos = nowNanos;
    }
  }
}
