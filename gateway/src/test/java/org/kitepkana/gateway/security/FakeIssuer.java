package org.kitepkana.gateway.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A token check without signatures: "coordinator-aida" is a valid coordinator's token for an hour
 * (any role name before the dash, any subject after it); "outage" cannot be checked because the
 * issuer's keys cannot be fetched; anything else is refused. Records every token it checks.
 */
final class FakeIssuer implements ReactiveJwtDecoder {

  final List<String> checked = new ArrayList<>();

  @Override
  public Mono<Jwt> decode(String token) {
    checked.add(token);
    if (token.equals("outage")) {
      return Mono.error(new JwtException("Couldn't retrieve remote JWK set: timed out"));
    }
    int dash = token.indexOf('-');
    if (dash < 1) {
      return Mono.error(new BadJwtException("Failed to validate the token"));
    }
    Instant now = Instant.now();
    return Mono.just(
        new Jwt(
            token,
            now,
            now.plusSeconds(3600),
            Map.of("alg", "RS256"),
            Map.of("sub", token, "roles", List.of(token.substring(0, dash)))));
  }
}
