package org.kitepkana.platform.kafka;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;

/**
 * Remembers which CloudEvent ids a consumer has applied, so a redelivered or replayed event changes
 * nothing. Kept in the consuming service's own database ({@code processed_events}, one document per
 * consumer and event id).
 *
 * <p>Use it as "apply, then remember": the apply step must itself be idempotent (an upsert by
 * aggregate id), because a crash between the two applies the event again.
 */
public final class ProcessedEvents {

  public static final String COLLECTION = "processed_events";

  private final MongoCollection<Document> collection;
  private final Clock clock;

  public ProcessedEvents(MongoDatabase database, Clock clock) {
    this.collection = database.getCollection(COLLECTION);
    this.clock = clock;
  }

  public boolean seen(String consumer, String eventId) {
    return collection.find(Filters.eq("_id", key(consumer, eventId))).first() != null;
  }

  /** Records the event as applied; returns false when it had been recorded already. */
  public boolean remember(String consumer, String eventId) {
    try {
      collection.insertOne(
          new Document("_id", key(consumer, eventId)).append("at", Date.from(clock.instant())));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  /** Runs {@code apply} unless this consumer has applied the event before. */
  public boolean applyOnce(String consumer, String eventId, Runnable apply) {
    if (seen(consumer, eventId)) {
      return false;
    }
    apply.run();
    return remember(consumer, eventId);
  }

  /** The ids among {@code eventIds} this consumer has applied: one query for all of them. */
  public Set<String> seen(String consumer, Collection<String> eventIds) {
    Set<String> seen = new HashSet<>();
    if (eventIds.isEmpty()) {
      return seen;
    }
    String prefix = key(consumer, "");
    List<String> keys = eventIds.stream().map(id -> key(consumer, id)).toList();
    collection
        .find(Filters.in("_id", keys))
        .projection(Projections.include("_id"))
        .forEach(d -> seen.add(d.getString("_id").substring(prefix.length())));
    return seen;
  }

  /** Records the events as applied, in one insert; those recorded already stay as they are. */
  public void remember(String consumer, Collection<String> eventIds) {
    if (eventIds.isEmpty()) {
      return;
    }
    Date at = Date.from(clock.instant());
    List<Document> docs =
        eventIds.stream()
            .distinct()
            .map(id -> new Document("_id", key(consumer, id)).append("at", at))
            .toList();
    try {
      collection.insertMany(docs, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      for (var error : e.getWriteErrors()) {
        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
      }
    }
  }

  /**
   * The batch form of {@link #applyOnce(String, String, Runnable)}: one lookup for the whole batch,
   * {@code apply} once with the items whose events this consumer has not applied (each event once,
   * in the given order), then one insert remembering them. Returns the items applied.
   */
  public <T> List<T> applyOnce(
      String consumer, List<T> items, Function<T, String> eventId, Consumer<List<T>> apply) {
    Map<String, T> byId = new LinkedHashMap<>();
    for (T item : items) {
      byId.putIfAbsent(eventId.apply(item), item);
    }
    byId.keySet().removeAll(seen(consumer, byId.keySet()));
    if (byId.isEmpty()) {
      return List.of();
    }
    List<T> fresh = List.copyOf(byId.values());
    apply.accept(fresh);
    remember(consumer, byId.keySet());
    return fresh;
  }

  private static String key(String consumer, String eventId) {
    return consumer + "/" + eventId;
  }
}
