package org.kitepkana.events.event.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kitepkana.events.campaign.application.CampaignResult;
import org.kitepkana.events.campaign.domain.Campaign;
import org.kitepkana.events.event.domain.EventDetails;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.event.domain.EventStatus;
import org.kitepkana.events.event.domain.Room;
import org.kitepkana.events.event.domain.TimeSlot;
import org.kitepkana.events.fakes.Fixtures;
import org.kitepkana.events.fakes.Programme;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.platform.security.Actor;

/** The planner's rules about rooms, campaigns and published changes, with in-memory stores. */
class EventPlannerTest {

  final Programme p = new Programme();
  final Actor coordinator = Actor.coordinator("coordinator");

  EventId create(EventDetails details) {
    EventResult result = p.planner.create(coordinator, details, false);
    assertThat(result).isInstanceOf(EventResult.Done.class);
    return ((EventResult.Done) result).event().id();
  }

  @Test
  void aMovedEventFreesItsOldSlotAndACancelledOneItsRoom() {
    EventId first = create(Fixtures.consultation("at-bashy", 5, 20));
    assertThat(p.planner.create(coordinator, Fixtures.consultation("at-bashy", 5, 20), false))
        .isInstanceOf(EventResult.RoomTaken.class);
    TimeSlot later = Fixtures.slot(6, 2);
    assertThat(p.planner.reschedule(coordinator, first, later, new Room("окуу залы"), 20))
        .isInstanceOf(EventResult.Done.class);
    EventId second = create(Fixtures.consultation("at-bashy", 5, 20));
    assertThat(p.planner.create(coordinator, Fixtures.consultation("at-bashy", 6, 20), false))
        .isInstanceOf(EventResult.RoomTaken.class);
    assertThat(p.planner.cancel(coordinator, first)).isInstanceOf(EventResult.Done.class);
    assertThat(p.planner.create(coordinator, Fixtures.consultation("at-bashy", 6, 20), false))
        .isInstanceOf(EventResult.Done.class);
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void aCampaignEventNeedsTheBranchsConfirmationAndStaysWithinTheCampaign() {
    var campaign =
        ((CampaignResult.Done)
                p.campaigns.plan(coordinator, Fixtures.legalLiteracyWeek("at-bashy", "kochkor")))
            .campaign();
    EventDetails plain = Fixtures.consultation("at-bashy", 36, 20);
    EventDetails under =
        new EventDetails(
            plain.title(),
            null,
            plain.type(),
            plain.audience(),
            plain.branchId(),
            plain.room(),
            plain.slot(),
            plain.capacity(),
            true,
            null,
            null,
            null,
            null,
            campaign.id());
    assertThat(p.planner.create(coordinator, under, false)).isInstanceOf(EventResult.Invalid.class);
    p.campaigns.answer(
        coordinator, campaign.id(), new BranchId("at-bashy"), Campaign.Answer.CONFIRMED);
    EventId id = create(under);
    assertThat(p.planner.reschedule(coordinator, id, Fixtures.slot(60, 2), plain.room(), 20))
        .isInstanceOf(EventResult.Invalid.class);
    assertThat(p.planner.reschedule(coordinator, id, Fixtures.slot(37, 2), plain.room(), 20))
        .isInstanceOf(EventResult.Done.class);
  }

  @Test
  void everyStepPublishesOneChangeWithTheFullState() {
    EventResult draft =
        p.planner.create(coordinator, Fixtures.consultation("kochkor", 3, 10), true);
    EventId id = ((EventResult.Done) draft).event().id();
    p.planner.schedule(coordinator, id);
    p.planner.cancel(coordinator, id);
    assertThat(p.events.published)
        .extracting(c -> c.event().status())
        .containsExactly(EventStatus.DRAFT, EventStatus.SCHEDULED, EventStatus.CANCELLED);
    assertThat(p.events.published).extracting(c -> c.event().version()).containsExactly(1L, 2L, 3L);
    assertThat(p.planner.cancel(coordinator, id)).isInstanceOf(EventResult.Refused.class);
  }
}
