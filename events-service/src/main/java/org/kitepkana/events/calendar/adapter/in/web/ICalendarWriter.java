package org.kitepkana.events.calendar.adapter.in.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.kitepkana.events.calendar.application.CalendarEntry;
import org.kitepkana.events.event.domain.EventDetails;
import org.kitepkana.events.event.domain.EventStatus;
import org.kitepkana.events.event.domain.LibraryEvent;
import org.kitepkana.events.shared.domain.LocalizedText;

/**
 * Writes an RFC 5545 calendar with ical4j. All times are UTC ({@code DTSTART:20261210T080000Z}), so
 * no VTIMEZONE is needed and every client shows Bishkek time correctly; the calendar names
 * Asia/Bishkek in {@code X-WR-TIMEZONE} for display. A cancelled event stays in the feed with
 * {@code STATUS:CANCELLED} and a higher {@code SEQUENCE}, so subscribed clients strike it out.
 */
final class ICalendarWriter {

  static final String PRODUCT = "-//Kitepkana//events-service//KY";
  static final String UID_DOMAIN = "@events.kitepkana";

  private ICalendarWriter() {}

  static String write(String name, List<CalendarEntry> entries) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODUCT));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.PUBLISH);
    calendar.add(new XProperty("X-WR-CALNAME", name));
    calendar.add(new XProperty("X-WR-TIMEZONE", "Asia/Bishkek"));
    for (CalendarEntry entry : entries) {
      calendar.add(event(entry));
    }
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static VEvent event(CalendarEntry entry) {
    LibraryEvent e = entry.event();
    EventDetails d = e.details();
    VEvent v = new VEvent(false);
    v.add(new Uid(e.id().value() + UID_DOMAIN));
    v.add(new DtStamp(e.updatedAt()));
    v.add(new LastModified(e.updatedAt()));
    v.add(new DtStart<>(d.slot().start()));
    v.add(new DtEnd<>(d.slot().end()));
    v.add(new Summary(d.title().preferred()));
    String description = describe(d);
    if (!description.isBlank()) {
      v.add(new Description(description));
    }
    v.add(
        new Location(
            entry.branchName() == null
                ? d.room().name()
                : entry.branchName() + ", " + d.room().name()));
    v.add(new Categories(d.type().name()));
    v.add(new Sequence(e.sequence()));
    v.add(
        new Status(
            e.status() == EventStatus.CANCELLED ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
    return v;
  }

  private static String describe(EventDetails d) {
    StringBuilder text = new StringBuilder();
    LocalizedText title = d.title();
    for (String other : new String[] {title.ru(), title.en()}) {
      if (other != null && !other.equals(title.preferred())) {
        text.append(other).append('\n');
      }
    }
    LocalizedText description = d.description();
    if (description != null) {
      text.append(description.preferred()).append('\n');
    }
    if (d.organiser() != null) {
      text.append(d.organiser()).append('\n');
    }
    if (d.registrationRequired()) {
      text.append("Registration required / Каттоо талап кылынат / Нужна регистрация");
    }
    return text.toString().strip();
  }
}
