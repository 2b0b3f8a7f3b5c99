package org.kitepkana.events;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * events-service: library events hosted by the branches, network campaigns, registrations with
 * waitlists, attendance, iCalendar feeds and statistics.
 */
@SpringBootApplication
public class EventsApplication {

  public static void main(String[] args) {
    SpringApplication.run(EventsApplication.class, args);
  }
}
