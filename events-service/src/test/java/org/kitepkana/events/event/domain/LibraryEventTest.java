package org.kitepkana.events.event.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kitepkana.events.fakes.Fixtures;
import org.kitepkana.events.fakes.Programme;

class LibraryEventTest {

  static final EventId ID = new EventId("01JQ9A7K2M4N6P8R0S2T4V6W8X");
  static final EventDetails DETAILS = Fixtures.consultation("at-bashy", 10, 40);

  LibraryEvent scheduled() {
    return LibraryEvent.scheduled(ID, DETAILS, Programme.NOW).after();
  }

  static LibraryEvent after(Transition t) {
    assertThat(t).isInstanceOf(Transition.Changed.class);
    return ((Transition.Changed) t).after();
  }

  @Test
  void aDraftIsScheduledOnceAndEveryStepIsOneVersion() {
    LibraryEvent draft = LibraryEvent.draft(ID, DETAILS, Programme.NOW).after();
    assertThat(draft.status()).isEqualTo(EventStatus.DRAFT);
    assertThat(draft.status().holdsRoom()).isFalse();
    LibraryEvent revised =
        after(draft.reviseDraft(Fixtures.consultation("at-bashy", 11, 30), Programme.NOW));
    assertThat(revised.version()).isEqualTo(2);
    LibraryEvent scheduled = after(revised.schedule(Programme.NOW));
    assertThat(scheduled.status()).isEqualTo(EventStatus.SCHEDULED);
    assertThat(scheduled.version()).isEqualTo(3);
    assertThat(scheduled.schedule(Programme.NOW)).isInstanceOf(Transition.Refused.class);
    assertThat(scheduled.reviseDraft(DETAILS, Programme.NOW))
        .isInstanceOf(Transition.Refused.class);
  }

  @Test
  void reschedulingMovesTheEventAndRaisesTheCalendarSequence() {
    LibraryEvent moved =
        after(scheduled().reschedule(Fixtures.slot(12, 3), new Room("чоң зал"), 50, Programme.NOW));
    assertThat(moved.status()).isEqualTo(EventStatus.RESCHEDULED);
    assertThat(moved.sequence()).isEqualTo(1);
    assertThat(moved.details().capacity()).isEqualTo(50);
    assertThat(moved.reschedule(Fixtures.slot(12, 3), new Room("Чоң  зал"), 50, Programme.NOW))
        .as("the same room, time and capacity")
        .isInstanceOf(Transition.Refused.class);
    var change =
        ((Transition.Changed)
                scheduled().reschedule(Fixtures.slot(12, 3), DETAILS.room(), 45, Programme.NOW))
            .change();
    assertThat(((EventChange.EventRescheduled) change).previousCapacity()).isEqualTo(40);
  }

  @Test
  void cancelledAndCompletedAreFinal() {
    LibraryEvent cancelled = after(scheduled().cancel(Programme.NOW));
    assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
    assertThat(cancelled.status().holdsRoom()).isFalse();
    assertThat(cancelled.cancel(Programme.NOW)).isInstanceOf(Transition.Refused.class);
    assertThat(
            cancelled.complete(
                new Attendance(Set.of(), 3), Programme.NOW.plus(Duration.ofDays(30))))
        .isInstanceOf(Transition.Refused.class);
    assertThat(cancelled.reschedule(Fixtures.slot(12, 1), DETAILS.room(), 40, Programme.NOW))
        .isInstanceOf(Transition.Refused.class);
  }

  @Test
  void attendanceIsRecordedOnlyOnceTheEventHasStartedAndMayBeCorrected() {
    LibraryEvent event = scheduled();
    Attendance came = new Attendance(Set.of("01JQ9A2B4C6D8E0F2G4H6J8K0M"), 12);
    assertThat(event.complete(came, Programme.NOW)).isInstanceOf(Transition.Refused.class);
    var later = Programme.NOW.plus(Duration.ofDays(10)).plusSeconds(60);
    LibraryEvent completed = after(event.complete(came, later));
    assertThat(completed.status()).isEqualTo(EventStatus.COMPLETED);
    assertThat(completed.attendance().total()).isEqualTo(13);
    assertThat(completed.complete(came, later)).isInstanceOf(Transition.Refused.class);
    LibraryEvent corrected = after(completed.complete(new Attendance(Set.of(), 14), later));
    assertThat(corrected.attendance().total()).isEqualTo(14);
    assertThat(corrected.version()).isEqualTo(3);
    assertThat(completed.cancel(later)).isInstanceOf(Transition.Refused.class);
  }

  @Test
  void valueObjectsRefuseWhatCannotBe() {
    assertThatThrownBy(() -> Fixtures.consultation("at-bashy", 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Attendance(Set.of(), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Room("  ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Room(" Окуу   Залы ").key()).isEqualTo("окуу залы");
    assertThatThrownBy(() -> new TimeSlot(Programme.NOW, Programme.NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TimeSlot(Programme.NOW, Programme.NOW.plus(Duration.ofDays(93))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EventId("01jq9a7k2m4n6p8r0s2t4v6w8x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void slotsOverlapOnlyWhenTheyShareAMoment() {
    TimeSlot twoToFour = Fixtures.slot(1, 2);
    TimeSlot fourToFive = new TimeSlot(twoToFour.end(), twoToFour.end().plus(Duration.ofHours(1)));
    TimeSlot threeToFive =
        new TimeSlot(twoToFour.start().plus(Duration.ofHours(1)), fourToFive.end());
    assertThat(twoToFour.overlaps(fourToFive)).isFalse();
    assertThat(fourToFive.overlaps(twoToFour)).isFalse();
    assertThat(twoToFour.overlaps(threeToFive)).isTrue();
    assertThat(threeToFive.overlaps(twoToFour)).isTrue();
    assertThat(twoToFour.overlaps(twoToFour)).isTrue();
  }

  @Test
  void theRegistrationWindowClosesAtTheStartUnlessSaidOtherwise() {
    TimeSlot slot = Fixtures.slot(2, 2);
    assertThat(RegistrationWindow.ALWAYS.isOpen(Programme.NOW, slot)).isTrue();
    assertThat(RegistrationWindow.ALWAYS.isOpen(slot.start(), slot)).isFalse();
    RegistrationWindow later = new RegistrationWindow(Programme.NOW.plusSeconds(3600), null);
    assertThat(later.isOpen(Programme.NOW, slot)).isFalse();
    assertThatThrownBy(() -> new RegistrationWindow(slot.end(), slot.start()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
