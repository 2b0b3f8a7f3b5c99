package org.kitepkana.events.statistics.application;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.kitepkana.events.event.application.EventQuery;
import org.kitepkana.events.event.application.EventRepository;
import org.kitepkana.events.event.domain.EventDetails;
import org.kitepkana.events.event.domain.EventStatus;
import org.kitepkana.events.event.domain.LibraryEvent;
import org.kitepkana.events.shared.application.Access;
import org.kitepkana.events.shared.domain.Bishkek;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.events.statistics.application.StatisticsQuery.Dimension;
import org.kitepkana.platform.security.Actor;

/**
 * Events, registrations, attendance and walk-ins per branch, month, type and audience. The whole
 * network for coordinators, partnership officers and subscribing systems; a branch librarian sees
 * her own branch.
 */
public class EventStatistics {

  /** The outcome of a statistics request. */
  public sealed interface Result {
    record Rows(StatisticsQuery query, List<StatisticsRow> rows, StatisticsRow totals)
        implements Result {}

    record Forbidden(String reason) implements Result {}
  }

  private static final EnumSet<EventStatus> COUNTED =
      EnumSet.of(
          EventStatus.SCHEDULED,
          EventStatus.RESCHEDULED,
          EventStatus.COMPLETED,
          EventStatus.CANCELLED);

  private final EventRepository events;

  public EventStatistics(EventRepository events) {
    this.events = events;
  }

  public Result compute(Actor actor, StatisticsQuery query) {
    StatisticsQuery allowed = query;
    if (actor.is(Actor.Role.BRANCH_LIBRARIAN)) {
      if (query.branch() != null && !query.branch().value().equals(actor.branchId())) {
        return new Result.Forbidden("a branch librarian sees her own branch's statistics only");
      }
      allowed = query.forBranch(new BranchId(actor.branchId()));
    } else if (!Access.mayReadNetworkStatistics(actor)) {
      return new Result.Forbidden(Access.describe(actor) + " may not read statistics");
    }
    LocalDate from = allowed.from();
    LocalDate to = allowed.to();
    List<LibraryEvent> found =
        events.find(
            new EventQuery(
                allowed.branch(),
                null,
                Bishkek.startOf(from),
                Bishkek.startOf(to.plusDays(1)),
                COUNTED));
    Map<List<String>, Counter> groups = new TreeMap<>(KEY_ORDER);
    Counter total = new Counter();
    for (LibraryEvent e : found) {
      LocalDate day = Bishkek.date(e.details().slot().start());
      if (day.isBefore(from) || day.isAfter(to)) {
        continue;
      }
      List<String> key = key(e, allowed);
      groups.computeIfAbsent(key, k -> new Counter()).add(e);
      total.add(e);
    }
    List<StatisticsRow> rows = new ArrayList<>();
    groups.forEach((key, counter) -> rows.add(counter.row(key)));
    return new Result.Rows(allowed, rows, total.row(Arrays.asList(null, null, null, null)));
  }

  /** Rows in key order; nulls (dimensions not grouped by) first. */
  private static final Comparator<List<String>> KEY_ORDER =
      (a, b) -> {
        Comparator<String> part = Comparator.nullsFirst(Comparator.naturalOrder());
        for (int i = 0; i < a.size(); i++) {
          int c = part.compare(a.get(i), b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return 0;
      };

  private static List<String> key(LibraryEvent e, StatisticsQuery q) {
    EventDetails d = e.details();
    return Arrays.asList(
        q.dimensions().contains(Dimension.BRANCH) ? d.branchId().value() : null,
        q.dimensions().contains(Dimension.MONTH)
            ? YearMonth.from(Bishkek.date(d.slot().start())).toString()
            : null,
        q.dimensions().contains(Dimension.TYPE) ? d.type().name() : null,
        q.dimensions().contains(Dimension.AUDIENCE) ? d.audience().name() : null);
  }

  private static final class Counter {
    long events;
    long completed;
    long cancelled;
    long registrations;
    long waitlisted;
    long attended;
    long walkIns;

    void add(LibraryEvent e) {
      if (e.status() == EventStatus.CANCELLED) {
        cancelled++;
        return;
      }
      events++;
      registrations += e.seats().confirmed();
      waitlisted += e.seats().waitlisted();
      if (e.attendance() != null) {
        completed++;
        attended += e.attendance().registeredAttended();
        walkIns += e.attendance().walkIns();
      }
    }

    StatisticsRow row(List<String> key) {
      Objects.requireNonNull(key);
      return new StatisticsRow(
          key.get(0),
          key.get(1),
          key.get(2),
          key.get(3),
          events,
          completed,
          cancelled,
          registrations,
          waitlisted,
          attended,
          walkIns,
          attended + walkIns);
    }
  }
}
