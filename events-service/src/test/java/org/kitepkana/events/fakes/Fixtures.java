package org.kitepkana.events.fakes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kitepkana.events.campaign.domain.CampaignDetails;
import org.kitepkana.events.event.domain.Audience;
import org.kitepkana.events.event.domain.EventDetails;
import org.kitepkana.events.event.domain.EventType;
import org.kitepkana.events.event.domain.RegistrationWindow;
import org.kitepkana.events.event.domain.Room;
import org.kitepkana.events.event.domain.TimeSlot;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.events.shared.domain.LocalizedText;

/** Builders of domain values for unit tests. */
public final class Fixtures {

  private Fixtures() {}

  public static TimeSlot slot(int daysFromNow, int hours) {
    Instant start = Programme.NOW.plus(Duration.ofDays(daysFromNow));
    return new TimeSlot(start, start.plus(Duration.ofHours(hours)));
  }

  /** A legal consultation in the reading room, two hours, {@code daysFromNow} days ahead. */
  public static EventDetails consultation(String branch, int daysFromNow, int capacity) {
    return new EventDetails(
        new LocalizedText("Укуктук сабаттуулук күнү", "День правовой грамотности", null),
        null,
        EventType.LEGAL_CONSULTATION,
        Audience.ADULTS,
        new BranchId(branch),
        new Room("окуу залы"),
        slot(daysFromNow, 2),
        capacity,
        true,
        RegistrationWindow.ALWAYS,
        null,
        List.of(),
        null,
        null);
  }

  public static CampaignDetails legalLiteracyWeek(String... invited) {
    LocalDate start = LocalDate.of(2026, 12, 7);
    return new CampaignDetails(
        new LocalizedText("Укуктук сабаттуулук жумалыгы", "Неделя правовой грамотности", null),
        "Укуктук сабаттуулук",
        start,
        start.plusDays(6),
        Stream.of(invited).map(BranchId::new).collect(Collectors.toSet()));
  }
}
