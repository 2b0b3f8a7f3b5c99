package org.kitepkana.platform.outbox;

import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.bson.Document;
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
 * against one database: a relay first claims each document (an insert into {@value #CLAIMS} whose
 * unique {@code _id} names the document), publishes only what it claimed, pulls the acknowledged
 * events and deletes its claims, so in normal operation no event is published twice. When a claim
 * runs out mid-publish (a stalled process) another instance may publish the same events again:
 * delivery is at least once, and consumers deduplicate by event id.
 */
public final class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final long DEFERRED_RETRY_MILLIS = 250;

  /** The relays' claims on documents, one per document being published. */
  public static final String CLAIMS = "outbox_claims";

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
    // Claims of a relay that died or stalled run out; then anyone may claim those documents.
    database.getCollection(CLAIMS).deleteMany(lt("until", Date.from(clock.instant())));
    for (String collection : properties.collections()) {
      MongoCollection<Document> coll = database.getCollection(collection);
      Instant now = clock.instant();
      long backlog = 0;
      Instant oldest = null;
      List<Object> claimable = new ArrayList<>();
      for (Document doc :
          coll.find(exists(Outbox.PENDING + ".0"))
              .projection(Projections.include("_id", Outbox.PENDING + ".time"))) {
        backlog++;
        List<Document> pending = doc.getList(Outbox.PENDING, Document.class, List.of());
        if (!pending.isEmpty() && pending.get(0).getDate("time") != null) {
          Instant first = pending.get(0).getDate("time").toInstant();
          oldest = oldest == null || first.isBefore(oldest) ? first : oldest;
        }
        claimable.add(doc.get("_id"));
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
   * and releases the claims. Returns the ids it could not claim.
   *
   * <p>A claim is a document in {@value #CLAIMS} whose {@code _id} names the collection and the
   * document: inserting it is the lock (the unique {@code _id} lets one relay win), deleting it the
   * release, and a claim whose {@code until} has passed is removed by the next sweep. Every write
   * here goes by {@code _id} alone, the only form the embedded store serves from its index for
   * updates (a conditional update scans the whole collection there).
   */
  private List<Object> claimAndPublish(String collection, List<Object> ids) {
    MongoCollection<Document> claims = database.getCollection(CLAIMS);
    Date until = Date.from(clock.instant().plus(properties.lease()));
    Map<String, Object> byClaimId = new LinkedHashMap<>();
    List<Document> claimDocs = new ArrayList<>();
    for (Object id : ids) {
      String claimId = collection + "|" + id;
      byClaimId.put(claimId, id);
      claimDocs.add(new Document("_id", claimId).append("owner", owner).append("until", until));
    }
    Set<String> held = insertClaims(claims, claimDocs);
    List<Object> claimedIds = new ArrayList<>();
    List<Object> unclaimed = new ArrayList<>();
    byClaimId.forEach((claimId, id) -> (held.contains(claimId) ? unclaimed : claimedIds).add(id));
    if (claimedIds.isEmpty()) {
      return unclaimed;
    }
    try {
      // Read after claiming: a document's events pulled by the previous holder are gone by now.
      Map<Object, List<EventEnvelope>> pending = new LinkedHashMap<>();
      for (Document doc :
          database
              .getCollection(collection)
              .find(new Document("_id", new Document("$in", claimedIds)))
              .projection(Projections.include("_id", Outbox.PENDING))) {
        List<EventEnvelope> events =
            doc.getList(Outbox.PENDING, Document.class, List.of()).stream()
                .map(EventEnvelope::fromDocument)
                .toList();
        if (!events.isEmpty()) {
          pending.put(doc.get("_id"), events);
        }
      }
      publishAndPull(database.getCollection(collection), pending);
    } finally {
      List<String> mine = new ArrayList<>();
      claimedIds.forEach(id -> mine.add(collection + "|" + id));
      claims.deleteMany(new Document("_id", new Document("$in", mine)));
    }
    return unclaimed;
  }

  /** Inserts the claims; returns the ids of those another relay holds already. */
  private static Set<String> insertClaims(
      MongoCollection<Document> claims, List<Document> claimDocs) {
    Set<String> held = new HashSet<>();
    try {
      claims.insertMany(claimDocs, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      for (var error : e.getWriteErrors()) {
        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
        held.add(claimDocs.get(error.getIndex()).getString("_id"));
      }
    }
    return held;
  }

  private void publishAndPull(
      MongoCollection<Document> coll, Map<Object, List<EventEnvelope>> claimed) {
    if (claimed.isEmpty()) {
      return;
    }
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
      // Some sends failed or are late: pull what was published, keep the rest pending.
      log.debug("Not every outbox event was acknowledged: {}", e.toString());
    }
    List<WriteModel<Document>> pulls = new ArrayList<>();
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
      if (!done.isEmpty()) {
        pulls.add(
            new UpdateOneModel<>(
                new Document("_id", entry.getKey()),
                Updates.pullByFilter(
                    new Document(Outbox.PENDING, new Document("id", new Document("$in", done))))));
      }
    }
    if (!pulls.isEmpty()) {
      coll.bulkWrite(pulls, new BulkWriteOptions().ordered(false));
    }
    metrics.published(published);
    if (failed) {
      throw new IllegalStateException(
          "Kafka did not acknowledge every outbox event; unacknowledged ones stay pending");
    }
  }
}
