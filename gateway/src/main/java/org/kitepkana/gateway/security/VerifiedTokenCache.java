package org.kitepkana.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A {@link ReactiveJwtDecoder} that remembers, for a short while, the tokens its delegate found
 * valid, so a client calling many times with one token pays for the signature check and the claim
 * checks once, not on every request.
 *
 * <p>The key is the whole token, signature included, so only the very token that was checked is let
 * through. An entry lasts {@code maxAge} at most and never past the token's {@code exp}; after that
 * the delegate checks the token again (against the issuer's current keys). Refused tokens are never
 * remembered. At most {@code maxEntries} tokens are kept: when full, lapsed entries are dropped,
 * and if that frees nothing, all of them (the next calls simply check again).
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

  private final ReactiveJwtDecoder delegate;
  private final Duration maxAge;
  private final int maxEntries;
  private final Clock clock;
  private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

  private record Verified(Jwt jwt, Instant until) {}

  VerifiedTokenCache(ReactiveJwtDecoder delegate, Duration maxAge, int maxEntries, Clock clock) {
    if (maxAge.isNegative() || maxAge.isZero() || maxEntries < 1) {
      throw new IllegalArgumentException("a token cache needs a positive max age and size");
    }
    this.delegate = delegate;
    this.maxAge = maxAge;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  @Override
  public Mono<Jwt> decode(String token) throws JwtException {
    Verified known = verified.get(token);
    if (known != null) {
      if (clock.instant().isBefore(known.until())) {
        return Mono.just(known.jwt());
      }
      verified.remove(token, known);
    }
    return delegate.decode(token).doOnNext(jwt -> remember(token, jwt));
  }

  /** How many tokens are remembered now (for tests and metrics). */
  int size() {
    return verified.size();
  }

  private void remember(String token, Jwt jwt) {
    Instant now = clock.instant();
    Instant until = now.plus(maxAge);
    if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
      until = jwt.getExpiresAt();
    }
    if (!now.isBefore(until)) {
      return;
    }
    if (verified.size() >= maxEntries) {
      verified.values().removeIf(entry -> !now.isBefore(entry.until()));
      if (verified.size() >= maxEntries) {
        verified.clear();
      }
    }
    verified.put(token, new Verified(jwt, until));
  }
}
