package org.kitepkana.events.registration.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kitepkana.events.event.application.EventResult;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.event.domain.Room;
import org.kitepkana.events.fakes.Fixtures;
import org.kitepkana.events.fakes.Programme;
import org.kitepkana.events.registration.domain.Contact;
import org.kitepkana.events.registration.domain.ReaderName;
import org.kitepkana.events.registration.domain.RegistrationStatus;
import org.kitepkana.platform.security.Actor;

/** Waitlist rules of the registration service, with in-memory stores. */
class WaitlistTest {

  final Programme p = new Programme();
  final Actor librarian = Actor.librarian("at-bashy", "librarian");

  EventId event(int capacity) {
    return ((EventResult.Done)
            p.planner.create(librarian, Fixtures.consultation("at-bashy", 10, capacity), false))
        .event()
        .id();
  }

  RegistrationResult.Registered register(EventId id, int n) {
    return (RegistrationResult.Registered)
        p.registrations.register(
            Actor.anonymous(),
            id,
            new ReaderName("Demo " + n),
            Contact.phone("+996 700 000 " + (100 + n)));
  }

  @Test
  void beyondCapacityReadersWaitInArrivalOrderAndMoveUpWhenASeatFrees() {
    EventId id = event(2);
    List<RegistrationResult.Registered> r = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      r.add(register(id, i));
    }
    assertThat(r)
        .extracting(x -> x.registration().status())
        .containsExactly(
            RegistrationStatus.CONFIRMED,
            RegistrationStatus.CONFIRMED,
            RegistrationStatus.WAITLISTED,
            RegistrationStatus.WAITLISTED,
            RegistrationStatus.WAITLISTED);
    assertThat(r)
        .extracting(RegistrationResult.Registered::position)
        .containsExactly(0, 0, 1, 2, 3);

    p.registrations.cancel(librarian, id, r.get(0).registration().id(), null);
    assertThat(status(r.get(2))).isEqualTo(RegistrationStatus.CONFIRMED);
    assertThat(p.events.position(id, r.get(3).registration().id())).isEqualTo(1);

    // A larger room: two more seats, the waitlist empties in order.
    p.planner.reschedule(librarian, id, Fixtures.slot(10, 2), new Room("чоң зал"), 4);
    assertThat(status(r.get(3))).isEqualTo(RegistrationStatus.CONFIRMED);
    assertThat(status(r.get(4))).isEqualTo(RegistrationStatus.CONFIRMED);
    assertThat(p.events.find(id).orElseThrow().seats().confirmed()).isEqualTo(4);
    assertThat(p.events.find(id).orElseThrow().seats().waitlisted()).isZero();
  }

  @Test
  void theCapacityCannotShrinkBelowTheConfirmedRegistrations() {
    EventId id = event(3);
    register(id, 1);
    register(id, 2);
    assertThat(p.planner.reschedule(librarian, id, Fixtures.slot(10, 2), new Room("окуу залы"), 1))
        .isInstanceOf(EventResult.SeatsTaken.class);
    assertThat(p.planner.reschedule(librarian, id, Fixtures.slot(10, 2), new Room("окуу залы"), 2))
        .isInstanceOf(EventResult.Done.class);
    assertThat(register(id, 3).registration().status()).isEqualTo(RegistrationStatus.WAITLISTED);
  }

  @Test
  void aCancelledWaitlistedReaderIsSkippedWhenTheSeatFrees() {
    EventId id = event(1);
    var first = register(id, 1);
    var second = register(id, 2);
    var third = register(id, 3);
    p.registrations.cancel(Actor.anonymous(), id, second.registration().id(), second.token());
    p.registrations.cancel(Actor.anonymous(), id, first.registration().id(), first.token());
    assertThat(status(second)).isEqualTo(RegistrationStatus.CANCELLED);
    assertThat(status(third)).isEqualTo(RegistrationStatus.CONFIRMED);
  }

  private RegistrationStatus status(RegistrationResult.Registered r) {
    return p.registrationStore.find(r.registration().id()).orElseThrow().status();
  }
}
