package org.kitepkana.events.calendar.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.kitepkana.events.calendar.application.CalendarEntry;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.event.domain.LibraryEvent;
import org.kitepkana.events.event.domain.Transition;
import org.kitepkana.events.fakes.Fixtures;
import org.kitepkana.events.fakes.Programme;

/** The feed is RFC 5545 as ical4j reads it back, UTC times, cancellations marked. */
class ICalendarWriterTest {

  @Test
  void writesAValidCalendarThatIcal4jParsesBack() throws Exception {
    LibraryEvent scheduled =
        LibraryEvent.scheduled(
                new EventId("01JQ9A7K2M4N6P8R0S2T4V6W8X"),
                Fixtures.consultation("at-bashy", 10, 40),
                Programme.NOW)
            .after();
    LibraryEvent cancelled =
        ((Transition.Changed)
                LibraryEvent.scheduled(
                        new EventId("01JQ9A7K2M4N6P8R0S2T4V6W8Y"),
                        Fixtures.consultation("at-bashy", 11, 40),
                        Programme.NOW)
                    .after()
                    .cancel(Programme.NOW))
            .after();

    String text =
        ICalendarWriter.write(
            "Ат-Башы",
            List.of(
                new CalendarEntry(scheduled, "Ат-Башы райондук борбордук китепканасы"),
                new CalendarEntry(cancelled, null)));

    assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nVERSION:2.0\r\n");
    Calendar calendar = new CalendarBuilder().build(new StringReader(text));
    calendar.validate();
    assertThat(calendar.getProperty("PRODID").orElseThrow().getValue())
        .isEqualTo(ICalendarWriter.PRODUCT);
    List<VEvent> events = calendar.getComponents("VEVENT");
    assertThat(events).hasSize(2);
    VEvent first = events.get(0);
    assertThat(first.getProperty("UID").orElseThrow().getValue())
        .isEqualTo("01JQ9A7K2M4N6P8R0S2T4V6W8X@events.kitepkana");
    assertThat(first.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20261112T060000Z");
    assertThat(first.getProperty("DTEND").orElseThrow().getValue()).isEqualTo("20261112T080000Z");
    assertThat(first.getProperty("SUMMARY").orElseThrow().getValue())
        .isEqualTo("Укуктук сабаттуулук күнү");
    assertThat(first.getProperty("DESCRIPTION").orElseThrow().getValue())
        .contains("День правовой грамотности");
    assertThat(first.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
    assertThat(first.getProperty("LOCATION").orElseThrow().getValue())
        .isEqualTo("Ат-Башы райондук борбордук китепканасы, окуу залы");
    VEvent second = events.get(1);
    assertThat(second.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
    assertThat(second.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
    assertThat(second.getProperty("LOCATION").orElseThrow().getValue()).isEqualTo("окуу залы");
  }
}
