package org.kitepkana.platform.kafka;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.util.Date;
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

  private static String key(String consumer, String eventId) {
    return consumer + "/" + eventId;
  }
}
