package org.kitepkana.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Passes the exchange's trace on to the service: the proxied request's {@code traceparent} (and
 * {@code tracestate}) name the gateway's server span, so the service's spans are its children and
 * its logs carry the same trace id as the {@value TraceIdResponseHeaderFilter#HEADER} answer. The
 * routing filter's {@code ForwardedRequestHeaders} calls it on the headers it builds.
 *
 * <p>Spring Cloud Gateway can do this itself by observing every proxied call as a client span
 * ({@code spring.cloud.gateway.server.webflux.observability.enabled}); that second observation per
 * request cost more CPU than the whole proxying (see docs/architecture.md, "Tracing"), so it is off
 * and the headers are written straight from the server span. Whatever trace headers the client sent
 * are replaced: the service continues the gateway's span, which continued the client's.
 */
@Component
public class TraceContextForwarding {

  private final Propagator propagator;

  public TraceContextForwarding(Propagator propagator) {
    this.propagator = propagator;
  }

  /**
   * Replaces the trace headers in {@code headers} (which must be writable) with the exchange's
   * server span; leaves them as they are when the exchange was not traced.
   */
  public void writeTo(HttpHeaders headers, ServerWebExchange exchange) {
    Span span = TraceIdResponseHeaderFilter.serverSpan(exchange);
    if (span != null) {
      propagator.fields().forEach(headers::remove);
      propagator.inject(span.context(), headers, HttpHeaders::set);
    }
  }
}
