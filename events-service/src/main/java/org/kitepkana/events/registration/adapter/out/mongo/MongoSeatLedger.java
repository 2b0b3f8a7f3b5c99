package org.kitepkana.events.registration.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.event.domain.EventStatus;
import org.kitepkana.events.registration.application.SeatLedger;
import org.kitepkana.events.registration.domain.RegistrationId;

/**
 * The seat ledger inside each library event's document ({@code events}, field {@code seats}: {@code
 * left, seq, confirmed, waitlisted, waitlist[]}). Every change is ONE {@code
 * findOneAndUpdate}/{@code updateOne} on that document with a guard in its filter, so the store
 * serializes them: a seat is taken only while {@code left > 0} and nobody waits, and the arrival
 * number ({@code seq}, from {@code $inc}) is given in the same operation that takes the seat or
 * joins the waitlist. The store's order of operations is the arrival order; the waitlist array is
 * in that order too. Event state fields are never touched here, so registrations do not contend
 * with the event's version.
 */
public final class MongoSeatLedger implements SeatLedger {

  public static final String EVENTS = "events";
  private static final String LEFT = "seats.left";
  private static final String SEQ = "seats.seq";
  private static final String CONFIRMED = "seats.confirmed";
  private static final String WAITLISTED = "seats.waitlisted";
  private static final String WAITLIST = "seats.waitlist";
  private static final String HEAD = WAITLIST + ".0";
  private static final List<String> OPEN =
      List.of(EventStatus.SCHEDULED.name(), EventStatus.RESCHEDULED.name());
  private static final int ATTEMPTS = 1000;

  private final MongoCollection<Document> events;

  public MongoSeatLedger(MongoDatabase database) {
    this.events = database.getCollection(EVENTS);
  }

  @Override
  public Claim claim(EventId event, RegistrationId registration) {
    Bson open = and(eq("_id", event.value()), in("status", OPEN), eq("registrationRequired", true));
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Document seat =
          events.findOneAndUpdate(
              and(open, gt(LEFT, 0), exists(HEAD, false)),
              Updates.combine(
                  Updates.inc(LEFT, -1), Updates.inc(CONFIRMED, 1), Updates.inc(SEQ, 1L)),
              after(SEQ));
      if (seat != null) {
        return new Claim.Confirmed(seats(seat).get("seq", Number.class).longValue());
      }
      Document waiting =
          events.findOneAndUpdate(
              and(open, or(lte(LEFT, 0), exists(HEAD, true))),
              Updates.combine(
                  Updates.inc(SEQ, 1L),
                  Updates.inc(WAITLISTED, 1),
                  Updates.push(WAITLIST, registration.value())),
              after(SEQ, WAITLISTED));
      if (waiting != null) {
        Document s = seats(waiting);
        return new Claim.Waitlisted(
            s.get("seq", Number.class).longValue(), s.get("waitlisted", Number.class).intValue());
      }
      if (events.find(open).projection(Projections.include("_id")).first() == null) {
        return new Claim.Closed();
      }
      // The seats changed between the two guarded operations (a cancellation): decide again.
    }
    throw new IllegalStateException("the seats of " + event + " change too fast; try again");
  }

  @Override
  public boolean leaveWaitlist(EventId event, RegistrationId registration) {
    return events
            .updateOne(
                and(eq("_id", event.value()), eq(WAITLIST, registration.value())),
                Updates.combine(
                    Updates.pull(WAITLIST, registration.value()), Updates.inc(WAITLISTED, -1)))
            .getModifiedCount()
        == 1;
  }

  @Override
  public void releaseSeat(EventId event) {
    events.updateOne(
        eq("_id", event.value()),
        Updates.combine(Updates.inc(LEFT, 1), Updates.inc(CONFIRMED, -1)));
  }

  @Override
  public Optional<RegistrationId> promoteHead(EventId event) {
    Document before =
        events.findOneAndUpdate(
            and(eq("_id", event.value()), in("status", OPEN), gt(LEFT, 0), exists(HEAD, true)),
            Updates.combine(
                Updates.popFirst(WAITLIST),
                Updates.inc(LEFT, -1),
                Updates.inc(CONFIRMED, 1),
                Updates.inc(WAITLISTED, -1)),
            new FindOneAndUpdateOptions()
                .returnDocument(ReturnDocument.BEFORE)
                .projection(Projections.include(WAITLIST)));
    if (before == null) {
      return Optional.empty();
    }
    List<String> waitlist = seats(before).getList("waitlist", String.class, List.of());
    return waitlist.isEmpty() ? Optional.empty() : Optional.of(new RegistrationId(waitlist.get(0)));
  }

  @Override
  public int position(EventId event, RegistrationId registration) {
    return waitlist(event).indexOf(registration) + 1;
  }

  @Override
  public List<RegistrationId> waitlist(EventId event) {
    Document doc =
        events.find(eq("_id", event.value())).projection(Projections.include(WAITLIST)).first();
    if (doc == null || doc.get("seats") == null) {
      return List.of();
    }
    return seats(doc).getList("waitlist", String.class, List.of()).stream()
        .map(RegistrationId::new)
        .toList();
  }

  private static Document seats(Document doc) {
    return doc.get("seats", Document.class);
  }

  private static FindOneAndUpdateOptions after(String... fields) {
    return new FindOneAndUpdateOptions()
        .returnDocument(ReturnDocument.AFTER)
        .projection(Projections.include(fields));
  }
}
