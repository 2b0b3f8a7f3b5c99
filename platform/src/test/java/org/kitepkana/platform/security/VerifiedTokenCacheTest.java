package org.kitepkana.platform.security;

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
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The servlet adapter; what is remembered and for how long: VerifiedTokensTest. */
class VerifiedTokenCacheTest {

  private final List<String> checked = new ArrayList<>();

  /** Accepts "valid-*" tokens for an hour. */
  private final JwtDecoder issuer =
      token -> {
        checked.add(token);
        if (!token.startsWith("valid-")) {
          throw new BadJwtException("bad signature");
        }
        Instant now = Instant.now();
        return (new Jwt(
            token, now, now.plusSeconds(3600), Map.of("alg", "RS256"), Map.of("sub", token)));
      };

  private final VerifiedTokenCache cache =
      new VerifiedTokenCache(issuer, Duration.ofSeconds(60), 3, Clock.systemUTC());

  @Test
  void checksAValidTokenOnceWhileItIsRemembered() {
    Jwt first = cache.decode("valid-a");
    Jwt again = cache.decode("valid-a");

    assertThat(again).isSameAs(first);
    assertThat(checked).containsExactly("valid-a");
  }

  @Test
  void neverRemembersARefusedToken() {
    assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);

    assertThat(checked).containsExactly("forged", "forged");
    assertThat(cache.size()).isZero();
  }
}
