package org.kitepkana.events.statistics;

import org.kitepkana.events.event.application.EventRepository;
import org.kitepkana.events.statistics.application.EventStatistics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the network's event statistics. */
@Configuration(proxyBeanMethods = false)
class StatisticsConfiguration {

  @Bean
  EventStatistics eventStatistics(EventRepository events) {
    return new EventStatistics(events);
  }
}
