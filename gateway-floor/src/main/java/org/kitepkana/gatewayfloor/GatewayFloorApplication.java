package org.kitepkana.gatewayfloor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Cloud Gateway as it comes, routing {@code /api/catalog/**} to catalog-service and doing
 * nothing else: no token check, no rate limit, breaker, retry or size limit, no tracing. {@code
 * bin/bench-gateway} runs it beside the real gateway, with the same command line, to show how much
 * of the gateway's cost per request is Spring Cloud Gateway itself (docs/architecture.md). A
 * benchmark fixture: never deployed, never started by devstack.
 */
@SpringBootApplication
public class GatewayFloorApplication {

  public static void main(String[] args) {
    SpringApplication.run(GatewayFloorApplication.class, args);
  }
}
