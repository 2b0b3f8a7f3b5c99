package org.kitepkana.events.event.adapter.in.web;

import java.util.List;
import org.kitepkana.events.event.domain.Attendance;
import org.kitepkana.events.event.domain.EventDetails;
import org.kitepkana.events.event.domain.LibraryEvent;
import org.kitepkana.events.shared.domain.Bishkek;
import org.kitepkana.events.shared.domain.PartnerId;

/** A library event as the API shows it: public state and counts, never people. */
public record EventResponse(
    String eventId,
    long version,
    String status,
    TextRequest title,
    TextRequest description,
    String type,
    String audience,
    String branchId,
    String room,
    String start,
    String end,
    int capacity,
    boolean registrationRequired,
    String registrationOpens,
    String registrationCloses,
    String organiser,
    List<String> partnerIds,
    String projectId,
    String campaignId,
    int registered,
    int waitlisted,
    AttendanceView attendance,
    String updatedAt) {

  /** Attendance counts. */
  public record AttendanceView(int registeredAttended, int walkIns, int total) {}

  public static EventResponse of(LibraryEvent e) {
    EventDetails d = e.details();
    Attendance a = e.attendance();
    return new EventResponse(
        e.id().value(),
        e.version(),
        e.status().name(),
        TextRequest.of(d.title()),
        TextRequest.of(d.description()),
        d.type().name(),
        d.audience().name(),
        d.branchId().value(),
        d.room().name(),
        Bishkek.format(d.slot().start()),
        Bishkek.format(d.slot().end()),
        d.capacity(),
        d.registrationRequired(),
        Bishkek.format(d.window().opens()),
        Bishkek.format(d.window().closes()),
        d.organiser(),
        d.partnerIds().stream().map(PartnerId::value).toList(),
        d.projectId() == null ? null : d.projectId().value(),
        d.campaignId() == null ? null : d.campaignId().value(),
        e.seats().confirmed(),
        e.seats().waitlisted(),
        a == null ? null : new AttendanceView(a.registeredAttended(), a.walkIns(), a.total()),
        Bishkek.format(e.updatedAt()));
  }
}
