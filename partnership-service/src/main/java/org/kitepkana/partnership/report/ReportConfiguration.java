package org.kitepkana.partnership.report;

import java.time.Clock;
import java.time.ZoneId;
import org.kitepkana.partnership.library.application.LibraryDirectory;
import org.kitepkana.partnership.partner.application.PartnerRepository;
import org.kitepkana.partnership.project.application.ProjectRepository;
import org.kitepkana.partnership.report.application.ReportService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the reports. */
@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

  @Bean
  ReportService reportService(
      ProjectRepository projects,
      PartnerRepository partners,
      LibraryDirectory libraries,
      Clock clock,
      @Value("${kitepkana.partnerships.zone:Asia/Bishkek}") ZoneId zone) {
    return new ReportService(projects, partners, libraries, clock, zone);
  }
}
