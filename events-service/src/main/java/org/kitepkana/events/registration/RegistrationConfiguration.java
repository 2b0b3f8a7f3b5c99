package org.kitepkana.events.registration;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.kitepkana.events.event.application.EventPlanner;
import org.kitepkana.events.event.application.EventRepository;
import org.kitepkana.events.registration.adapter.out.mongo.MongoRegistrationRepository;
import org.kitepkana.events.registration.adapter.out.mongo.MongoSeatLedger;
import org.kitepkana.events.registration.application.RegistrationRepository;
import org.kitepkana.events.registration.application.Registrations;
import org.kitepkana.events.registration.application.SeatLedger;
import org.kitepkana.events.shared.application.IdSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of registrations and the seat ledger. */
@Configuration(proxyBeanMethods = false)
class RegistrationConfiguration {

  @Bean
  SeatLedger seatLedger(MongoDatabase database) {
    return new MongoSeatLedger(database);
  }

  @Bean
  RegistrationRepository registrationRepository(MongoDatabase database) {
    return new MongoRegistrationRepository(database);
  }

  @Bean
  Registrations registrations(
      EventRepository events,
      EventPlanner planner,
      SeatLedger seats,
      RegistrationRepository registrations,
      IdSource ids,
      Clock clock) {
    return new Registrations(events, planner, seats, registrations, ids, clock);
  }
}
