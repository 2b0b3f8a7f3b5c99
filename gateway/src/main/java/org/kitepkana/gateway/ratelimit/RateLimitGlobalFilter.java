package org.kitepkana.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.kitepkana.gateway.problem.GatewayProblems;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Applies the per-client rate limits to every routed request: over the limit, 429 problem+json with
 * {@code Retry-After}, and the request is never forwarded; within it, {@code X-RateLimit-Remaining}
 * on the response. Each rejection increments {@code kitepkana.gateway.rate-limit.rejections} (tags
 * {@code route}, {@code role}).
 *
 * <p>Order {@value #ORDER}: after Spring Cloud Gateway's metrics filter (order 0), so rejections
 * show up in {@code spring.cloud.gateway.requests} with status 429, and before every route filter
 * (the first, {@code ServiceGuard}, also has order 1, and global filters come first among equals),
 * so a rejected request neither counts for a circuit breaker nor reaches a backend. It runs after
 * the edge's security filter ({@code EdgeGuard}), so a verified caller is known.
 */
public final class RateLimitGlobalFilter implements GlobalFilter, Ordered {

  public static final int ORDER = 1;

  public static final String REJECTIONS = "kitepkana.gateway.rate-limit.rejections";

  public static final String REMAINING_HEADER = "X-RateLimit-Remaining";

  private final RateLimitProperties properties;
  private final ClientKeyResolver clients;
  private final RateLimiter limiter;
  private final MeterRegistry meters;

  public RateLimitGlobalFilter(
      RateLimitProperties properties,
      ClientKeyResolver clients,
      RateLimiter limiter,
      MeterRegistry meters) {
    this.properties = properties;
    this.clients = clients;
    this.limiter = limiter;
    this.meters = meters;
    Gauge.builder("kitepkana.gateway.rate-limit.clients", limiter, RateLimiter::clients)
        .description("Clients with a token bucket in this gateway instance")
        .register(meters);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    ClientKey client = clients.resolve(exchange);
    RateLimit limit = properties.limitOf(client.role());
    RateLimitDecision decision = limiter.tryAcquire(client, limit);
    if (decision.allowed()) {
      exchange
          .getResponse()
          .getHeaders()
          .set(REMAINING_HEADER, Long.toString(decision.remaining()));
      return chain.filter(exchange);
    }
    rejected(routeOf(exchange), client.role());
    return Mono.error(
        GatewayProblems.tooManyRequests(
            client.role(), limit.requestsPerSecond(), limit.burst(), decision.retryAfter()));
  }

  private void rejected(String route, String role) {
    Counter.builder(REJECTIONS)
        .description("Requests refused with 429 because their client was over its rate limit")
        .tag("route", route)
        .tag("role", role)
        .register(meters)
        .increment();
  }

  private static String routeOf(ServerWebExchange exchange) {
    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    return route != null ? route.getId() : "none";
  }
}
