package org.kitepkana.events.event.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

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
import org.kitepkana.platform.outbox.OutboxWrites;

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
  private final OutboxWrites writes;

  public MongoEventRepository(MongoDatabase database, ScheduleEvents events, OutboxRelay relay) {
    this.collection = database.getCollection(COLLECTION);
    this.events = events;
    this.writes = new OutboxWrites(collection, relay);
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
                    .append("waitlist", List.of()));
    EventDocuments.fields(event).forEach(doc::append);
    return writes.insert(doc, List.of(events.toEnvelope(change)));
  }

  /**
   * Sets the event's fields and appends its event, conditional on the version read. A new capacity
   * moves the seats left by the difference; a smaller one only while at least that many seats are
   * still free (a guard in the same write), so confirmed registrations are never over capacity.
   */
  @Override
  public UpdateOutcome update(LibraryEvent after, long expectedVersion, EventChange change) {
    List<Bson> updates = new ArrayList<>();
    updates.add(OutboxWrites.setAllButId(EventDocuments.fields(after)));
    Document guards = new Document();
    if (change instanceof EventChange.EventRescheduled moved) {
      int delta = after.details().capacity() - moved.previousCapacity();
      if (delta != 0) {
        updates.add(Updates.inc(EventDocuments.SEATS + ".left", delta));
      }
      if (delta < 0) {
        guards.append(EventDocuments.SEATS + ".left", new Document("$gte", -delta));
      }
    }
    boolean updated =
        writes.update(
            after.id().value(),
            expectedVersion,
            Updates.combine(updates),
            guards,
            List.of(events.toEnvelope(change)));
    if (!updated) {
      Document current =
          collection
              .find(eq("_id", after.id().value()))
              .projection(Projections.include("version"))
              .first();
      return current != null && ((Number) current.get("version")).longValue() == expectedVersion
          ? UpdateOutcome.SEATS_TAKEN
          : UpdateOutcome.VERSION_CONFLICT;
    }
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
