package org.kitepkana.events.fakes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.kitepkana.events.campaign.application.CampaignPlanner;
import org.kitepkana.events.event.application.EventPlanner;
import org.kitepkana.events.event.application.EventQuery;
import org.kitepkana.events.event.application.EventReferences;
import org.kitepkana.events.event.domain.EventStatus;
import org.kitepkana.events.registration.application.Registrations;
import org.kitepkana.events.shared.application.IdSource;
import org.kitepkana.events.statistics.application.EventStatistics;

/**
 * The application services of events-service wired to in-memory fakes, at a fixed instant: for unit
 * tests that prove who may do what with explicit actors.
 */
public final class Programme {

  public static final Instant NOW = Instant.parse("2026-11-02T06:00:00Z");

  public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  public final InMemoryEvents events = new InMemoryEvents();
  public final InMemoryRoomCalendar rooms = new InMemoryRoomCalendar();
  public final InMemoryDirectory directory =
      new InMemoryDirectory().withBranches("naryn-oblast", "at-bashy", "kochkor");
  public final InMemoryCampaigns campaignStore = new InMemoryCampaigns();
  public final InMemoryRegistrations registrationStore = new InMemoryRegistrations();
  public final IdSource ids = new IdSource(clock);
  public final EventPlanner planner;
  public final Registrations registrations;
  public final CampaignPlanner campaigns;
  public final EventStatistics statistics = new EventStatistics(events);

  private Registrations promotion;

  public Programme() {
    planner =
        new EventPlanner(
            events,
            rooms,
            new EventReferences(directory, campaignStore::find),
            event -> promotion.seatsAdded(event),
            ids,
            clock);
    registrations = new Registrations(events, planner, events, registrationStore, ids, clock);
    promotion = registrations;
    campaigns =
        new CampaignPlanner(
            campaignStore,
            campaign ->
                events.find(
                    new EventQuery(
                        null,
                        campaign,
                        null,
                        null,
                        EnumSet.complementOf(EnumSet.of(EventStatus.DRAFT)))),
            directory,
            ids,
            clock);
  }
}
