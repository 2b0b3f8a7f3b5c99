package org.kitepkana.events.calendar.application;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kitepkana.events.directory.application.Directory;
import org.kitepkana.events.directory.domain.KnownBranch;
import org.kitepkana.events.event.application.EventQuery;
import org.kitepkana.events.event.application.EventRepository;
import org.kitepkana.events.event.domain.EventStatus;
import org.kitepkana.events.event.domain.LibraryEvent;
import org.kitepkana.events.shared.domain.BranchId;

/**
 * The public calendar: every scheduled, rescheduled, completed and cancelled library event (never
 * drafts) from {@value #PAST_DAYS} days ago on, for the network or one branch. Anyone may read it.
 */
public class CalendarFeed {

  public static final int PAST_DAYS = 90;
  private static final EnumSet<EventStatus> SHOWN =
      EnumSet.of(
          EventStatus.SCHEDULED,
          EventStatus.RESCHEDULED,
          EventStatus.COMPLETED,
          EventStatus.CANCELLED);

  private final EventRepository events;
  private final Directory directory;
  private final Clock clock;

  public CalendarFeed(EventRepository events, Directory directory, Clock clock) {
    this.events = events;
    this.directory = directory;
    this.clock = clock;
  }

  public List<CalendarEntry> network() {
    return entries(null);
  }

  /** The branch's feed, or empty if the directory does not know the branch. */
  public Optional<List<CalendarEntry>> branch(BranchId branch) {
    if (directory.branch(branch).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(entries(branch));
  }

  /** The name of a known branch. */
  public Optional<String> branchName(BranchId branch) {
    return directory.branch(branch).map(KnownBranch::name);
  }

  private List<CalendarEntry> entries(BranchId branch) {
    List<LibraryEvent> found =
        events.find(
            new EventQuery(
                branch, null, clock.instant().minus(Duration.ofDays(PAST_DAYS)), null, SHOWN));
    Map<BranchId, KnownBranch> names =
        directory.branches(found.stream().map(e -> e.details().branchId()).distinct().toList());
    return found.stream()
        .map(
            e -> {
              KnownBranch host = names.get(e.details().branchId());
              return new CalendarEntry(e, host == null ? null : host.name());
            })
        .toList();
  }
}
