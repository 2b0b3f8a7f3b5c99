package org.kitepkana.gateway.cors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires {@link GatewayCorsWebFilter} from {@code kitepkana.gateway.cors}. */
@Configuration(proxyBeanMethods = false)
public class GatewayCorsConfiguration {

  @Bean
  GatewayCorsWebFilter gatewayCorsWebFilter(CorsProperties properties) {
    return new GatewayCorsWebFilter(properties);
  }
}
