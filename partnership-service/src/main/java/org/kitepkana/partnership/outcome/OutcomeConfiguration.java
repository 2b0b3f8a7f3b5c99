package org.kitepkana.partnership.outcome;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.kitepkana.partnership.common.application.Ids;
import org.kitepkana.partnership.outcome.adapter.in.kafka.ScheduleListener;
import org.kitepkana.partnership.outcome.adapter.out.mongo.MongoLibraryEventLog;
import org.kitepkana.partnership.outcome.adapter.out.mongo.MongoPublicationRepository;
import org.kitepkana.partnership.outcome.application.LibraryEventLog;
import org.kitepkana.partnership.outcome.application.ProjectOutcomeAssembler;
import org.kitepkana.partnership.outcome.application.PublicationRepository;
import org.kitepkana.partnership.outcome.application.PublicationService;
import org.kitepkana.partnership.partner.application.PartnerRepository;
import org.kitepkana.partnership.project.application.OutcomeSource;
import org.kitepkana.partnership.project.application.ProjectRepository;
import org.kitepkana.platform.kafka.ProcessedEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wiring of outcomes: the library event log, its listener, and media publications. */
@Configuration(proxyBeanMethods = false)
class OutcomeConfiguration {

  @Bean
  LibraryEventLog libraryEventLog(MongoDatabase database) {
    return new MongoLibraryEventLog(database);
  }

  @Bean
  PublicationRepository publicationRepository(MongoDatabase database) {
    return new MongoPublicationRepository(database);
  }

  @Bean
  OutcomeSource outcomeSource(LibraryEventLog events, PublicationRepository publications) {
    return new ProjectOutcomeAssembler(events, publications);
  }

  @Bean
  ScheduleListener scheduleListener(
      LibraryEventLog events, ProcessedEvents processed, JsonMapper json) {
    return new ScheduleListener(events, processed, json);
  }

  @Bean
  PublicationService publicationService(
      PublicationRepository publications,
      PartnerRepository partners,
      ProjectRepository projects,
      Ids ids,
      Clock clock) {
    return new PublicationService(publications, partners, projects, ids, clock);
  }
}
