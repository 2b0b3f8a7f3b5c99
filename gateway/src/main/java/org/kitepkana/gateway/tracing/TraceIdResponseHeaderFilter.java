package org.kitepkana.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Names the trace of every exchange in an {@value #HEADER} response header: the trace the client's
 * {@code traceparent} continued, or the one the gateway started. A librarian who reports a failed
 * call quotes it, and the gateway's, the service's and the consumers' log lines for that request
 * all carry it. (The W3C {@code traceparent} itself is not echoed: it names the gateway's span,
 * which means nothing to a client.)
 */
@Component
public class TraceIdResponseHeaderFilter implements WebFilter, Ordered {

  public static final String HEADER = "X-Trace-Id";

  /** First, so that answers other filters give (401, 413, 429) carry the header as well. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              String traceId = traceId(exchange);
              if (traceId != null) {
                exchange.getResponse().getHeaders().set(HEADER, traceId);
              }
              return Mono.empty();
            });
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  /** The trace id of the exchange's server observation; null if tracing did not observe it. */
  public static String traceId(ServerWebExchange exchange) {
    Span span = serverSpan(exchange);
    String traceId = span == null ? null : span.context().traceId();
    return traceId == null || traceId.isBlank() ? null : traceId;
  }

  /** The span of the exchange's server observation; null if tracing did not observe it. */
  static Span serverSpan(ServerWebExchange exchange) {
    ServerRequestObservationContext observation =
        exchange.getAttribute(
            ServerRequestObservationContext.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE);
    if (observation == null) {
      return null;
    }
    TracingObservationHandler.TracingContext tracing =
        observation.get(TracingObservationHandler.TracingContext.class);
    return tracing == null ? null : tracing.getSpan();
  }

  /**
   * Spring Web names every web filter in a checkpoint on each request: this name instead of {@code
   * Object.toString}, which formats a new string each time.
   */
  @Override
  public String toString() {
    return "TraceIdResponseHeaderFilter";
  }
}
