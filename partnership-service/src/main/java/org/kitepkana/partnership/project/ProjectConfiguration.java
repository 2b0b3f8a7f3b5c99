package org.kitepkana.partnership.project;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.ZoneId;
import org.kitepkana.partnership.common.application.Ids;
import org.kitepkana.partnership.library.application.LibraryDirectory;
import org.kitepkana.partnership.partner.application.PartnerRepository;
import org.kitepkana.partnership.project.adapter.out.kafka.ProjectEvents;
import org.kitepkana.partnership.project.adapter.out.mongo.MongoProjectRepository;
import org.kitepkana.partnership.project.application.OutcomeSource;
import org.kitepkana.partnership.project.application.PlanValidator;
import org.kitepkana.partnership.project.application.ProjectQueries;
import org.kitepkana.partnership.project.application.ProjectRepository;
import org.kitepkana.partnership.project.application.ProjectService;
import org.kitepkana.platform.events.EventEnvelopes;
import org.kitepkana.platform.outbox.OutboxRelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of projects. */
@Configuration(proxyBeanMethods = false)
class ProjectConfiguration {

  @Bean
  ProjectRepository projectRepository(
      MongoDatabase database, EventEnvelopes envelopes, OutboxRelay relay) {
    return new MongoProjectRepository(database, new ProjectEvents(envelopes), relay);
  }

  @Bean
  PlanValidator planValidator(LibraryDirectory libraries, PartnerRepository partners) {
    return new PlanValidator(libraries, partners);
  }

  @Bean
  ProjectService projectService(
      ProjectRepository projects,
      PlanValidator validator,
      OutcomeSource outcomes,
      Ids ids,
      Clock clock,
      @Value("${kitepkana.partnerships.zone:Asia/Bishkek}") ZoneId zone) {
    return new ProjectService(projects, validator, outcomes, ids, clock, zone);
  }

  @Bean
  ProjectQueries projectQueries(ProjectRepository projects, OutcomeSource outcomes) {
    return new ProjectQueries(projects, outcomes);
  }
}
