package org.kitepkana.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokenCacheTest {

  private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

  private Instant now = NOW;
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  /** Accepts "valid-*" tokens, expiring an hour after NOW unless named "valid-short-*". */
  private final List<String> checked = new ArrayList<>();

  private final ReactiveJwtDecoder issuer =
      token -> {
        checked.add(token);
        if (!token.startsWith("valid-")) {
          return Mono.error(new BadJwtException("bad signature"));
        }
        Instant expiry =
            token.startsWith("valid-short-") ? NOW.plusSeconds(10) : NOW.plusSeconds(3600);
        return Mono.just(new Jwt(token, NOW, expiry, Map.of("alg", "RS256"), Map.of("sub", token)));
      };

  private final VerifiedTokenCache cache =
      new VerifiedTokenCache(issuer, Duration.ofSeconds(60), 3, clock);

  @Test
  void checksAValidTokenOnceWhileItIsRemembered() {
    Jwt first = cache.decode("valid-a").block();
    Jwt again = cache.decode("valid-a").block();

    assertThat(again).isSameAs(first);
    assertThat(checked).containsExactly("valid-a");
  }

  @Test
  void checksTheTokenAgainOnceItsTimeInTheCacheIsUp() {
    cache.decode("valid-a").block();
    now = NOW.plusSeconds(61);

    cache.decode("valid-a").block();

    assertThat(checked).containsExactly("valid-a", "valid-a");
  }

  @Test
  void neverKeepsATokenPastItsExpiry() {
    cache.decode("valid-short-a").block();
    now = NOW.plusSeconds(10);

    cache.decode("valid-short-a").block();

    assertThat(checked).containsExactly("valid-short-a", "valid-short-a");
  }

  @Test
  void neverRemembersARefusedToken() {
    assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);

    assertThat(checked).containsExactly("forged", "forged");
    assertThat(cache.size()).isZero();
  }

  @Test
  void aTokenDifferingFromARememberedOneInAnyCharacterIsCheckedAfresh() {
    cache.decode("valid-a").block();

    assertThatThrownBy(() -> cache.decode("valid-a".replace("valid", "forge")).block())
        .isInstanceOf(BadJwtException.class);
    assertThat(checked).containsExactly("valid-a", "forge-a");
  }

  @Test
  void keepsNoMoreTokensThanItsSize() {
    for (String token : List.of("valid-a", "valid-b", "valid-c", "valid-d", "valid-e")) {
      cache.decode(token).block();
    }

    assertThat(cache.size()).isLessThanOrEqualTo(3);
    cache.decode("valid-e").block();
    assertThat(checked).hasSize(5).as("the newest token is still remembered");
  }

  @Test
  void makesRoomByDroppingLapsedTokensFirst() {
    cache.decode("valid-short-a").block();
    cache.decode("valid-b").block();
    cache.decode("valid-c").block();
    now = NOW.plusSeconds(20); // valid-short-a lapsed

    cache.decode("valid-d").block();
    cache.decode("valid-b").block();
    cache.decode("valid-c").block();

    assertThat(checked).containsExactly("valid-short-a", "valid-b", "valid-c", "valid-d");
  }
}
