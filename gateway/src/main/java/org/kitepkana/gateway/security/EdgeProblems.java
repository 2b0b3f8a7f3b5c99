package org.kitepkana.gateway.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's refusals as problem+json: 401 with a {@code WWW-Authenticate: Bearer} challenge (no
 * token where one is needed, or a token that is forged, expired, from another issuer or for another
 * audience) and 403 (a valid token whose role may not do this at all).
 */
final class EdgeProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

  static final String REALM = "kitepkana";

  private final JsonMapper json = JsonMapper.builder().build();

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException e) {
    String challenge;
    String detail;
    if (e instanceof OAuth2AuthenticationException oauth) {
      String description =
          oauth.getError().getDescription() == null
              ? oauth.getError().getErrorCode()
              : oauth.getError().getDescription();
      challenge =
          "Bearer realm=\""
              + REALM
              + "\", error=\""
              + oauth.getError().getErrorCode()
              + "\", error_description=\""
              + description.replace("\\", "\\\\").replace("\"", "\\\"")
              + "\"";
      detail = "The bearer token was refused: " + description;
    } else {
      challenge = "Bearer realm=\"" + REALM + "\"";
      detail = "Sign in: this request needs a bearer token.";
    }
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
    return write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    return write(
        exchange,
        HttpStatus.FORBIDDEN,
        "Forbidden",
        "Your role may not change anything here: subscribers read and stream only.");
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
