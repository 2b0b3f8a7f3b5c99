package org.kitepkana.events.event.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kitepkana.events.event.adapter.out.kafka.ScheduleEvents;
import org.kitepkana.events.event.application.EventQuery;
import org.kitepkana.events.event.application.EventRepository;
import org.kitepkana.events.event.domain.EventChange;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.event.domain.EventStatus;
import org.kitepkana.events.event.domain.LibraryEvent;
import org.kitepkana.platform.outbox.Outbox;
import org.kitepkana.platform.outbox.OutboxRelay;

/**
 * Library events in the {@value #COLLECTION} collection: one document per event with its state, its
 * seat ledger ({@code seats}, kept by the registration feature) and its outbox.
 */
public final class MongoEventRepository implements EventRepository {

  public static final String COLLECTION = "events";

  static final Bson READ_PROJECTION =
      Projections.exclude(Outbox.PENDING, Outbox.LEASE, EventDocuments.SEATS + ".waitlist");

  private final MongoCollection<Document> collection;
  private final ScheduleEvents events;
  private final OutboxRelay relay;

  public MongoEventRepository(MongoDatabase database, ScheduleEvents events, OutboxRelay relay) {
    this.collection = database.getCollection(COLLECTION);
    this.events = events;
    this.relay = relay;
  }

  @Override
  public boolean insert(LibraryEvent event, EventChange change) {
    Document doc =
        new Document("_id", event.id().value())
            .append(
                EventDocuments.SEATS,
                new Document("left", event.details().capacity())
                    .append("seq", 0L)
                    .append("confirmed", 0)
                    .append("waitlisted", 0)
                    .append("waitlist", List.of()))
            .append(Outbox.PENDING, Outbox.initial(List.of(events.toEnvelope(change))));
    EventDocuments.fields(event).forEach(doc::append);
    try {
      collection.insertOne(doc);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
    relay.wake(COLLECTION, event.id().value());
    return true;
  }

  @Override
  public UpdateOutcome update(LibraryEvent after, long expectedVersion, EventChange change) {
    List<Bson> updates = new ArrayList<>();
    EventDocuments.fields(after).forEach((k, v) -> updates.add(Updates.set(k, v)));
    updates.add(Outbox.append(List.of(events.toEnvelope(change))));
    Bson filter = and(eq("_id", after.id().value()), eq("version", expectedVersion));
    if (change instanceof EventChange.EventRescheduled moved) {
      int delta = after.details().capacity() - moved.previousCapacity();
      if (delta != 0) {
        updates.add(Updates.inc(EventDocuments.SEATS + ".left", delta));
      }
      if (delta < 0) {
        filter = and(filter, gte(EventDocuments.SEATS + ".left", -delta));
      }
    }
    var result = collection.updateOne(filter, Updates.combine(updates));
    if (result.getMatchedCount() == 0) {
      Document current =
          collection
              .find(eq("_id", after.id().value()))
              .projection(Projections.include("version"))
              .first();
      return current != null && ((Number) current.get("version")).longValue() == expectedVersion
          ? UpdateOutcome.SEATS_TAKEN
          : UpdateOutcome.VERSION_CONFLICT;
    }
    relay.wake(COLLECTION, after.id().value());
    return UpdateOutcome.UPDATED;
  }

  @Override
  public Optional<LibraryEvent> find(EventId id) {
    return Optional.ofNullable(
            collection.find(eq("_id", id.value())).projection(READ_PROJECTION).first())
        .map(EventDocuments::toEvent);
  }

  @Override
  public List<LibraryEvent> find(EventQuery query) {
    List<Bson> filters = new ArrayList<>();
    if (query.branch() != null) {
      filters.add(eq("branchId", query.branch().value()));
    }
    if (query.campaign() != null) {
      filters.add(eq("campaignId", query.campaign().value()));
    }
    if (query.from() != null) {
      filters.add(gt("end", Date.from(query.from())));
    }
    if (query.to() != null) {
      filters.add(lt("start", Date.from(query.to())));
    }
    if (query.statuses() != null) {
      filters.add(in("status", query.statuses().stream().map(EventStatus::name).toList()));
    }
    List<LibraryEvent> found = new ArrayList<>();
    collection
        .find(filters.isEmpty() ? Filters.empty() : and(filters))
        .projection(READ_PROJECTION)
        .sort(Sorts.ascending("start", "_id"))
        .forEach(d -> found.add(EventDocuments.toEvent(d)));
    return found;
  }
}
