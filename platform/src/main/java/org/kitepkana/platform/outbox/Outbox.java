package org.kitepkana.platform.outbox;

import com.mongodb.client.model.Updates;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kitepkana.platform.events.EventEnvelope;

/**
 * The outbox inside an aggregate's document. A repository saves the aggregate's new state and
 * {@link #append its pending events} in ONE update of ONE document, so the change and the promise
 * to publish it are durable together, with no multi-document transaction. The relay then publishes
 * the pending events in array order and pulls them.
 */
public final class Outbox {

  /** Array of pending {@link EventEnvelope} documents, oldest first. */
  public static final String PENDING = "outbox";

  /**
   * Formerly the relay's claim inside the document; claims now live in {@link OutboxRelay#CLAIMS}.
   * Kept so projections that exclude it stay valid for old documents.
   */
  public static final String LEASE = "outboxLease";

  private Outbox() {}

  /** The update fragment that appends events to the document's outbox, keeping their order. */
  public static Bson append(List<EventEnvelope> events) {
    return Updates.pushEach(PENDING, events.stream().map(EventEnvelope::toDocument).toList());
  }

  /** The outbox field for a document being inserted. */
  public static List<Document> initial(List<EventEnvelope> events) {
    return events.stream().map(EventEnvelope::toDocument).toList();
  }
}
