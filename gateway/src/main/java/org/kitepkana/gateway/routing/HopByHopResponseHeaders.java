package org.kitepkana.gateway.routing;

import java.util.List;
import java.util.Set;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drops the hop-by-hop headers of a service's answer before it goes to the client: those of {@code
 * spring.cloud.gateway.server.webflux.filter.remove-hop-by-hop.headers}, and those its {@code
 * Connection} header names (in any case).
 *
 * <p>As Spring Cloud Gateway's {@code RemoveHopByHopHeadersFilter}, but in place: the routing
 * filter hands the response filters a fresh copy of the service's headers, which this filter alone
 * changes, and copying every header once more per request was the largest single allocation the
 * gateway added to an answer (bin/bench-gateway-ab).
 */
final class HopByHopResponseHeaders implements HttpHeadersFilter {

  private final Set<String> hopByHop;

  HopByHopResponseHeaders(Set<String> hopByHop) {
    this.hopByHop = Set.copyOf(hopByHop);
  }

  @Override
  public boolean supports(Type type) {
    return type == Type.RESPONSE;
  }

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    List<String> connectionOptions = input.getConnection();
    for (String name : hopByHop) {
      input.remove(name);
    }
    for (String option : connectionOptions) {
      input.remove(option.trim());
    }
    return input;
  }
}
