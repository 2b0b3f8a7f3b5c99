package org.kitepkana.gateway.security;

import org.kitepkana.platform.security.Actor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who sent a request the edge let through with a valid bearer token: the token, the role it grants
 * (the strongest, read as every service reads it) and its {@code sub} (null without one), read once
 * when the token was checked. A request without a token has none.
 */
public record EdgeCaller(Jwt token, Actor.Role role, String subject) {

  /** The caller of a checked token with this role. */
  public EdgeCaller(Jwt token, Actor.Role role) {
    this(token, role, subjectOf(token));
  }

  /** {@code sub} as {@code Jwt.getSubject()} reads it, without its conversion service. */
  private static String subjectOf(Jwt token) {
    Object sub = token.getClaims().get("sub");
    return sub == null ? null : sub.toString();
  }

  static final String ATTRIBUTE = EdgeCaller.class.getName();

  /** The verified caller of this exchange; null for the public. */
  public static EdgeCaller of(ServerWebExchange exchange) {
    return exchange.getAttribute(ATTRIBUTE);
  }

  /** Marks the exchange as sent by this caller (what {@link #of} answers afterwards). */
  public void mark(ServerWebExchange exchange) {
    exchange.getAttributes().put(ATTRIBUTE, this);
  }
}
