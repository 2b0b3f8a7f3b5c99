package org.kitepkana.gatewayfloor;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Cloud Gateway as it comes, routing {@code /api/catalog/**} to catalog-service and doing
 * nothing else: no token check, no rate limit, breaker, retry or size limit, no tracing. {@code
 * bin/bench-gateway} runs it beside the real gateway, with the same command line, to show how much
 * of the gateway's cost per request is Spring Cloud Gateway itself (docs/architecture.md). A
 * benchmark fixture: never deployed, never started by devstack.
 *
 * <p>With {@code -Dkitepkana.floor=reactor-netty} the same jar runs {@link ReactorNettyFloor}
 * instead: Reactor Netty alone, without Spring.
 */
@SpringBootApplication
public class GatewayFloorApplication {

  public static void main(String[] args) {
    if ("reactor-netty".equals(System.getProperty(ReactorNettyFloor.SWITCH))) {
      ReactorNettyFloor.main(args);
      return;
    }
    SpringApplication.run(GatewayFloorApplication.class, args);
  }

  /** The {@code --name=value} arguments, as Spring Boot reads them; others are left out. */
  static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 2) {
        options.put(arg.substring(2, equals), arg.substring(equals + 1));
      }
    }
    return options;
  }
}
