package org.kitepkana.gateway.security;

import java.time.Clock;
import java.time.Duration;
import org.kitepkana.platform.security.TokenClaims;
import org.kitepkana.platform.security.VerifiedTokens;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Bearer tokens checked at the edge: the full check by a {@link ReactiveJwtDecoder} (signature,
 * claims, a usable role), and the callers of tokens it accepted a moment ago, remembered in {@link
 * VerifiedTokens} (keyed by the whole token, never past its {@code exp}, refused tokens never
 * remembered) so that a remembered token costs one map lookup and no reactive step.
 */
final class EdgeTokens {

  private final ReactiveJwtDecoder decoder;
  private final TokenClaims claims;
  private final VerifiedTokens<EdgeCaller> verified;

  /**
   * @param maxAge how long an accepted token is remembered; zero remembers none
   */
  EdgeTokens(
      ReactiveJwtDecoder decoder,
      TokenClaims claims,
      Duration maxAge,
      int maxEntries,
      Clock clock) {
    this.decoder = decoder;
    this.claims = claims;
    this.verified = maxAge.isZero() ? null : new VerifiedTokens<>(maxAge, maxEntries, clock);
  }

  /** The caller of exactly this token if it was accepted a moment ago; else null. */
  EdgeCaller remembered(String token) {
    return verified == null ? null : verified.find(token);
  }

  /**
   * Checks the token in full and remembers its caller; fails with a {@link JwtException} ({@link
   * BadJwtException} for a token that is refused).
   */
  Mono<EdgeCaller> verify(String token) {
    return decoder
        .decode(token)
        .map(
            jwt -> {
              EdgeCaller caller = callerOf(jwt);
              if (verified != null) {
                verified.remember(token, caller, jwt.getExpiresAt());
              }
              return caller;
            });
  }

  private EdgeCaller callerOf(Jwt jwt) {
    TokenClaims.Reading reading = claims.read(jwt.getClaims());
    if (reading instanceof TokenClaims.Known known) {
      return new EdgeCaller(jwt, known.actor().role());
    }
    // The decoder's validator refuses such a token already; never let one through regardless.
    throw new BadJwtException(((TokenClaims.Unusable) reading).reason());
  }

  /** How many tokens are remembered now (for tests). */
  int size() {
    return verified == null ? 0 : verified.size();
  }
}
