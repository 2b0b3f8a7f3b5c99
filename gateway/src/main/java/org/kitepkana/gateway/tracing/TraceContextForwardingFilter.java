package org.kitepkana.gateway.tracing;

import io.micrometer.tracing.propagation.Propagator;
import java.util.List;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Passes the exchange's trace on to the service: the proxied request's {@code traceparent} (and
 * {@code tracestate}) name the gateway's server span, so the service's spans are its children and
 * its logs carry the same trace id as the {@value TraceIdResponseHeaderFilter#HEADER} answer.
 *
 * <p>Spring Cloud Gateway can do this itself by observing every proxied call as a client span
 * ({@code spring.cloud.gateway.server.webflux.observability.enabled}); that second observation per
 * request cost more CPU than the whole proxying (see docs/architecture.md, "Tracing"), so it is off
 * and this filter writes the headers straight from the server span. Whatever trace headers the
 * client sent are replaced: the service continues the gateway's span, which continued the client's.
 */
@Component
public class TraceContextForwardingFilter implements HttpHeadersFilter {

  private final Propagator propagator;

  public TraceContextForwardingFilter(Propagator propagator) {
    this.propagator = propagator;
  }

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    if (TraceIdResponseHeaderFilter.serverSpan(exchange).isEmpty()) {
      return input;
    }
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(input);
    writeTo(headers, exchange);
    return headers;
  }

  /**
   * Replaces the trace headers in {@code headers} (which must be writable) with the exchange's
   * server span; leaves them as they are when the exchange was not traced.
   */
  public void writeTo(HttpHeaders headers, ServerWebExchange exchange) {
    TraceIdResponseHeaderFilter.serverSpan(exchange)
        .ifPresent(
            span -> {
              List<String> fields = propagator.fields();
              fields.forEach(headers::remove);
              propagator.inject(span.context(), headers, HttpHeaders::set);
            });
  }

  @Override
  public boolean supports(Type type) {
    return type == Type.REQUEST;
  }
}
