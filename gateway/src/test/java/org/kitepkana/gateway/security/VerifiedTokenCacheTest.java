package org.kitepkana.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** The reactive adapter; what is remembered and for how long: VerifiedTokensTest. */
class VerifiedTokenCacheTest {

  private final List<String> checked = new ArrayList<>();

  /** Accepts "valid-*" tokens for an hour. */
  private final ReactiveJwtDecoder issuer =
      token -> {
        checked.add(token);
        if (!token.startsWith("valid-")) {
          return Mono.error(new BadJwtException("bad signature"));
        }
        Instant now = Instant.now();
        return Mono.just(
            new Jwt(
                token, now, now.plusSeconds(3600), Map.of("alg", "RS256"), Map.of("sub", token)));
      };

  private final VerifiedTokenCache cache =
      new VerifiedTokenCache(issuer, Duration.ofSeconds(60), 3, Clock.systemUTC());

  @Test
  void checksAValidTokenOnceWhileItIsRemembered() {
    Jwt first = cache.decode("valid-a").block();
    Jwt again = cache.decode("valid-a").block();

    assertThat(again).isSameAs(first);
    assertThat(checked).containsExactly("valid-a");
  }

  @Test
  void neverRemembersARefusedToken() {
    assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);

    assertThat(checked).containsExactly("forged", "forged");
    assertThat(cache.size()).isZero();
  }
}
