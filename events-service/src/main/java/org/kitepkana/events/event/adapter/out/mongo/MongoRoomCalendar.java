package org.kitepkana.events.event.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;
import org.bson.Document;
import org.kitepkana.events.event.application.RoomCalendar;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.event.domain.Room;
import org.kitepkana.events.event.domain.TimeSlot;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.platform.mongo.VersionedWrites;

/**
 * One document per room ({@code _id = <branch>|<room key>}) listing its bookings, written only
 * conditionally on the version read; see the package documentation for why.
 */
public final class MongoRoomCalendar implements RoomCalendar {

  public static final String COLLECTION = "room_calendars";
  private static final int ATTEMPTS = 50;

  /** Bookings that ended this long ago are dropped when the calendar is next written. */
  private static final Duration KEEP_PAST = Duration.ofDays(400);

  private final MongoCollection<Document> calendars;

  public MongoRoomCalendar(MongoDatabase database) {
    this.calendars = database.getCollection(COLLECTION);
  }

  @Override
  public Claim claim(
      BranchId branch,
      Room room,
      EventId event,
      TimeSlot slot,
      Instant now,
      Predicate<Booking> stillHeld) {
    String id = branch.value() + "|" + room.key();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Document calendar = calendars.find(eq("_id", id)).first();
      List<Booking> bookings = new ArrayList<>();
      if (calendar != null) {
        for (Document b : calendar.getList("bookings", Document.class, List.of())) {
          bookings.add(toBooking(branch, room, b));
        }
      }
      List<Booking> kept = new ArrayList<>();
      EventId holder = null;
      boolean mine = false;
      for (Booking b : bookings) {
        if (b.eventId().equals(event)) {
          mine |= b.slot().equals(slot);
          kept.add(b);
        } else if (b.slot().end().isBefore(now.minus(KEEP_PAST))) {
          continue; // long past: drop
        } else if (b.slot().overlaps(slot)) {
          boolean fresh = b.claimedAt().isAfter(now.minus(GRACE));
          if (fresh || stillHeld.test(b)) {
            holder = holder == null ? b.eventId() : holder;
            kept.add(b);
          }
        } else {
          kept.add(b);
        }
      }
      if (holder != null) {
        return new Claim.Taken(holder);
      }
      if (mine) {
        return new Claim.Claimed();
      }
      kept.add(new Booking(event, branch, room.key(), slot, now));
      List<Document> docs = kept.stream().map(MongoRoomCalendar::toDocument).toList();
      if (calendar == null) {
        try {
          calendars.insertOne(
              new Document("_id", id)
                  .append("branchId", branch.value())
                  .append("room", room.name())
                  .append("version", 1L)
                  .append("bookings", docs));
          return new Claim.Claimed();
        } catch (MongoWriteException e) {
          if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
            throw e;
          }
          continue; // another claim created the calendar first: read it and decide again
        }
      }
      long version = ((Number) calendar.get("version")).longValue();
      if (VersionedWrites.updateIfVersion(
          calendars,
          id,
          version,
          Updates.combine(Updates.set("bookings", docs), Updates.inc("version", 1L)))) {
        return new Claim.Claimed();
      }
    }
    throw new IllegalStateException("room calendar " + id + " is too busy; try again");
  }

  @Override
  public void release(BranchId branch, Room room, EventId event, TimeSlot slot) {
    calendars.updateOne(
        eq("_id", branch.value() + "|" + room.key()),
        Updates.combine(
            Updates.pullByFilter(
                new Document(
                    "bookings",
                    new Document("eventId", event.value())
                        .append("start", Date.from(slot.start()))
                        .append("end", Date.from(slot.end())))),
            Updates.inc("version", 1L)));
  }

  private static Booking toBooking(BranchId branch, Room room, Document d) {
    return new Booking(
        new EventId(d.getString("eventId")),
        branch,
        room.key(),
        new TimeSlot(d.getDate("start").toInstant(), d.getDate("end").toInstant()),
        d.getDate("claimedAt").toInstant());
  }

  private static Document toDocument(Booking b) {
    return new Document("eventId", b.eventId().value())
        .append("start", Date.from(b.slot().start()))
        .append("end", Date.from(b.slot().end()))
        .append("claimedAt", Date.from(b.claimedAt()));
  }
}
