package org.kitepkana.events.event.domain;

import java.time.Instant;
import java.util.Objects;
import org.kitepkana.events.event.domain.EventChange.EventCancelled;
import org.kitepkana.events.event.domain.EventChange.EventCompleted;
import org.kitepkana.events.event.domain.EventChange.EventDrafted;
import org.kitepkana.events.event.domain.EventChange.EventRescheduled;
import org.kitepkana.events.event.domain.EventChange.EventScheduled;

/**
 * A library event hosted by a branch: an exhibition, a lecture, a legal consultation, a meeting
 * with local self-government. Its lifecycle is draft, scheduled, rescheduled, then cancelled or
 * completed; every step is one version and one published change.
 *
 * @param sequence how often the time, room or status changed after scheduling: the iCalendar {@code
 *     SEQUENCE}, so calendar clients replace their copy
 * @param seats counts as the seat ledger keeps them (not changed by this class)
 * @param attendance null until completed
 */
public record LibraryEvent(
    EventId id,
    EventDetails details,
    EventStatus status,
    long version,
    int sequence,
    SeatCounts seats,
    Attendance attendance,
    Instant createdAt,
    Instant updatedAt) {

  public LibraryEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(status, "status");
    seats = seats == null ? SeatCounts.NONE : seats;
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1");
    }
    if (status == EventStatus.COMPLETED && attendance == null) {
      throw new IllegalArgumentException("a completed event has its attendance");
    }
  }

  /** A new draft: holds no room, takes no registrations. */
  public static Transition.Changed draft(EventId id, EventDetails details, Instant now) {
    LibraryEvent e =
        new LibraryEvent(id, details, EventStatus.DRAFT, 1, 0, SeatCounts.NONE, null, now, now);
    return new Transition.Changed(e, new EventDrafted(e));
  }

  /** A new library event scheduled at once. */
  public static Transition.Changed scheduled(EventId id, EventDetails details, Instant now) {
    LibraryEvent e =
        new LibraryEvent(id, details, EventStatus.SCHEDULED, 1, 0, SeatCounts.NONE, null, now, now);
    return new Transition.Changed(e, new EventScheduled(e));
  }

  public Transition reviseDraft(EventDetails revised, Instant now) {
    if (status != EventStatus.DRAFT) {
      return new Transition.Refused(
          "only a draft can be revised; a " + status + " event is rescheduled or cancelled");
    }
    if (!revised.branchId().equals(details.branchId())) {
      return new Transition.Refused("a library event cannot move to another branch");
    }
    LibraryEvent e = next(revised, EventStatus.DRAFT, sequence, attendance, now);
    return new Transition.Changed(e, new EventDrafted(e));
  }

  public Transition schedule(Instant now) {
    if (status != EventStatus.DRAFT) {
      return new Transition.Refused("only a draft can be scheduled; this event is " + status);
    }
    LibraryEvent e = next(details, EventStatus.SCHEDULED, sequence, null, now);
    return new Transition.Changed(e, new EventScheduled(e));
  }

  public Transition reschedule(TimeSlot slot, Room room, int capacity, Instant now) {
    if (!status.isOpen()) {
      return new Transition.Refused(
          "only a scheduled event can be rescheduled; this event is " + status);
    }
    if (slot.equals(details.slot())
        && room.key().equals(details.room().key())
        && capacity == details.capacity()) {
      return new Transition.Refused("nothing changes: same time, room and capacity");
    }
    EventDetails moved = details.withPlace(slot, room, capacity);
    LibraryEvent e = next(moved, EventStatus.RESCHEDULED, sequence + 1, null, now);
    return new Transition.Changed(e, new EventRescheduled(e, details.capacity()));
  }

  public Transition cancel(Instant now) {
    if (status == EventStatus.CANCELLED || status == EventStatus.COMPLETED) {
      return new Transition.Refused("this event is " + status + " already");
    }
    LibraryEvent e = next(details, EventStatus.CANCELLED, sequence + 1, null, now);
    return new Transition.Changed(e, new EventCancelled(e));
  }

  /** Records who came; again on a completed event corrects the attendance. */
  public Transition complete(Attendance recorded, Instant now) {
    Objects.requireNonNull(recorded, "attendance");
    if (!status.isOpen() && status != EventStatus.COMPLETED) {
      return new Transition.Refused(
          "attendance is recorded for held events; this one is " + status);
    }
    if (now.isBefore(details.slot().start())) {
      return new Transition.Refused("the event has not started yet");
    }
    if (recorded.equals(attendance)) {
      return new Transition.Refused("this attendance is recorded already");
    }
    LibraryEvent e = next(details, EventStatus.COMPLETED, sequence, recorded, now);
    return new Transition.Changed(e, new EventCompleted(e));
  }

  public LibraryEvent withSeats(SeatCounts counts) {
    return new LibraryEvent(
        id, details, status, version, sequence, counts, attendance, createdAt, updatedAt);
  }

  private LibraryEvent next(EventDetails d, EventStatus s, int seq, Attendance a, Instant now) {
    return new LibraryEvent(id, d, s, version + 1, seq, seats, a, createdAt, now);
  }
}
