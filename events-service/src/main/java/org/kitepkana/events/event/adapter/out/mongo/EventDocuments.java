package org.kitepkana.events.event.adapter.out.mongo;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import org.bson.Document;
import org.kitepkana.events.event.domain.Attendance;
import org.kitepkana.events.event.domain.Audience;
import org.kitepkana.events.event.domain.EventDetails;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.event.domain.EventStatus;
import org.kitepkana.events.event.domain.EventType;
import org.kitepkana.events.event.domain.LibraryEvent;
import org.kitepkana.events.event.domain.RegistrationWindow;
import org.kitepkana.events.event.domain.Room;
import org.kitepkana.events.event.domain.SeatCounts;
import org.kitepkana.events.event.domain.TimeSlot;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.events.shared.domain.CampaignId;
import org.kitepkana.events.shared.domain.LocalizedText;
import org.kitepkana.events.shared.domain.PartnerId;
import org.kitepkana.events.shared.domain.ProjectId;

/**
 * The document form of a library event. The {@code seats} sub-document belongs to the seat ledger
 * of the registration feature; this class only reads its counts.
 */
public final class EventDocuments {

  public static final String SEATS = "seats";

  private EventDocuments() {}

  /** Every field of the event's own state (not {@code _id}, not {@code seats}). */
  static Document fields(LibraryEvent e) {
    EventDetails d = e.details();
    Attendance a = e.attendance();
    return new Document("version", e.version())
        .append("status", e.status().name())
        .append("sequence", e.sequence())
        .append("title", text(d.title()))
        .append("description", text(d.description()))
        .append("type", d.type().name())
        .append("audience", d.audience().name())
        .append("branchId", d.branchId().value())
        .append("room", d.room().name())
        .append("roomKey", d.room().key())
        .append("start", Date.from(d.slot().start()))
        .append("end", Date.from(d.slot().end()))
        .append("capacity", d.capacity())
        .append("registrationRequired", d.registrationRequired())
        .append("registrationOpens", date(d.window().opens()))
        .append("registrationCloses", date(d.window().closes()))
        .append("organiser", d.organiser())
        .append("partnerIds", d.partnerIds().stream().map(PartnerId::value).toList())
        .append("projectId", d.projectId() == null ? null : d.projectId().value())
        .append("campaignId", d.campaignId() == null ? null : d.campaignId().value())
        .append(
            "attendance",
            a == null
                ? null
                : new Document("attended", a.attendedRegistrations().stream().sorted().toList())
                    .append("walkIns", a.walkIns()))
        .append("createdAt", Date.from(e.createdAt()))
        .append("updatedAt", Date.from(e.updatedAt()));
  }

  static LibraryEvent toEvent(Document doc) {
    Document seats = doc.get(SEATS, Document.class);
    Document attendance = doc.get("attendance", Document.class);
    String projectId = doc.getString("projectId");
    String campaignId = doc.getString("campaignId");
    EventDetails details =
        new EventDetails(
            toText(doc.get("title", Document.class)),
            toText(doc.get("description", Document.class)),
            EventType.valueOf(doc.getString("type")),
            Audience.valueOf(doc.getString("audience")),
            new BranchId(doc.getString("branchId")),
            new Room(doc.getString("room")),
            new TimeSlot(instant(doc, "start"), instant(doc, "end")),
            doc.getInteger("capacity"),
            Boolean.TRUE.equals(doc.getBoolean("registrationRequired")),
            new RegistrationWindow(
                instant(doc, "registrationOpens"), instant(doc, "registrationCloses")),
            doc.getString("organiser"),
            doc.getList("partnerIds", String.class, List.of()).stream()
                .map(PartnerId::new)
                .toList(),
            projectId == null ? null : new ProjectId(projectId),
            campaignId == null ? null : new CampaignId(campaignId));
    return new LibraryEvent(
        new EventId(doc.getString("_id")),
        details,
        EventStatus.valueOf(doc.getString("status")),
        ((Number) doc.get("version")).longValue(),
        doc.getInteger("sequence", 0),
        seats == null
            ? SeatCounts.NONE
            : new SeatCounts(seats.getInteger("confirmed", 0), seats.getInteger("waitlisted", 0)),
        attendance == null
            ? null
            : new Attendance(
                new HashSet<>(attendance.getList("attended", String.class, List.of())),
                attendance.getInteger("walkIns", 0)),
        instant(doc, "createdAt"),
        instant(doc, "updatedAt"));
  }

  private static Document text(LocalizedText t) {
    return t == null ? null : new Document("ky", t.ky()).append("ru", t.ru()).append("en", t.en());
  }

  private static LocalizedText toText(Document d) {
    return d == null
        ? null
        : new LocalizedText(d.getString("ky"), d.getString("ru"), d.getString("en"));
  }

  private static Date date(Instant i) {
    return i == null ? null : Date.from(i);
  }

  private static Instant instant(Document d, String field) {
    Date date = d.getDate(field);
    return date == null ? null : date.toInstant();
  }
}
