package org.kitepkana.events.event;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.kitepkana.events.campaign.application.CampaignRepository;
import org.kitepkana.events.directory.application.Directory;
import org.kitepkana.events.event.adapter.out.kafka.ScheduleEvents;
import org.kitepkana.events.event.adapter.out.mongo.MongoEventRepository;
import org.kitepkana.events.event.adapter.out.mongo.MongoRoomCalendar;
import org.kitepkana.events.event.application.EventPlanner;
import org.kitepkana.events.event.application.EventReferences;
import org.kitepkana.events.event.application.EventRepository;
import org.kitepkana.events.event.application.RoomCalendar;
import org.kitepkana.events.registration.application.Registrations;
import org.kitepkana.events.shared.application.IdSource;
import org.kitepkana.platform.events.EventEnvelopes;
import org.kitepkana.platform.outbox.OutboxRelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of library events: storage, room calendars, the planner. */
@Configuration(proxyBeanMethods = false)
class EventConfiguration {

  @Bean
  IdSource idSource(Clock clock) {
    return new IdSource(clock);
  }

  @Bean
  EventRepository eventRepository(
      MongoDatabase database, EventEnvelopes envelopes, OutboxRelay relay) {
    return new MongoEventRepository(database, new ScheduleEvents(envelopes), relay);
  }

  @Bean
  RoomCalendar roomCalendar(MongoDatabase database) {
    return new MongoRoomCalendar(database);
  }

  /** The waitlist moves up when a rescheduling adds seats (registrations depend on the planner). */
  @Bean
  EventPlanner eventPlanner(
      EventRepository events,
      RoomCalendar rooms,
      Directory directory,
      CampaignRepository campaigns,
      ObjectProvider<Registrations> registrations,
      IdSource ids,
      Clock clock) {
    return new EventPlanner(
        events,
        rooms,
        new EventReferences(directory, campaigns::find),
        event -> registrations.getObject().seatsAdded(event),
        ids,
        clock);
  }
}
