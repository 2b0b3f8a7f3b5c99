package org.kitepkana.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Outbox health in numbers: documents with unpublished events and the age of the oldest (as of the
 * last sweep), events published, failed rounds.
 */
public final class OutboxMetrics {

  private final MeterRegistry registry;
  private final Counter published;
  private final Counter failures;
  private final Map<String, AtomicLong> backlog = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> oldestAgeMillis = new ConcurrentHashMap<>();

  public OutboxMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.published =
        Counter.builder("kitepkana.outbox.published")
            .description("Events published from the outbox to Kafka")
            .register(registry);
    this.failures =
        Counter.builder("kitepkana.outbox.publish.failures")
            .description("Relay rounds in which Kafka did not acknowledge every event")
            .register(registry);
  }

  void published(long count) {
    published.increment(count);
  }

  void publishFailed() {
    failures.increment();
  }

  void backlog(String collection, long documents, long oldestAgeMs) {
    gauge(backlog, collection, "kitepkana.outbox.backlog", "Documents with unpublished events")
        .set(documents);
    gauge(
            oldestAgeMillis,
            collection,
            "kitepkana.outbox.oldest.age.ms",
            "Age of the oldest unpublished event, in milliseconds")
        .set(oldestAgeMs);
  }

  public long backlog(String collection) {
    AtomicLong value = backlog.get(collection);
    return value == null ? 0 : value.get();
  }

  private AtomicLong gauge(
      Map<String, AtomicLong> values, String collection, String name, String description) {
    return values.computeIfAbsent(
        collection,
        c -> {
          AtomicLong value = new AtomicLong();
          Gauge.builder(name, value, AtomicLong::get)
              .description(description)
              .tag("collection", c)
              .register(registry);
          return value;
        });
  }
}
