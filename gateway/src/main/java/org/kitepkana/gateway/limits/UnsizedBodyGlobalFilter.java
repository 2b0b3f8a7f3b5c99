package org.kitepkana.gateway.limits;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads a request body of unknown length (chunked, no {@code Content-Length}) whole before the
 * request is forwarded, so that one over the size limit gets its 413 before anything of it has
 * reached the service ({@link RequestSizeLimitWebFilter} counts it as it arrives, so at most the
 * limit is held). A body with a {@code Content-Length} was checked against the limit before any of
 * it was read, and streams through; so does every body on an upload path ({@code
 * kitepkana.gateway.path-limits}), which may be larger than the gateway's memory.
 *
 * <p>The body is held as Spring Cloud Gateway holds the bodies it caches ({@link
 * ServerWebExchangeUtils#cacheRequestBody}), and its {@code RemoveCachedBodyFilter} releases it
 * when the exchange ends. Order: with Spring Cloud Gateway's own body cache, after the edge's
 * security and before the route's filters, so the route's timeout and circuit breaker never wait
 * for a slow client.
 */
@Component
public class UnsizedBodyGlobalFilter implements GlobalFilter, Ordered {

  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1001;

  private final BodyLimits limits;

  public UnsizedBodyGlobalFilter(RequestLimitsProperties properties) {
    this.limits = new BodyLimits(properties);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    long declared = request.getHeaders().getContentLength();
    if (declared >= 0
        || !RequestSizeLimitWebFilter.hasBody(request, declared)
        || exchange.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR) != null
        || limits.pathLimitOf(request).isPresent()) {
      return chain.filter(exchange);
    }
    return ServerWebExchangeUtils.cacheRequestBody(
        exchange,
        whole ->
            chain.filter(
                whole == exchange.getRequest()
                    ? exchange
                    : exchange.mutate().request(whole).build()));
  }
}
