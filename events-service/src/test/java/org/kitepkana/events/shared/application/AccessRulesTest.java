package org.kitepkana.events.shared.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kitepkana.events.campaign.application.CampaignOverview;
import org.kitepkana.events.campaign.application.CampaignResult;
import org.kitepkana.events.campaign.domain.Campaign;
import org.kitepkana.events.event.application.EventQuery;
import org.kitepkana.events.event.application.EventResult;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.event.domain.LibraryEvent;
import org.kitepkana.events.event.domain.Room;
import org.kitepkana.events.fakes.Fixtures;
import org.kitepkana.events.fakes.Programme;
import org.kitepkana.events.registration.application.RegistrationResult;
import org.kitepkana.events.registration.domain.CancellationToken;
import org.kitepkana.events.registration.domain.Contact;
import org.kitepkana.events.registration.domain.ReaderName;
import org.kitepkana.events.registration.domain.RegistrationId;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.events.statistics.application.EventStatistics;
import org.kitepkana.events.statistics.application.StatisticsQuery;
import org.kitepkana.platform.security.Actor;

/**
 * Who may do what, proved with explicit actors against the application services (in-memory stores):
 * coordinators everything; a branch librarian her own branch's events, registrations and
 * attendance; anyone the calendar and registering.
 */
class AccessRulesTest {

  static final Actor COORDINATOR = Actor.coordinator("aigul@naryn-oblast");
  static final Actor AT_BASHY = Actor.librarian("at-bashy", "librarian@at-bashy");
  static final Actor KOCHKOR = Actor.librarian("kochkor", "librarian@kochkor");
  static final Actor PUBLIC = Actor.anonymous();
  static final Actor OFFICER = new Actor(Actor.Role.PARTNERSHIP_OFFICER, null, "officer");
  static final Actor SUBSCRIBER = new Actor(Actor.Role.SUBSCRIBER, null, "portal");

  final Programme p = new Programme();

  LibraryEvent scheduledAtBashy() {
    var result = p.planner.create(AT_BASHY, Fixtures.consultation("at-bashy", 10, 2), false);
    return ((EventResult.Done) result).event();
  }

  @Test
  void aLibrarianPlansLibraryEventsForHerOwnBranchOnly() {
    assertThat(p.planner.create(AT_BASHY, Fixtures.consultation("at-bashy", 5, 20), false))
        .isInstanceOf(EventResult.Done.class);
    assertThat(p.planner.create(AT_BASHY, Fixtures.consultation("kochkor", 5, 20), false))
        .isInstanceOf(EventResult.Forbidden.class);
    assertThat(p.planner.create(PUBLIC, Fixtures.consultation("at-bashy", 6, 20), false))
        .isInstanceOf(EventResult.Forbidden.class);
    assertThat(p.planner.create(OFFICER, Fixtures.consultation("at-bashy", 7, 20), false))
        .isInstanceOf(EventResult.Forbidden.class);
    assertThat(p.planner.create(COORDINATOR, Fixtures.consultation("kochkor", 5, 20), false))
        .isInstanceOf(EventResult.Done.class);
  }

  @Test
  void anotherBranchsLibrarianMayNotRescheduleCancelOrComplete() {
    EventId id = scheduledAtBashy().id();
    var slot = Fixtures.slot(11, 2);
    var room = new Room("чоң зал");
    assertThat(p.planner.reschedule(KOCHKOR, id, slot, room, 2))
        .isInstanceOf(EventResult.Forbidden.class);
    assertThat(p.planner.cancel(KOCHKOR, id)).isInstanceOf(EventResult.Forbidden.class);
    assertThat(p.planner.cancel(PUBLIC, id)).isInstanceOf(EventResult.Forbidden.class);
    assertThat(p.registrations.recordAttendance(KOCHKOR, id, List.of(), 3))
        .isInstanceOf(EventResult.Forbidden.class);
    assertThat(p.planner.reschedule(AT_BASHY, id, slot, room, 2))
        .isInstanceOf(EventResult.Done.class);
    assertThat(p.planner.cancel(COORDINATOR, id)).isInstanceOf(EventResult.Done.class);
  }

  @Test
  void draftsAreSeenOnlyByTheirBranchAndCoordinators() {
    var draft =
        ((EventResult.Done)
                p.planner.create(AT_BASHY, Fixtures.consultation("at-bashy", 3, 10), true))
            .event();
    assertThat(p.planner.find(PUBLIC, draft.id())).isEmpty();
    assertThat(p.planner.find(KOCHKOR, draft.id())).isEmpty();
    assertThat(p.planner.find(AT_BASHY, draft.id())).isPresent();
    assertThat(p.planner.find(COORDINATOR, draft.id())).isPresent();
    assertThat(p.planner.list(PUBLIC, EventQuery.all())).isEmpty();
    assertThat(p.planner.schedule(KOCHKOR, draft.id())).isInstanceOf(EventResult.NotFound.class);
  }

  @Test
  void anyoneRegistersButOnlyTheBranchsStaffSeeTheAttendeeList() {
    EventId id = scheduledAtBashy().id();
    var registered =
        p.registrations.register(
            PUBLIC, id, new ReaderName("Айгүл Токтосунова"), Contact.phone("+996 555 111 222"));
    assertThat(registered).isInstanceOf(RegistrationResult.Registered.class);
    assertThat(p.registrations.attendees(PUBLIC, id)).isEmpty();
    assertThat(p.registrations.attendees(KOCHKOR, id)).isEmpty();
    assertThat(p.registrations.attendees(SUBSCRIBER, id)).isEmpty();
    assertThat(p.registrations.attendees(AT_BASHY, id)).get().asList().hasSize(1);
    assertThat(p.registrations.attendees(COORDINATOR, id)).get().asList().hasSize(1);
  }

  @Test
  void aReaderCancelsAndErasesWithHisTokenStaffWithout() {
    EventId id = scheduledAtBashy().id();
    var r =
        (RegistrationResult.Registered)
            p.registrations.register(
                PUBLIC, id, new ReaderName("Бакыт Асанов"), Contact.email("bakyt@example.kg"));
    RegistrationId reg = r.registration().id();
    CancellationToken wrong = new CancellationToken("this-is-not-the-token");
    assertThat(p.registrations.cancel(PUBLIC, id, reg, null))
        .isInstanceOf(RegistrationResult.Forbidden.class);
    assertThat(p.registrations.cancel(PUBLIC, id, reg, wrong))
        .isInstanceOf(RegistrationResult.Forbidden.class);
    assertThat(p.registrations.cancel(KOCHKOR, id, reg, null))
        .isInstanceOf(RegistrationResult.Forbidden.class);
    assertThat(p.registrations.show(PUBLIC, id, reg, r.token()))
        .isInstanceOf(RegistrationResult.Done.class);
    assertThat(p.registrations.erase(PUBLIC, id, reg, r.token()))
        .isInstanceOf(RegistrationResult.Done.class);
    assertThat(p.registrationStore.find(reg).orElseThrow().name()).isNull();
    assertThat(p.registrations.cancel(AT_BASHY, id, reg, null))
        .isInstanceOf(RegistrationResult.Done.class);

    var other =
        (RegistrationResult.Registered)
            p.registrations.register(
                PUBLIC, id, new ReaderName("Нуржан"), Contact.phone("0700 123 456"));
    assertThat(p.registrations.cancel(PUBLIC, id, other.registration().id(), other.token()))
        .isInstanceOf(RegistrationResult.Done.class);
  }

  @Test
  void onlyCoordinatorsEraseAReaderAcrossTheNetwork() {
    assertThat(p.registrations.eraseEverywhere(AT_BASHY, "+996 555 111 222")).isEmpty();
    assertThat(p.registrations.eraseEverywhere(PUBLIC, "+996 555 111 222")).isEmpty();
    assertThat(p.registrations.eraseEverywhere(COORDINATOR, "+996 555 111 222")).contains(0L);
  }

  @Test
  void coordinatorsPlanCampaignsAndInvitedBranchesAnswerForThemselves() {
    assertThat(p.campaigns.plan(AT_BASHY, Fixtures.legalLiteracyWeek("at-bashy", "kochkor")))
        .isInstanceOf(CampaignResult.Forbidden.class);
    var planned =
        (CampaignResult.Done)
            p.campaigns.plan(COORDINATOR, Fixtures.legalLiteracyWeek("at-bashy", "kochkor"));
    var id = planned.campaign().id();
    assertThat(p.campaigns.revise(KOCHKOR, id, Fixtures.legalLiteracyWeek("kochkor"), null))
        .isInstanceOf(CampaignResult.Forbidden.class);
    assertThat(p.campaigns.answer(KOCHKOR, id, new BranchId("at-bashy"), Campaign.Answer.DECLINED))
        .isInstanceOf(CampaignResult.Forbidden.class);
    assertThat(
            p.campaigns.answer(AT_BASHY, id, new BranchId("at-bashy"), Campaign.Answer.CONFIRMED))
        .isInstanceOf(CampaignResult.Done.class);
    assertThat(
            p.campaigns.answer(COORDINATOR, id, new BranchId("kochkor"), Campaign.Answer.DECLINED))
        .isInstanceOf(CampaignResult.Done.class);
    assertThat(p.campaigns.overview(AT_BASHY, id))
        .isInstanceOf(CampaignOverview.Result.Forbidden.class);
    assertThat(p.campaigns.overview(COORDINATOR, id))
        .isInstanceOf(CampaignOverview.Result.Shown.class);
  }

  @Test
  void statisticsForTheNetworkOrTheLibrariansOwnBranch() {
    scheduledAtBashy();
    p.planner.create(KOCHKOR, Fixtures.consultation("kochkor", 12, 5), false);
    StatisticsQuery all =
        new StatisticsQuery(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null, null);
    var network = (EventStatistics.Result.Rows) p.statistics.compute(COORDINATOR, all);
    assertThat(network.totals().events()).isEqualTo(2);
    assertThat(p.statistics.compute(OFFICER, all)).isInstanceOf(EventStatistics.Result.Rows.class);
    var own = (EventStatistics.Result.Rows) p.statistics.compute(AT_BASHY, all);
    assertThat(own.totals().events()).isEqualTo(1);
    assertThat(own.query().branch()).isEqualTo(new BranchId("at-bashy"));
    assertThat(p.statistics.compute(AT_BASHY, all.forBranch(new BranchId("kochkor"))))
        .isInstanceOf(EventStatistics.Result.Forbidden.class);
    assertThat(p.statistics.compute(PUBLIC, all))
        .isInstanceOf(EventStatistics.Result.Forbidden.class);
  }
}
