package org.kitepkana.events.event.adapter.out.kafka;

import java.util.List;
import org.kitepkana.events.event.domain.Attendance;
import org.kitepkana.events.event.domain.EventChange;
import org.kitepkana.events.event.domain.EventDetails;
import org.kitepkana.events.event.domain.LibraryEvent;
import org.kitepkana.events.shared.domain.Bishkek;
import org.kitepkana.events.shared.domain.LocalizedText;
import org.kitepkana.events.shared.domain.PartnerId;
import org.kitepkana.platform.events.EventEnvelope;
import org.kitepkana.platform.events.EventEnvelopes;

/**
 * Maps library event changes to the public topic {@value #TOPIC}, in the shape agreed in {@code
 * docs/topics.md}: full public state keyed by event id, counts only, never people. Schemas: {@code
 * contracts/schemas/kitepkana.events.event.*.json}.
 */
public final class ScheduleEvents {

  public static final String TOPIC = "events.schedule.v1";
  public static final String DRAFTED = "kitepkana.events.event.drafted";
  public static final String SCHEDULED = "kitepkana.events.event.scheduled";
  public static final String RESCHEDULED = "kitepkana.events.event.rescheduled";
  public static final String CANCELLED = "kitepkana.events.event.cancelled";
  public static final String COMPLETED = "kitepkana.events.event.completed";

  /** A text in three languages, each may be null. */
  public record TextV1(String ky, String ru, String en) {
    public static TextV1 of(LocalizedText t) {
      return t == null ? null : new TextV1(t.ky(), t.ru(), t.en());
    }
  }

  /** Attendance counts. */
  record AttendanceV1(int registeredAttended, int walkIns, int total) {}

  /** The wire shape of a library event, version 1. */
  record EventStateV1(
      String eventId,
      long version,
      String status,
      TextV1 title,
      String type,
      String audience,
      String branchId,
      String room,
      String start,
      String end,
      int capacity,
      boolean registrationRequired,
      List<String> partnerIds,
      String projectId,
      String campaignId,
      int registered,
      int waitlisted,
      AttendanceV1 attendance) {}

  private final EventEnvelopes envelopes;

  public ScheduleEvents(EventEnvelopes envelopes) {
    this.envelopes = envelopes;
  }

  public EventEnvelope toEnvelope(EventChange change) {
    LibraryEvent e = change.event();
    return envelopes.create(TOPIC, e.id().value(), type(change), state(e));
  }

  static String type(EventChange change) {
    if (change instanceof EventChange.EventDrafted) {
      return DRAFTED;
    }
    if (change instanceof EventChange.EventScheduled) {
      return SCHEDULED;
    }
    if (change instanceof EventChange.EventRescheduled) {
      return RESCHEDULED;
    }
    if (change instanceof EventChange.EventCancelled) {
      return CANCELLED;
    }
    return COMPLETED;
  }

  static EventStateV1 state(LibraryEvent e) {
    EventDetails d = e.details();
    Attendance a = e.attendance();
    return new EventStateV1(
        e.id().value(),
        e.version(),
        e.status().name(),
        TextV1.of(d.title()),
        d.type().name(),
        d.audience().name(),
        d.branchId().value(),
        d.room().name(),
        Bishkek.format(d.slot().start()),
        Bishkek.format(d.slot().end()),
        d.capacity(),
        d.registrationRequired(),
        d.partnerIds().stream().map(PartnerId::value).toList(),
        d.projectId() == null ? null : d.projectId().value(),
        d.campaignId() == null ? null : d.campaignId().value(),
        e.seats().confirmed(),
        e.seats().waitlisted(),
        a == null ? null : new AttendanceV1(a.registeredAttended(), a.walkIns(), a.total()));
  }
}
