package org.kitepkana.platform.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that remembers, for a short while, the tokens its delegate found valid
 * ({@link VerifiedTokens}: keyed by the whole token, never past its {@code exp}, refused tokens
 * never remembered). The service still checks every token it has not itself accepted: it trusts
 * nothing the gateway did.
 */
final class VerifiedTokenCache implements JwtDecoder {

  private final JwtDecoder delegate;
  private final VerifiedTokens<Jwt> verified;

  VerifiedTokenCache(JwtDecoder delegate, Duration maxAge, int maxEntries, Clock clock) {
    this.delegate = delegate;
    this.verified = new VerifiedTokens<>(maxAge, maxEntries, clock);
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    Jwt known = verified.find(token);
    if (known != null) {
      return known;
    }
    Jwt checked = delegate.decode(token);
    verified.remember(token, checked, checked.getExpiresAt());
    return checked;
  }

  /** How many tokens are remembered now (for tests). */
  int size() {
    return verified.size();
  }
}
