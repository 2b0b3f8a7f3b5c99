package org.kitepkana.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The edge of Kitepkana: routes {@code /api/catalog}, {@code /api/events} and {@code
 * /api/partnerships} to their services, with per-route timeouts, circuit breakers, retries for safe
 * methods and a request-size limit. Every error the gateway itself produces is {@code
 * application/problem+json}; backend responses pass through unchanged.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(GatewayApplication.class, args);
  }
}
