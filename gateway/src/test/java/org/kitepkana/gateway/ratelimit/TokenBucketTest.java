package org.kitepkana.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  static final long SECOND = 1_000_000_000L;

  final RateLimit twoPerSecondBurstThree = new RateLimit(2, 3);

  @Test
  void aNewBucketAllowsTheBurstThenRefusesWithTheWaitForTheNextToken() {
    TokenBucket bucket = new TokenBucket(twoPerSecondBurstThree, 0);

    assertThat(bucket.tryTake(0)).isEqualTo(RateLimitDecision.allowed(twoPerSecondBurstThree, 2));
    assertThat(bucket.tryTake(0).remaining()).isEqualTo(1);
    assertThat(bucket.tryTake(0).remaining()).isZero();

    RateLimitDecision refused = bucket.tryTake(0);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.remaining()).isZero();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void tokensComeBackAtTheConfiguredRate() {
    TokenBucket bucket = new TokenBucket(twoPerSecondBurstThree, 0);
    for (int i = 0; i < 3; i++) {
      bucket.tryTake(0);
    }

    assertThat(bucket.tryTake(SECOND / 4).retryAfter()).isEqualTo(Duration.ofMillis(250));
    assertThat(bucket.tryTake(SECOND / 2).allowed()).isTrue();
    assertThat(bucket.tryTake(SECOND / 2).allowed()).isFalse();
    assertThat(bucket.tryTake(SECOND).allowed()).isTrue();
  }

  @Test
  void aQuietBucketRefillsOnlyUpToItsBurst() {
    TokenBucket bucket = new TokenBucket(twoPerSecondBurstThree, 0);
    bucket.tryTake(0);
    assertThat(bucket.isFull(0)).isFalse();
    assertThat(bucket.isFull(SECOND / 2)).isTrue();

    long muchLater = 3600 * SECOND;
    int allowed = 0;
    while (bucket.tryTake(muchLater).allowed()) {
      allowed++;
    }
    assertThat(allowed).isEqualTo(3);
  }

  @Test
  void sustainedLoadGetsExactlyTheRate() {
    RateLimit tenPerSecond = new RateLimit(10, 1);
    TokenBucket bucket = new TokenBucket(tenPerSecond, 0);
    int allowed = 0;
    for (long t = 0; t < 10 * SECOND; t += SECOND / 1000) { // 1,000 attempts a second for 10 s
      if (bucket.tryTake(t).allowed()) {
        allowed++;
      }
    }
    assertThat(allowed).isBetween(100, 101);
  }

  @Test
  void fractionalRatesWork() {
    RateLimit oneEveryTwoSeconds = new RateLimit(0.5, 1);
    TokenBucket bucket = new TokenBucket(oneEveryTwoSeconds, 0);
    assertThat(bucket.tryTake(0).allowed()).isTrue();
    assertThat(bucket.tryTake(SECOND).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(bucket.tryTake(2 * SECOND).allowed()).isTrue();
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new RateLimit(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimit(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimit(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
