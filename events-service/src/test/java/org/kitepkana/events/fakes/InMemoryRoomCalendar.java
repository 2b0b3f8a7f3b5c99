package org.kitepkana.events.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.kitepkana.events.event.application.RoomCalendar;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.event.domain.Room;
import org.kitepkana.events.event.domain.TimeSlot;
import org.kitepkana.events.shared.domain.BranchId;

/** Room bookings in memory, with the rules of the MongoDB room calendars. */
public final class InMemoryRoomCalendar implements RoomCalendar {

  private final List<Booking> bookings = new ArrayList<>();

  @Override
  public synchronized Claim claim(
      BranchId branch,
      Room room,
      EventId event,
      TimeSlot slot,
      Instant now,
      Predicate<Booking> stillHeld) {
    for (Booking b : List.copyOf(bookings)) {
      if (b.branch().equals(branch)
          && b.roomKey().equals(room.key())
          && !b.eventId().equals(event)
          && b.slot().overlaps(slot)) {
        if (b.claimedAt().isAfter(now.minus(GRACE)) || stillHeld.test(b)) {
          return new Claim.Taken(b.eventId());
        }
        bookings.remove(b);
      }
    }
    bookings.add(new Booking(event, branch, room.key(), slot, now));
    return new Claim.Claimed();
  }

  @Override
  public synchronized void release(BranchId branch, Room room, EventId event, TimeSlot slot) {
    bookings.removeIf(
        b ->
            b.branch().equals(branch)
                && b.roomKey().equals(room.key())
                && b.eventId().equals(event)
                && b.slot().equals(slot));
  }
}
