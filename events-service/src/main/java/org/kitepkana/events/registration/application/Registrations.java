package org.kitepkana.events.registration.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.kitepkana.events.event.application.EventPlanner;
import org.kitepkana.events.event.application.EventRepository;
import org.kitepkana.events.event.application.EventResult;
import org.kitepkana.events.event.application.WaitlistPromotion;
import org.kitepkana.events.event.domain.Attendance;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.event.domain.EventStatus;
import org.kitepkana.events.event.domain.LibraryEvent;
import org.kitepkana.events.registration.domain.CancellationToken;
import org.kitepkana.events.registration.domain.Contact;
import org.kitepkana.events.registration.domain.ReaderName;
import org.kitepkana.events.registration.domain.Registration;
import org.kitepkana.events.registration.domain.RegistrationId;
import org.kitepkana.events.registration.domain.RegistrationStatus;
import org.kitepkana.events.shared.application.Access;
import org.kitepkana.events.shared.application.FieldProblem;
import org.kitepkana.events.shared.application.IdSource;
import org.kitepkana.platform.security.Actor;

/**
 * Readers register for library events, within capacity or on the waitlist in arrival order; a
 * cancellation (by the reader's token or by the branch's staff) gives the seat to the head of the
 * waitlist at once. Staff see the attendee list and record attendance; personal data can be erased
 * while the counts stay.
 */
public class Registrations implements WaitlistPromotion {

  /** Enough for any waitlist; each round promotes one reader or stops. */
  private static final int MAX_PROMOTIONS = 100_000;

  private static final int ATTEMPTS = 5;

  private final EventRepository events;
  private final EventPlanner planner;
  private final SeatLedger seats;
  private final RegistrationRepository registrations;
  private final IdSource ids;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public Registrations(
      EventRepository events,
      EventPlanner planner,
      SeatLedger seats,
      RegistrationRepository registrations,
      IdSource ids,
      Clock clock) {
    this.events = events;
    this.planner = planner;
    this.seats = seats;
    this.registrations = registrations;
    this.ids = ids;
    this.clock = clock;
  }

  /** Anyone may register: confirmed within capacity, else waitlisted in arrival order. */
  public RegistrationResult register(
      Actor actor, EventId eventId, ReaderName name, Contact contact) {
    Optional<LibraryEvent> found = planner.find(actor, eventId);
    if (found.isEmpty()) {
      return new RegistrationResult.NotFound();
    }
    LibraryEvent event = found.get();
    Instant now = clock.instant();
    if (!event.status().isOpen()) {
      return new RegistrationResult.Closed("the library event is " + event.status());
    }
    if (!event.details().registrationRequired()) {
      return new RegistrationResult.Closed("this library event needs no registration: just come");
    }
    if (!event.details().window().isOpen(now, event.details().slot())) {
      return new RegistrationResult.Closed("registration is not open at this time");
    }
    CancellationToken token = CancellationToken.generate(random);
    Registration pending =
        new Registration(
            new RegistrationId(ids.next()),
            eventId,
            name,
            contact,
            RegistrationStatus.PENDING,
            0,
            token.hash(),
            now,
            null);
    // Stored before the claim, so a promotion that reaches it early finds it.
    registrations.insert(pending);
    SeatLedger.Claim claim = seats.claim(eventId, pending.id());
    if (claim instanceof SeatLedger.Claim.Closed) {
      registrations.delete(pending.id());
      return new RegistrationResult.Closed("the library event is no longer open for registration");
    }
    RegistrationStatus status;
    long seq;
    int position;
    if (claim instanceof SeatLedger.Claim.Confirmed confirmed) {
      status = RegistrationStatus.CONFIRMED;
      seq = confirmed.seq();
      position = 0;
    } else {
      SeatLedger.Claim.Waitlisted waitlisted = (SeatLedger.Claim.Waitlisted) claim;
      status = RegistrationStatus.WAITLISTED;
      seq = waitlisted.seq();
      position = waitlisted.position();
    }
    if (!registrations.changeStatus(pending.id(), RegistrationStatus.PENDING, status, seq)) {
      // Promoted from the waitlist before it was even settled.
      registrations.changeStatus(
          pending.id(), RegistrationStatus.CONFIRMED, RegistrationStatus.CONFIRMED, seq);
      status = RegistrationStatus.CONFIRMED;
      position = 0;
    }
    return new RegistrationResult.Registered(pending.withStatus(status, seq), position, token);
  }

  /** The reader (with the token) or the branch's staff see one registration. */
  public RegistrationResult show(
      Actor actor, EventId eventId, RegistrationId id, CancellationToken token) {
    return authorized(
        actor,
        eventId,
        id,
        token,
        (event, registration) ->
            new RegistrationResult.Done(registration, seats.position(eventId, id)));
  }

  /** Cancels; a freed seat goes to the head of the waitlist at once. Repeating changes nothing. */
  public RegistrationResult cancel(
      Actor actor, EventId eventId, RegistrationId id, CancellationToken token) {
    return authorized(actor, eventId, id, token, (event, r) -> cancel(eventId, id));
  }

  private RegistrationResult cancel(EventId eventId, RegistrationId id) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Registration current = registrations.find(id).orElseThrow();
      RegistrationStatus status = current.status();
      if (status == RegistrationStatus.CANCELLED) {
        return new RegistrationResult.Done(current, 0);
      }
      if (status == RegistrationStatus.PENDING) {
        return new RegistrationResult.Refused("the registration is still being processed");
      }
      if (registrations.changeStatus(id, status, RegistrationStatus.CANCELLED, null)) {
        if (status == RegistrationStatus.CONFIRMED) {
          seats.releaseSeat(eventId);
          seatsAdded(eventId);
        } else {
          // If a promotion popped it meanwhile, that promotion finds it cancelled and frees the
          // seat again.
          seats.leaveWaitlist(eventId, id);
        }
        return new RegistrationResult.Done(
            current.withStatus(RegistrationStatus.CANCELLED, current.seq()), 0);
      }
    }
    return new RegistrationResult.Refused("the registration changed meanwhile; try again");
  }

  /** Blanks the reader's name and contact; the status (and so every count) stays. */
  public RegistrationResult erase(
      Actor actor, EventId eventId, RegistrationId id, CancellationToken token) {
    return authorized(
        actor,
        eventId,
        id,
        token,
        (event, r) -> {
          registrations.erase(id, clock.instant());
          return new RegistrationResult.Done(
              registrations.find(id).orElseThrow(), seats.position(eventId, id));
        });
  }

  /** Erases a reader's personal data in every registration (coordinators, on request). */
  public Optional<Long> eraseEverywhere(Actor actor, String contact) {
    if (!Access.isCoordinator(actor)) {
      return Optional.empty();
    }
    return Optional.of(registrations.eraseContact(Contact.keyOf(contact), clock.instant()));
  }

  /** The attendee list, for the branch's staff. */
  public Optional<List<Attendee>> attendees(Actor actor, EventId eventId) {
    Optional<LibraryEvent> event = events.find(eventId);
    if (event.isEmpty() || !Access.mayManage(actor, event.get().details().branchId())) {
      return Optional.empty();
    }
    List<RegistrationId> waitlist = seats.waitlist(eventId);
    Set<String> attended =
        event.get().attendance() == null
            ? Set.of()
            : event.get().attendance().attendedRegistrations();
    return Optional.of(
        registrations.byEvent(eventId).stream()
            .map(
                r ->
                    new Attendee(
                        r, waitlist.indexOf(r.id()) + 1, attended.contains(r.id().value())))
            .toList());
  }

  /** Records who came (confirmed registrations) plus walk-ins, and completes the event. */
  public EventResult recordAttendance(
      Actor actor, EventId eventId, List<RegistrationId> attended, int walkIns) {
    Optional<LibraryEvent> event = planner.find(actor, eventId);
    if (event.isEmpty()) {
      return new EventResult.NotFound();
    }
    if (!Access.mayManage(actor, event.get().details().branchId())) {
      return new EventResult.Forbidden(
          Access.describe(actor)
              + " may not record attendance at "
              + event.get().details().branchId());
    }
    Set<RegistrationId> distinct = new LinkedHashSet<>(attended);
    Map<RegistrationId, Registration> found = registrations.find(distinct);
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < attended.size(); i++) {
      Registration r = found.get(attended.get(i));
      String field = "attendedRegistrationIds[" + i + "]";
      if (r == null || !r.eventId().equals(eventId)) {
        problems.add(new FieldProblem(field, "not a registration of this library event"));
      } else if (r.status() != RegistrationStatus.CONFIRMED) {
        problems.add(new FieldProblem(field, "the registration is " + r.status()));
      }
    }
    if (walkIns < 0 || walkIns > Attendance.MAX_WALK_INS) {
      problems.add(new FieldProblem("walkIns", "must be between 0 and " + Attendance.MAX_WALK_INS));
    }
    if (!problems.isEmpty()) {
      return new EventResult.Invalid(problems);
    }
    Attendance attendance =
        new Attendance(
            distinct.stream().map(RegistrationId::value).collect(Collectors.toSet()), walkIns);
    return planner.complete(actor, eventId, attendance);
  }

  /** Seats became free (a cancellation, a larger capacity): the waitlist moves up. */
  @Override
  public void seatsAdded(EventId eventId) {
    for (int i = 0; i < MAX_PROMOTIONS; i++) {
      Optional<RegistrationId> head = seats.promoteHead(eventId);
      if (head.isEmpty()) {
        return;
      }
      RegistrationId id = head.get();
      boolean promoted =
          registrations.changeStatus(
                  id, RegistrationStatus.WAITLISTED, RegistrationStatus.CONFIRMED, null)
              || registrations.changeStatus(
                  id, RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, null);
      if (!promoted) {
        seats.releaseSeat(eventId); // it no longer waits (cancelled meanwhile)
      }
    }
  }

  private interface Step {
    RegistrationResult on(LibraryEvent event, Registration registration);
  }

  /** Runs {@code step} for the reader holding the token, or for the branch's staff. */
  private RegistrationResult authorized(
      Actor actor, EventId eventId, RegistrationId id, CancellationToken token, Step step) {
    Optional<Registration> registration = registrations.find(id);
    Optional<LibraryEvent> event = events.find(eventId);
    if (registration.isEmpty()
        || event.isEmpty()
        || !registration.get().eventId().equals(eventId)
        || event.get().status() == EventStatus.DRAFT) {
      return new RegistrationResult.NotFound();
    }
    boolean reader = token != null && token.matches(registration.get().tokenHash());
    if (!reader && !Access.mayManage(actor, event.get().details().branchId())) {
      return new RegistrationResult.Forbidden(
          token == null
              ? "give the registration's cancellation token"
              : "the cancellation token does not match");
    }
    return step.on(event.get(), registration.get());
  }
}
