package org.kitepkana.catalog.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Feeds the instance's {@link SearchIndex} from the records topic. No consumer group: every
 * instance reads every partition itself, from the offsets its index committed (a rebuild starts
 * from zero). Changes are searchable after the next refresh: once no more events come within
 * {@value #QUIET_MS} ms of the last ones (the usual case: a branch's sync, an edit), and every
 * {@value #REFRESH_MS} ms while they keep coming (every {@value #BEHIND_REFRESH_MS} ms while the
 * feed is more than {@value #BEHIND_LAG} events behind, as during a large import: a refresh then
 * shows changes that are late anyway, and each one costs a segment to write and merge later); the
 * index commits with its offsets every few seconds, so a crash replays at most those seconds, which
 * applying by record version makes harmless.
 */
final class SearchFeed implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SearchFeed.class);
  static final long REFRESH_MS = 200;
  static final long QUIET_MS = 10;
  static final long BEHIND_REFRESH_MS = 1000;
  static final long BEHIND_LAG = 2000;
  private static final long COMMIT_MS = 5000;

  private final String topic;
  private final Map<String, Object> consumerProperties;
  private final SearchIndex index;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean rebuildRequested = new AtomicBoolean();
  private final AtomicLong lag = new AtomicLong();
  private volatile KafkaConsumer<String, byte[]> consumer;
  private Thread thread;

  SearchFeed(
      String topic,
      Map<String, Object> consumerProperties,
      SearchIndex index,
      MeterRegistry meters) {
    this.topic = topic;
    this.consumerProperties = new HashMap<>(consumerProperties);
    this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumerProperties.put(
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    this.consumerProperties.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    this.consumerProperties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
    this.index = index;
    Gauge.builder("kitepkana.search.lag", lag, AtomicLong::get)
        .description("Records of catalog.records.v1 not yet in this instance's search index")
        .register(meters);
    Gauge.builder("kitepkana.search.documents", index, SearchIndex::documents)
        .description("Records in this instance's search index")
        .register(meters);
  }

  /** Clears the index and replays the topic from the start. */
  void rebuild() {
    rebuildRequested.set(true);
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }

  @Override
  public void start() {
    if (running.compareAndSet(false, true)) {
      thread = new Thread(this::run, "search-feed");
      thread.setDaemon(true);
      thread.start();
    }
  }

  @Override
  public void stop() {
    running.set(false);
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running.get();
  }

  private void run() {
    while (running.get()) {
      try (var c = new KafkaConsumer<String, byte[]>(consumerProperties)) {
        consumer = c;
        follow(c);
      } catch (WakeupException e) {
        // stop or rebuild: the loop decides
      } catch (RuntimeException e) {
        log.warn("Search feed stopped, restarting in 2 s: {}", e.toString());
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
      } finally {
        consumer = null;
      }
    }
    index.commit();
  }

  private void follow(KafkaConsumer<String, byte[]> c) {
    if (rebuildRequested.getAndSet(false)) {
      index.clear();
    }
    List<TopicPartition> partitions = waitForPartitions(c);
    c.assign(partitions);
    Map<Integer, Long> next = index.nextOffsets();
    for (TopicPartition tp : partitions) {
      Long from = next.get(tp.partition());
      if (from == null) {
        c.seekToBeginning(List.of(tp));
      } else {
        c.seek(tp, from);
      }
    }
    long lastRefresh = System.currentTimeMillis();
    long lastCommit = lastRefresh;
    long lastLag = 0;
    boolean dirty = false;
    boolean unrefreshed = false;
    while (running.get() && !rebuildRequested.get()) {
      // Changes waiting to be searchable: wait only briefly for more before refreshing.
      ConsumerRecords<String, byte[]> records =
          c.poll(Duration.ofMillis(unrefreshed ? QUIET_MS : REFRESH_MS));
      for (ConsumerRecord<String, byte[]> r : records) {
        index.apply(
            header(r, "ce_type"),
            r.key(),
            r.value() == null ? "{}" : new String(r.value(), StandardCharsets.UTF_8),
            r.partition(),
            r.offset());
        dirty = true;
        unrefreshed = true;
      }
      // One index write per record touched by this poll, however many of its events it held.
      index.flush();
      long now = System.currentTimeMillis();
      long refreshEvery = lag.get() > BEHIND_LAG ? BEHIND_REFRESH_MS : REFRESH_MS;
      if (unrefreshed && (records.isEmpty() || now - lastRefresh >= refreshEvery)) {
        index.refresh();
        lastRefresh = now;
        unrefreshed = false;
      }
      if (dirty && now - lastCommit >= COMMIT_MS) {
        index.commit();
        lastCommit = now;
        dirty = false;
      }
      if (now - lastLag >= 1000) {
        updateLag(c, partitions);
        lastLag = now;
      }
    }
  }

  private List<TopicPartition> waitForPartitions(KafkaConsumer<String, byte[]> c) {
    while (running.get()) {
      var infos = c.partitionsFor(topic, Duration.ofSeconds(5));
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
    }
    return List.of();
  }

  private void updateLag(KafkaConsumer<String, byte[]> c, List<TopicPartition> partitions) {
    long total = 0;
    for (var e : c.endOffsets(partitions, Duration.ofSeconds(1)).entrySet()) {
      total += Math.max(0, e.getValue() - c.position(e.getKey()));
    }
    lag.set(total);
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
