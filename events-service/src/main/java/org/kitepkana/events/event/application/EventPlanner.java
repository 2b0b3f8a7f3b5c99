package org.kitepkana.events.event.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.kitepkana.events.event.application.EventRepository.UpdateOutcome;
import org.kitepkana.events.event.application.RoomCalendar.Booking;
import org.kitepkana.events.event.domain.Attendance;
import org.kitepkana.events.event.domain.EventChange;
import org.kitepkana.events.event.domain.EventDetails;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.event.domain.EventStatus;
import org.kitepkana.events.event.domain.LibraryEvent;
import org.kitepkana.events.event.domain.Room;
import org.kitepkana.events.event.domain.TimeSlot;
import org.kitepkana.events.event.domain.Transition;
import org.kitepkana.events.shared.application.Access;
import org.kitepkana.events.shared.application.FieldProblem;
import org.kitepkana.events.shared.application.IdSource;
import org.kitepkana.platform.security.Actor;

/**
 * Plans library events: drafts, schedules, reschedules, cancels and completes them, for the actors
 * allowed to ({@link Access}). A scheduled event first claims its room in the {@link RoomCalendar},
 * then its state and published change are written in one update; a claim whose write failed is
 * given back.
 */
public class EventPlanner {

  private final EventRepository events;
  private final RoomCalendar rooms;
  private final EventReferences references;
  private final WaitlistPromotion promotion;
  private final IdSource ids;
  private final Clock clock;

  public EventPlanner(
      EventRepository events,
      RoomCalendar rooms,
      EventReferences references,
      WaitlistPromotion promotion,
      IdSource ids,
      Clock clock) {
    this.events = events;
    this.rooms = rooms;
    this.references = references;
    this.promotion = promotion;
    this.ids = ids;
    this.clock = clock;
  }

  /** A new library event: a draft, or scheduled at once. */
  public EventResult create(Actor actor, EventDetails details, boolean asDraft) {
    if (!Access.mayManage(actor, details.branchId())) {
      return forbidden(actor, details);
    }
    List<FieldProblem> problems = references.check(details);
    if (!problems.isEmpty()) {
      return new EventResult.Invalid(problems);
    }
    EventId id = new EventId(ids.next());
    Instant now = clock.instant();
    Transition.Changed created =
        asDraft ? LibraryEvent.draft(id, details, now) : LibraryEvent.scheduled(id, details, now);
    LibraryEvent event = created.after();
    if (!asDraft) {
      EventResult taken = claim(event, now);
      if (taken != null) {
        return taken;
      }
    }
    try {
      if (!events.insert(event, created.change())) {
        throw new IllegalStateException("event id " + id + " is taken");
      }
    } catch (RuntimeException e) {
      if (!asDraft) {
        release(event);
      }
      throw e;
    }
    return new EventResult.Done(event);
  }

  /** New details for a draft; {@code expectedVersion} (may be null) guards against lost updates. */
  public EventResult reviseDraft(
      Actor actor, EventId id, EventDetails details, Long expectedVersion) {
    Optional<LibraryEvent> found = events.find(id);
    if (found.isEmpty() || !mayRead(actor, found.get())) {
      return new EventResult.NotFound();
    }
    LibraryEvent before = found.get();
    if (!Access.mayManage(actor, before.details().branchId())) {
      return forbidden(actor, before.details());
    }
    if (expectedVersion != null && expectedVersion != before.version()) {
      return new EventResult.VersionConflict(before.version());
    }
    List<FieldProblem> problems = references.check(details);
    if (!problems.isEmpty()) {
      return new EventResult.Invalid(problems);
    }
    return apply(before, before.reviseDraft(details, clock.instant()), false);
  }

  public EventResult schedule(Actor actor, EventId id) {
    return change(
        actor,
        id,
        before -> {
          List<FieldProblem> problems = references.check(before.details());
          if (!problems.isEmpty()) {
            return new EventResult.Invalid(problems);
          }
          Instant now = clock.instant();
          Transition t = before.schedule(now);
          if (t instanceof Transition.Changed changed) {
            EventResult taken = claim(changed.after(), now);
            if (taken != null) {
              return taken;
            }
          }
          return apply(before, t, true);
        });
  }

  public EventResult reschedule(Actor actor, EventId id, TimeSlot slot, Room room, int capacity) {
    return change(
        actor,
        id,
        before -> {
          List<FieldProblem> problems =
              references.checkCampaign(before.details().withPlace(slot, room, capacity), false);
          if (!problems.isEmpty()) {
            return new EventResult.Invalid(problems);
          }
          Instant now = clock.instant();
          Transition t = before.reschedule(slot, room, capacity, now);
          boolean moves =
              !before.details().slot().equals(slot)
                  || !before.details().room().key().equals(room.key());
          if (moves && t instanceof Transition.Changed changed) {
            EventResult taken = claim(changed.after(), now);
            if (taken != null) {
              return taken;
            }
          }
          EventResult result = apply(before, t, moves);
          if (result instanceof EventResult.Done done) {
            if (moves) {
              release(before);
            }
            if (done.event().details().capacity() > before.details().capacity()) {
              promotion.seatsAdded(id);
            }
          }
          return result;
        });
  }

  public EventResult cancel(Actor actor, EventId id) {
    return change(
        actor,
        id,
        before -> {
          EventResult result = apply(before, before.cancel(clock.instant()), false);
          if (result instanceof EventResult.Done && before.status().holdsRoom()) {
            release(before);
          }
          return result;
        });
  }

  /**
   * Records the attendance (registrations already checked by the caller) and completes the event;
   * again on a completed event corrects it.
   */
  public EventResult complete(Actor actor, EventId id, Attendance attendance) {
    return change(
        actor, id, before -> apply(before, before.complete(attendance, clock.instant()), false));
  }

  /** The event, unless it is a draft the actor may not see. */
  public Optional<LibraryEvent> find(Actor actor, EventId id) {
    return events.find(id).filter(e -> mayRead(actor, e));
  }

  /** Events matching the query; drafts only of branches the actor manages. */
  public List<LibraryEvent> list(Actor actor, EventQuery query) {
    return events.find(query).stream().filter(e -> mayRead(actor, e)).toList();
  }

  static boolean mayRead(Actor actor, LibraryEvent event) {
    return event.status() != EventStatus.DRAFT
        || Access.mayManage(actor, event.details().branchId());
  }

  private interface Step {
    EventResult on(LibraryEvent before);
  }

  private EventResult change(Actor actor, EventId id, Step step) {
    Optional<LibraryEvent> found = events.find(id);
    if (found.isEmpty() || !mayRead(actor, found.get())) {
      return new EventResult.NotFound();
    }
    if (!Access.mayManage(actor, found.get().details().branchId())) {
      return forbidden(actor, found.get().details());
    }
    return step.on(found.get());
  }

  /** Writes the transition; gives back the room claimed for it if the write loses a race. */
  private EventResult apply(LibraryEvent before, Transition t, boolean claimed) {
    if (t instanceof Transition.Refused refused) {
      return new EventResult.Refused(refused.reason());
    }
    Transition.Changed changed = (Transition.Changed) t;
    EventChange change = changed.change();
    UpdateOutcome outcome;
    try {
      outcome = events.update(changed.after(), before.version(), change);
    } catch (RuntimeException e) {
      if (claimed) {
        release(changed.after());
      }
      throw e;
    }
    if (outcome == UpdateOutcome.UPDATED) {
      return new EventResult.Done(changed.after());
    }
    if (claimed) {
      release(changed.after());
    }
    if (outcome == UpdateOutcome.SEATS_TAKEN) {
      return new EventResult.SeatsTaken(
          events.find(before.id()).map(e -> e.seats().confirmed()).orElse(0));
    }
    return new EventResult.VersionConflict(
        events.find(before.id()).map(LibraryEvent::version).orElse(0L));
  }

  /** Claims the event's room and slot; null when claimed, else the refusal. */
  private EventResult claim(LibraryEvent event, Instant now) {
    EventDetails d = event.details();
    RoomCalendar.Claim claim =
        rooms.claim(d.branchId(), d.room(), event.id(), d.slot(), now, this::stillHeld);
    if (claim instanceof RoomCalendar.Claim.Taken taken) {
      return new EventResult.RoomTaken(taken.holder(), events.find(taken.holder()).orElse(null));
    }
    return null;
  }

  private void release(LibraryEvent event) {
    EventDetails d = event.details();
    rooms.release(d.branchId(), d.room(), event.id(), d.slot());
  }

  /** Whether a booking still stands for what its event's stored state says. */
  private boolean stillHeld(Booking booking) {
    return events
        .find(booking.eventId())
        .filter(e -> e.status().holdsRoom())
        .filter(e -> e.details().branchId().equals(booking.branch()))
        .filter(e -> e.details().room().key().equals(booking.roomKey()))
        .filter(e -> e.details().slot().equals(booking.slot()))
        .isPresent();
  }

  private static EventResult forbidden(Actor actor, EventDetails details) {
    return new EventResult.Forbidden(
        Access.describe(actor) + " may not plan library events of " + details.branchId());
  }
}
