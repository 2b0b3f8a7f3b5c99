package org.kitepkana.catalog.stats;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.kitepkana.platform.kafka.ProcessedEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Wiring and HTTP read of the network's holding statistics. */
@Configuration(proxyBeanMethods = false)
class StatisticsConfiguration {

  @Bean
  HoldingStatistics holdingStatistics(MongoDatabase database) {
    return new HoldingStatistics(database);
  }

  @Bean
  HoldingStatisticsListener holdingStatisticsListener(
      HoldingStatistics statistics, ProcessedEvents processed, JsonMapper json) {
    return new HoldingStatisticsListener(statistics, processed, json);
  }

  @RestController
  static class StatisticsController {
    private final HoldingStatistics statistics;

    StatisticsController(HoldingStatistics statistics) {
      this.statistics = statistics;
    }

    @GetMapping("/api/catalog/statistics/branches")
    List<HoldingStatistics.BranchCounts> perBranch() {
      return statistics.perBranch();
    }
  }
}
