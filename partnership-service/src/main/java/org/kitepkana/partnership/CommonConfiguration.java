package org.kitepkana.partnership;

import java.time.Clock;
import org.kitepkana.partnership.common.application.Ids;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What every feature of partnership-service shares. */
@Configuration(proxyBeanMethods = false)
class CommonConfiguration {

  @Bean
  Ids ids(Clock clock) {
    return new Ids(clock);
  }
}
