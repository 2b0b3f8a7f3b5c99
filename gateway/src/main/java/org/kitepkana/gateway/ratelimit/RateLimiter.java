package org.kitepkana.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * In-memory token buckets, one per client, bounded in number.
 *
 * <p>A bucket that has refilled completely is indistinguishable from a new one, so such buckets are
 * dropped every {@code sweepInterval} and whenever the map is full. If the map is still full of
 * active clients (a flood from many addresses), new clients share one overflow bucket per role
 * until room frees up: memory stays bounded and the flood is still limited. Dropping a bucket while
 * its client is mid-request can at worst grant that client one extra request.
 *
 * <p>Each gateway instance limits on its own: with N instances behind a balancer a client gets up
 * to N times its limit.
 */
public final class RateLimiter {

  private final int maxClients;
  private final long sweepIntervalNanos;
  private final LongSupplier nanoClock;

  /**
   * Keyed by client and role: a subject whose token changes role gets a bucket for the new role.
   */
  private final Map<ClientKey, TokenBucket> buckets = new ConcurrentHashMap<>();

  private final Map<String, TokenBucket> overflow = new ConcurrentHashMap<>();
  private final AtomicLong nextSweepNanos;

  public RateLimiter(RateLimitProperties properties) {
    this(properties.maxClients(), properties.sweepInterval().toNanos(), System::nanoTime);
  }

  RateLimiter(int maxClients, long sweepIntervalNanos, LongSupplier nanoClock) {
    this.maxClients = maxClients;
    this.sweepIntervalNanos = sweepIntervalNanos;
    this.nanoClock = nanoClock;
    this.nextSweepNanos = new AtomicLong(nanoClock.getAsLong() + sweepIntervalNanos);
  }

  /** Takes a token from the client's bucket (created full on first use). */
  public RateLimitDecision tryAcquire(ClientKey client, RateLimit limit) {
    long now = nanoClock.getAsLong();
    sweepIfDue(now);
    TokenBucket bucket = buckets.get(client);
    if (bucket == null || !bucket.limit().equals(limit)) {
      if (bucket == null && buckets.size() >= maxClients) {
        sweep(now);
      }
      if (bucket == null && buckets.size() >= maxClients) {
        bucket =
            overflow.compute(
                client.role(),
                (role, shared) ->
                    shared == null || !shared.limit().equals(limit)
                        ? new TokenBucket(limit, now)
                        : shared);
      } else {
        bucket =
            buckets.compute(
                client,
                (k, existing) ->
                    existing == null || !existing.limit().equals(limit)
                        ? new TokenBucket(limit, now)
                        : existing);
      }
    }
    return bucket.tryTake(now);
  }

  /** Buckets held for individual clients (not counting the overflow buckets). */
  public int clients() {
    return buckets.size();
  }

  private void sweepIfDue(long now) {
    long due = nextSweepNanos.get();
    if (now - due >= 0 && nextSweepNanos.compareAndSet(due, now + sweepIntervalNanos)) {
      sweep(now);
    }
  }

  private void sweep(long now) {
    buckets.values().removeIf(bucket -> bucket.isFull(now));
    overflow.values().removeIf(bucket -> bucket.isFull(now));
  }
}
