package org.kitepkana.platform.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kitepkana.platform.events.EventEnvelope;
import org.kitepkana.platform.mongo.VersionedWrites;

/**
 * Writes of one aggregate collection whose documents carry an {@link Outbox}: the new state and the
 * events describing the change go into ONE document write, and the relay is woken for it once the
 * write has returned.
 *
 * <ul>
 *   <li>{@link #insert}: a new aggregate with its events as the initial outbox; a duplicate {@code
 *       _id} is an answer ({@code false}), not an error.
 *   <li>{@link #update}: every field of the new state except {@code _id} is set and the events are
 *       appended, only if the document is still at the version the caller read (optimistic
 *       locking), through {@link VersionedWrites} so both stores find the document by {@code _id}.
 * </ul>
 *
 * Events are appended exactly as given; an aggregate change without events is a plain versioned
 * write and wakes nobody.
 */
public final class OutboxWrites {

  private final MongoCollection<Document> collection;
  private final OutboxRelay relay;

  public OutboxWrites(MongoCollection<Document> collection, OutboxRelay relay) {
    this.collection = Objects.requireNonNull(collection, "collection");
    this.relay = Objects.requireNonNull(relay, "relay");
  }

  /**
   * Inserts {@code document} (which names its {@code _id}) with {@code events} as its outbox.
   * Returns false, and writes nothing, when a document with that {@code _id} exists.
   */
  public boolean insert(Document document, List<EventEnvelope> events) {
    Object id = requireId(document);
    Document withOutbox = new Document(document).append(Outbox.PENDING, Outbox.initial(events));
    try {
      collection.insertOne(withOutbox);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
    wake(id, events);
    return true;
  }

  /**
   * Sets every field of {@code state} but {@code _id} and appends {@code events}, if the document
   * named by {@code state}'s {@code _id} is still at {@code expectedVersion}. Returns false when it
   * is not (another writer won, or the document is gone).
   */
  public boolean update(Document state, long expectedVersion, List<EventEnvelope> events) {
    return update(requireId(state), expectedVersion, setAllButId(state), new Document(), events);
  }

  /**
   * The general form: applies {@code changes} (update operators) and appends {@code events} if the
   * document is still at {@code expectedVersion} and also matches {@code guards} (more conditions
   * of a flat filter, e.g. {@code {"seats.left": {$gte: 2}}}). Returns false otherwise.
   */
  public boolean update(
      Object id, long expectedVersion, Bson changes, Document guards, List<EventEnvelope> events) {
    Document filter = VersionedWrites.byIdAndVersion(id, expectedVersion);
    guards.forEach(
        (field, condition) -> {
          if (filter.containsKey(field)) {
            throw new IllegalArgumentException("guard on " + field + " would replace the filter's");
          }
          filter.append(field, condition);
        });
    List<Bson> update = new ArrayList<>();
    update.add(changes);
    if (!events.isEmpty()) {
      update.add(Outbox.append(events));
    }
    if (!VersionedWrites.updateIf(collection, filter, Updates.combine(update))) {
      return false;
    }
    wake(id, events);
    return true;
  }

  /** {@code $set} of every field of {@code state} except {@code _id}. */
  public static Bson setAllButId(Document state) {
    List<Bson> sets = new ArrayList<>();
    state.forEach(
        (field, value) -> {
          if (!"_id".equals(field)) {
            sets.add(Updates.set(field, value));
          }
        });
    if (sets.isEmpty()) {
      throw new IllegalArgumentException("the state has no field to set besides _id");
    }
    return Updates.combine(sets);
  }

  public String collectionName() {
    return collection.getNamespace().getCollectionName();
  }

  private void wake(Object id, List<EventEnvelope> events) {
    if (!events.isEmpty()) {
      relay.wake(collectionName(), id);
    }
  }

  private static Object requireId(Document document) {
    Object id = document.get("_id");
    if (id == null) {
      throw new IllegalArgumentException("the document names no _id");
    }
    return id;
  }
}
