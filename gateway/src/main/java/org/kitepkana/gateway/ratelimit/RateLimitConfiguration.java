package org.kitepkana.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the per-client rate limits ({@code kitepkana.gateway.rate-limits.enabled}, default on). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    name = "kitepkana.gateway.rate-limits.enabled",
    havingValue = "true",
    matchIfMissing = true)
public class RateLimitConfiguration {

  @Bean
  RateLimiter rateLimiter(RateLimitProperties properties) {
    return new RateLimiter(properties);
  }

  @Bean
  ClientKeyResolver clientKeyResolver(
      RateLimitProperties properties,
      @Value("${spring.cloud.gateway.server.webflux.trusted-proxies:}") String trustedProxies,
      @Value("${kitepkana.security.roles-claim:roles}") String rolesClaim) {
    return new ClientKeyResolver(properties, trustedProxies, rolesClaim);
  }

  @Bean
  RateLimitGlobalFilter rateLimitGlobalFilter(
      RateLimitProperties properties,
      ClientKeyResolver clients,
      RateLimiter limiter,
      MeterRegistry meters) {
    return new RateLimitGlobalFilter(properties, clients, limiter, meters);
  }
}
