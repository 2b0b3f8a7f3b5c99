package org.kitepkana.gateway.security;

import java.time.Clock;
import java.time.Duration;
import org.kitepkana.platform.security.VerifiedTokens;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A {@link ReactiveJwtDecoder} that remembers, for a short while, the tokens its delegate found
 * valid ({@link VerifiedTokens}: keyed by the whole token, never past its {@code exp}, refused
 * tokens never remembered).
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

  private final ReactiveJwtDecoder delegate;
  private final VerifiedTokens<Jwt> verified;

  VerifiedTokenCache(ReactiveJwtDecoder delegate, Duration maxAge, int maxEntries, Clock clock) {
    this.delegate = delegate;
    this.verified = new VerifiedTokens<>(maxAge, maxEntries, clock);
  }

  @Override
  public Mono<Jwt> decode(String token) throws JwtException {
    Jwt known = verified.find(token);
    if (known != null) {
      return Mono.just(known);
    }
    return delegate
        .decode(token)
        .doOnNext(jwt -> verified.remember(token, jwt, jwt.getExpiresAt()));
  }

  /** How many tokens are remembered now (for tests). */
  int size() {
    return verified.size();
  }
}
