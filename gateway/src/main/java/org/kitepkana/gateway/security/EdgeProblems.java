package org.kitepkana.gateway.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge's refusals as problem+json: 401 with a {@code WWW-Authenticate: Bearer} challenge (no
 * token where one is needed, or a token that is malformed, forged, expired, from another issuer or
 * for another audience), 403 (a valid token whose role may not do this at all), 400 (a request the
 * firewall refuses) and 503 (the issuer's keys cannot be read, so no token can be checked).
 */
final class EdgeProblems {

  static final String REALM = "kitepkana";

  private final JsonMapper json = JsonMapper.builder().build();

  /** 401 without an error: the request needs a token and has none. */
  Mono<Void> signIn(ServerWebExchange exchange) {
    exchange
        .getResponse()
        .getHeaders()
        .set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
    return write(
        exchange,
        HttpStatus.UNAUTHORIZED,
        "Unauthorized",
        "Sign in: this request needs a bearer token.");
  }

  /** 401 {@code invalid_token}: the token was refused, for the reason given. */
  Mono<Void> invalidToken(ServerWebExchange exchange, String reason) {
    String description = reason == null || reason.isBlank() ? "invalid_token" : reason;
    exchange
        .getResponse()
        .getHeaders()
        .set(
            HttpHeaders.WWW_AUTHENTICATE,
            "Bearer realm=\""
                + REALM
                + "\", error=\"invalid_token\", error_description=\""
                + description.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"");
    return write(
        exchange,
        HttpStatus.UNAUTHORIZED,
        "Unauthorized",
        "The bearer token was refused: " + description);
  }

  /** 403: a valid token whose role may not do this anywhere. */
  Mono<Void> forbidden(ServerWebExchange exchange, String detail) {
    return write(exchange, HttpStatus.FORBIDDEN, "Forbidden", detail);
  }

  /** 400: the firewall refused the request (an encoded slash, {@code ..}, a bad header...). */
  Mono<Void> rejected(ServerWebExchange exchange, String reason) {
    return write(exchange, HttpStatus.BAD_REQUEST, "Bad Request", reason);
  }

  /** 503: the token issuer's keys could not be read; the request may be tried again. */
  Mono<Void> issuerUnavailable(ServerWebExchange exchange, String reason) {
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "10");
    return write(
        exchange,
        HttpStatus.SERVICE_UNAVAILABLE,
        "Service Unavailable",
        "Bearer tokens cannot be checked right now: " + reason);
  }

  private Mono<Void> write(
      ServerWebExchange exchange, HttpStatus status, String title, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", exchange.getRequest().getPath().value());
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    byte[] bytes = json.writeValueAsBytes(body);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
  }
}
