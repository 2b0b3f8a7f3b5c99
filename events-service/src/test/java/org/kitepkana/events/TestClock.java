package org.kitepkana.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's clock in integration tests: real time plus an offset a test may move forward (to
 * record attendance after an event "took place") and must put back.
 */
public final class TestClock extends Clock {

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), offset.get());
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  public void advance(Duration by) {
    offset.updateAndGet(o -> o.plus(by));
  }

  public void reset() {
    offset.set(Duration.ZERO);
  }

  /** Provides the clock to the service under test (the platform's clock backs off). */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {
    @Bean
    TestClock clock() {
      return new TestClock();
    }
  }
}
