package org.kitepkana.gateway.cors;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the web console, at the edge, before authentication and routing.
 *
 * <ul>
 *   <li>Preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) from an allowed
 *       origin: answered here, 200 with the allowed methods and headers; never forwarded and never
 *       asked for a token. From any other origin: 403 problem+json without CORS headers.
 *   <li>Any other cross-origin request from an allowed origin: goes on, and its response (backend
 *       answer or gateway problem alike) carries {@code Access-Control-Allow-Origin} and the
 *       exposed headers. From any other origin: goes on without CORS headers, so the browser
 *       withholds the answer from the page (the API authenticates with bearer tokens, not cookies,
 *       so a request from a foreign page carries no credentials of its own).
 * </ul>
 */
public final class GatewayCorsWebFilter implements WebFilter, Ordered {

  /** Before the gateway's size limit and its security filter ({@code EdgeGuard}, order -100). */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

  static final List<String> ALLOWED_METHODS =
      List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

  static final List<String> ALLOWED_HEADERS =
      List.of(
          HttpHeaders.AUTHORIZATION,
          HttpHeaders.CONTENT_TYPE,
          "Idempotency-Key",
          HttpHeaders.IF_MATCH,
          HttpHeaders.IF_NONE_MATCH,
          HttpHeaders.ACCEPT,
          HttpHeaders.ACCEPT_LANGUAGE,
          "traceparent",
          "tracestate");

  static final List<String> EXPOSED_HEADERS =
      List.of(
          HttpHeaders.LOCATION,
          HttpHeaders.RETRY_AFTER,
          "X-RateLimit-Remaining",
          HttpHeaders.ETAG,
          HttpHeaders.CONTENT_DISPOSITION,
          "traceparent");

  private final CorsConfiguration config;
  private final DefaultCorsProcessor processor = new LenientCorsProcessor();

  public GatewayCorsWebFilter(CorsProperties properties) {
    CorsConfiguration c = new CorsConfiguration();
    c.setAllowedOrigins(properties.allowedOrigins());
    c.setAllowedMethods(ALLOWED_METHODS);
    c.setAllowedHeaders(ALLOWED_HEADERS);
    c.setExposedHeaders(EXPOSED_HEADERS);
    c.setAllowCredentials(false);
    c.setMaxAge(properties.maxAge());
    this.config = c;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (!CorsUtils.isCorsRequest(request)) {
      return chain.filter(exchange);
    }
    boolean allowed = processor.process(config, exchange);
    if (CorsUtils.isPreFlightRequest(request)) {
      if (!allowed) {
        return Mono.error(preflightRefused(request));
      }
      ServerHttpResponse response = exchange.getResponse();
      response.setStatusCode(HttpStatus.OK);
      return response.setComplete();
    }
    return chain.filter(exchange);
  }

  private static ErrorResponseException preflightRefused(ServerHttpRequest request) {
    HttpMethod method = request.getHeaders().getAccessControlRequestMethod();
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN,
            "Cross-origin "
                + (method != null ? method.name() : "request")
                + " from "
                + request.getHeaders().getOrigin()
                + " with headers "
                + request.getHeaders().getAccessControlRequestHeaders()
                + " is not allowed.");
    body.setTitle("Cross-origin request not allowed");
    return new ErrorResponseException(HttpStatus.FORBIDDEN, body, null);
  }

  /** Adds CORS headers when allowed; when not, leaves the response alone (no 403 of its own). */
  private static final class LenientCorsProcessor extends DefaultCorsProcessor {
    @Override
    protected void rejectRequest(ServerHttpResponse response) {
      // The caller decides: a refused preflight becomes a problem, anything else goes on bare.
    }
  }

  /**
   * A constant name for Spring Web's per-request checkpoint (TraceIdResponseHeaderFilter#toString).
   */
  @Override
  public String toString() {
    return "GatewayCorsWebFilter";
  }
}
