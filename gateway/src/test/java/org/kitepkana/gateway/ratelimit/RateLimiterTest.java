package org.kitepkana.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  static final long SECOND = 1_000_000_000L;

  final AtomicLong now = new AtomicLong();
  final RateLimit oneBurstTwo = new RateLimit(1, 2);

  RateLimiter limiter(int maxClients) {
    return new RateLimiter(maxClients, 60 * SECOND, now::get);
  }

  static ClientKey anonymous(String address) {
    return new ClientKey("addr:" + address, "anonymous");
  }

  @Test
  void eachClientHasItsOwnBucket() {
    RateLimiter limiter = limiter(100);
    ClientKey greedy = anonymous("203.0.113.7");
    limiter.tryAcquire(greedy, oneBurstTwo);
    limiter.tryAcquire(greedy, oneBurstTwo);

    assertThat(limiter.tryAcquire(greedy, oneBurstTwo).allowed()).isFalse();
    assertThat(limiter.tryAcquire(anonymous("203.0.113.8"), oneBurstTwo).allowed()).isTrue();
    assertThat(limiter.clients()).isEqualTo(2);
  }

  @Test
  void aSubjectWhoseRoleChangesGetsTheNewRolesBucket() {
    RateLimiter limiter = limiter(100);
    ClientKey asSubscriber = new ClientKey("sub:aida", "subscriber");
    limiter.tryAcquire(asSubscriber, oneBurstTwo);
    limiter.tryAcquire(asSubscriber, oneBurstTwo);
    assertThat(limiter.tryAcquire(asSubscriber, oneBurstTwo).allowed()).isFalse();

    assertThat(limiter.tryAcquire(new ClientKey("sub:aida", "coordinator"), oneBurstTwo).allowed())
        .isTrue();
  }

  @Test
  void aChangedLimitTakesEffectAtOnce() {
    RateLimiter limiter = limiter(100);
    ClientKey client = anonymous("203.0.113.7");
    limiter.tryAcquire(client, oneBurstTwo);
    limiter.tryAcquire(client, oneBurstTwo);

    RateLimitDecision withNewLimit = limiter.tryAcquire(client, new RateLimit(1, 5));
    assertThat(withNewLimit.allowed()).isTrue();
    assertThat(withNewLimit.remaining()).isEqualTo(4);
  }

  @Test
  void idleClientsAreDroppedAtTheNextSweepAndComeBackWithAFullBucket() {
    RateLimiter limiter = limiter(100);
    for (int i = 0; i < 50; i++) {
      limiter.tryAcquire(anonymous("203.0.113." + i), oneBurstTwo);
    }
    ClientKey active = anonymous("198.51.100.1");
    now.addAndGet(59 * SECOND);
    limiter.tryAcquire(active, oneBurstTwo);
    limiter.tryAcquire(active, oneBurstTwo);
    assertThat(limiter.clients()).isEqualTo(51);

    now.addAndGet(SECOND); // the sweep is due; the active client's bucket is not full yet
    RateLimitDecision third = limiter.tryAcquire(active, oneBurstTwo);

    assertThat(limiter.clients()).isEqualTo(1);
    assertThat(third.allowed()).isTrue();
    assertThat(third.remaining()).isZero();
  }

  @Test
  void theMapNeverGrowsPastMaxClientsNewcomersShareOneBucketPerRoleWhileItIsFull() {
    RateLimiter limiter = limiter(3);
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire(anonymous("203.0.113." + i), oneBurstTwo);
    }

    // All three are still refilling: no room, so the newcomers share the overflow bucket.
    assertThat(limiter.tryAcquire(anonymous("198.51.100.1"), oneBurstTwo).allowed()).isTrue();
    assertThat(limiter.tryAcquire(anonymous("198.51.100.2"), oneBurstTwo).allowed()).isTrue();
    assertThat(limiter.tryAcquire(anonymous("198.51.100.3"), oneBurstTwo).allowed()).isFalse();
    assertThat(limiter.tryAcquire(new ClientKey("sub:aida", "coordinator"), oneBurstTwo).allowed())
        .isTrue();
    assertThat(limiter.clients()).isEqualTo(3);

    // Once the first three have refilled, a newcomer's arrival drops them and gets its own bucket.
    now.addAndGet(2 * SECOND);
    assertThat(limiter.tryAcquire(anonymous("198.51.100.4"), oneBurstTwo).remaining()).isEqualTo(1);
    assertThat(limiter.clients()).isEqualTo(1);
  }
}
