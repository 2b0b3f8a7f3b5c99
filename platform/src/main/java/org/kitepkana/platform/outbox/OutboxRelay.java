package org.kitepkana.platform.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kitepkana.platform.events.EventEnvelope;
import org.kitepkana.platform.kafka.CloudEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the events waiting in aggregate documents' outboxes, in order per document, then pulls
 * them.
 *
 * <p>Woken at once after a write ({@link #wake}) and also sweeping on a timer, so the normal case
 * is fast and nothing is stranded after a crash or a broker outage. Several instances may run
 * against one database: a relay first claims documents with a lease (one conditional update),
 * publishes only what it claimed, and pulls events only while it still holds the lease, so in
 * normal operation no event is published twice. When a lease runs out mid-publish (a stalled
 * process) another instance may publish the same events again: delivery is at least once, and
 * consumers deduplicate by event id.
 */
public final class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final long DEFERRED_RETRY_MILLIS = 250;

  private record Wake(String collection, Object id, long notBefore) {}

  /** Asks the worker to finish its round and exit, instead of interrupting it mid-publish. */
  private static final Wake STOP = new Wake("", "", 0);

  private final MongoDatabase database;
  private final CloudEventPublisher publisher;
  private final OutboxProperties properties;
  private final OutboxMetrics metrics;
  private final Clock clock;
  private final String owner;
  private final BlockingQueue<Wake> wakes = new LinkedBlockingQueue<>();
  private final List<Wake> deferred = new ArrayList<>();
  private volatile boolean running;
  private Thread worker;

  public OutboxRelay(
      MongoDatabase database,
      CloudEventPublisher publisher,
      OutboxProperties properties,
      OutboxMetrics metrics,
      Clock clock,
      String owner) {
    this.database = database;
    this.publisher = publisher;
    this.properties = properties;
    this.metrics = metrics;
    this.clock = clock;
    this.owner = owner;
  }

  /** Tells the relay that these documents have just had events appended. */
  public void wake(String collection, Collection<?> ids) {
    for (Object id : ids) {
      wakes.add(new Wake(collection, id, 0));
    }
  }

  public void wake(String collection, Object id) {
    wakes.add(new Wake(collection, id, 0));
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    worker = new Thread(this::run, "outbox-relay");
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (worker != null) {
      wakes.add(STOP);
      try {
        worker.join(properties.lease().toMillis() / 2 + 5000);
        if (worker.isAlive()) {
          worker.interrupt();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    long nextSweep = 0;
    long sweepEvery = properties.sweepInterval().toMillis();
    while (running) {
      try {
        long now = System.currentTimeMillis();
        if (now >= nextSweep) {
          // The sweep is a full scan on a store without secondary indexes: while it finds
          // nothing that wakes missed, it backs off; a straggler or a failure brings it back.
          boolean stragglers = sweep();
          sweepEvery =
              stragglers
                  ? properties.sweepInterval().toMillis()
                  : Math.min(sweepEvery * 2, properties.maxSweepInterval().toMillis());
          nextSweep = System.currentTimeMillis() + sweepEvery;
        }
        Wake first = wakes.poll(untilNextWork(nextSweep), TimeUnit.MILLISECONDS);
        if (!running) {
          return;
        }
        List<Wake> batch = new ArrayList<>();
        if (first != null) {
          batch.add(first);
          wakes.drainTo(batch, properties.batchSize() - 1);
        }
        batch.remove(STOP);
        batch.addAll(dueDeferred());
        relayWakes(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        sweepEvery = properties.sweepInterval().toMillis();
        nextSweep = Math.min(nextSweep, System.currentTimeMillis() + sweepEvery);
        metrics.publishFailed();
        log.warn(
            "Outbox relay round failed, retrying in {}: {}",
            properties.retryBackoff(),
            e.toString());
        LockSupport.parkNanos(properties.retryBackoff().toNanos());
      }
    }
  }

  private long untilNextWork(long nextSweep) {
    long wait = Math.max(0, nextSweep - System.currentTimeMillis());
    for (Wake w : deferred) {
      wait = Math.min(wait, Math.max(0, w.notBefore() - System.currentTimeMillis()));
    }
    return wait;
  }

  private List<Wake> dueDeferred() {
    long now = System.currentTimeMillis();
    List<Wake> due = new ArrayList<>();
    deferred.removeIf(
        w -> {
          if (w.notBefore() <= now) {
            due.add(w);
            return true;
          }
          return false;
        });
    return due;
  }

  private void relayWakes(List<Wake> batch) {
    if (batch.isEmpty()) {
      return;
    }
    Map<String, Map<Object, Boolean>> byCollection = new LinkedHashMap<>();
    for (Wake w : batch) {
      byCollection
          .computeIfAbsent(w.collection(), c -> new LinkedHashMap<>())
          .merge(w.id(), w.notBefore() > 0, (a, b) -> a && b);
    }
    byCollection.forEach(
        (collection, ids) -> {
          List<Object> unclaimed = claimAndPublish(collection, List.copyOf(ids.keySet()));
          // A document leased by another instance (or by a round that just ended) gets one more
          // try shortly; after that the sweep is its safety net.
          long retryAt = System.currentTimeMillis() + DEFERRED_RETRY_MILLIS;
          for (Object id : unclaimed) {
            if (!ids.get(id)) {
              deferred.add(new Wake(collection, id, retryAt));
            }
          }
        });
  }

  /**
   * Looks for pending events nobody woke the relay for, and refreshes the backlog metrics. Returns
   * whether it found any.
   */
  private boolean sweep() {
    boolean found = false;
    for (String collection : properties.collections()) {
      MongoCollection<Document> coll = database.getCollection(collection);
      Instant now = clock.instant();
      long backlog = 0;
      Instant oldest = null;
      List<Object> claimable = new ArrayList<>();
      for (Document doc :
          coll.find(exists(Outbox.PENDING + ".0"))
              .projection(Projections.include("_id", Outbox.LEASE, Outbox.PENDING + ".time"))) {
        backlog++;
        List<Document> pending = doc.getList(Outbox.PENDING, Document.class, List.of());
        if (!pending.isEmpty() && pending.get(0).getDate("time") != null) {
          Instant first = pending.get(0).getDate("time").toInstant();
          oldest = oldest == null || first.isBefore(oldest) ? first : oldest;
        }
        Document lease = doc.get(Outbox.LEASE, Document.class);
        if (lease == null || lease.getDate("until").toInstant().isBefore(now)) {
          claimable.add(doc.get("_id"));
        }
      }
      metrics.backlog(
          collection, backlog, oldest == null ? 0 : now.toEpochMilli() - oldest.toEpochMilli());
      found |= !claimable.isEmpty();
      for (int i = 0; i < claimable.size(); i += properties.batchSize()) {
        claimAndPublish(
            collection,
            claimable.subList(i, Math.min(claimable.size(), i + properties.batchSize())));
      }
    }
    return found;
  }

  /**
   * Claims the given documents, publishes their pending events in order, pulls what was published
   * and releases the claim. Returns the ids it could not claim.
   */
  private List<Object> claimAndPublish(String collection, List<Object> ids) {
    MongoCollection<Document> coll = database.getCollection(collection);
    Instant now = clock.instant();
    String token = UUID.randomUUID().toString();
    Bson free = or(exists(Outbox.LEASE, false), lt(Outbox.LEASE + ".until", Date.from(now)));
    coll.updateMany(
        and(in("_id", ids), exists(Outbox.PENDING + ".0"), free),
        Updates.set(
            Outbox.LEASE,
            new Document("owner", owner)
                .append("token", token)
                .append("until", Date.from(now.plus(properties.lease())))));
    Map<Object, List<EventEnvelope>> claimed = new LinkedHashMap<>();
    for (Document doc :
        coll.find(and(in("_id", ids), eq(Outbox.LEASE + ".token", token)))
            .projection(Projections.include("_id", Outbox.PENDING))) {
      claimed.put(
          doc.get("_id"),
          doc.getList(Outbox.PENDING, Document.class, List.of()).stream()
              .map(EventEnvelope::fromDocument)
              .toList());
    }
    List<Object> unclaimed = new ArrayList<>(ids);
    unclaimed.removeAll(claimed.keySet());
    if (claimed.isEmpty()) {
      return unclaimed;
    }
    publishAndRelease(coll, token, claimed);
    return unclaimed;
  }

  private void publishAndRelease(
      MongoCollection<Document> coll, String token, Map<Object, List<EventEnvelope>> claimed) {
    Map<Object, List<CompletableFuture<?>>> sends = new LinkedHashMap<>();
    boolean brokerAway = false;
    for (var entry : claimed.entrySet()) {
      List<CompletableFuture<?>> futures = new ArrayList<>();
      for (EventEnvelope event : entry.getValue()) {
        CompletableFuture<?> sent = publisher.send(event);
        futures.add(sent);
        // A send that failed at once (no broker metadata within max.block.ms) means the rest
        // would wait just as long each: stop the round and keep everything else pending.
        brokerAway = sent.isCompletedExceptionally();
        if (brokerAway) {
          break;
        }
      }
      sends.put(entry.getKey(), futures);
      if (brokerAway) {
        break;
      }
    }
    List<CompletableFuture<?>> all = sends.values().stream().flatMap(List::stream).toList();
    try {
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
          .get(properties.lease().toMillis() / 2, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // Some sends failed or are late: release what was published, keep the rest pending.
      log.debug("Not every outbox event was acknowledged: {}", e.toString());
    }
    List<WriteModel<Document>> updates = new ArrayList<>();
    long published = 0;
    boolean failed = false;
    for (var entry : claimed.entrySet()) {
      List<CompletableFuture<?>> futures = sends.get(entry.getKey());
      List<String> done = new ArrayList<>();
      for (int i = 0; i < entry.getValue().size(); i++) {
        CompletableFuture<?> f = futures == null || i >= futures.size() ? null : futures.get(i);
        if (f == null || !f.isDone() || f.isCompletedExceptionally()) {
          failed = true;
          break; // keep order: nothing after a failed event counts as published
        }
        done.add(entry.getValue().get(i).id());
      }
      published += done.size();
      Bson release = Updates.unset(Outbox.LEASE);
      Bson update =
          done.isEmpty()
              ? release
              : Updates.combine(
                  Updates.pullByFilter(
                      new Document(Outbox.PENDING, new Document("id", new Document("$in", done)))),
                  release);
      updates.add(
          new UpdateOneModel<>(
              and(eq("_id", entry.getKey()), eq(Outbox.LEASE + ".token", token)), update));
    }
    coll.bulkWrite(updates, new BulkWriteOptions().ordered(false));
    metrics.published(published);
    if (failed) {
      throw new IllegalStateException(
          "Kafka did not acknowledge every outbox event; unacknowledged ones stay pending");
    }
  }
}
