package org.kitepkana.events.event.application;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.event.domain.Room;
import org.kitepkana.events.event.domain.TimeSlot;
import org.kitepkana.events.shared.domain.BranchId;

/**
 * Which library event holds which room when. Claims are decided race-free by the store, so two
 * events never overlap in the same room of the same branch, however many schedule at once.
 */
public interface RoomCalendar {

  /** How long a fresh booking counts as held even before its event's state says so. */
  Duration GRACE = Duration.ofMinutes(2);

  /** A claimed time slot in a room ({@code roomKey} = {@link Room#key()}). */
  record Booking(
      EventId eventId, BranchId branch, String roomKey, TimeSlot slot, Instant claimedAt) {}

  /** The outcome of a claim. */
  sealed interface Claim {
    record Claimed() implements Claim {}

    /** Another library event holds an overlapping slot. */
    record Taken(EventId holder) implements Claim {}
  }

  /**
   * Claims {@code slot} in the room for the event, unless another event's booking overlaps it. An
   * event may hold several bookings while it moves. A booking older than {@link #GRACE} that {@code
   * stillHeld} rejects (its event was cancelled, moved, or never saved) is dropped instead of
   * blocking.
   */
  Claim claim(
      BranchId branch,
      Room room,
      EventId event,
      TimeSlot slot,
      Instant now,
      Predicate<Booking> stillHeld);

  /** Gives up the event's booking of exactly this slot, if it has one. */
  void release(BranchId branch, Room room, EventId event, TimeSlot slot);
}
