package org.kitepkana.events.calendar;

import java.time.Clock;
import org.kitepkana.events.calendar.application.CalendarFeed;
import org.kitepkana.events.directory.application.Directory;
import org.kitepkana.events.event.application.EventRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the iCalendar feeds. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

  @Bean
  CalendarFeed calendarFeed(EventRepository events, Directory directory, Clock clock) {
    return new CalendarFeed(events, directory, clock);
  }
}
