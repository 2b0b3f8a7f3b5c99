package org.kitepkana.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

  private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
  private static final Instant IN_AN_HOUR = NOW.plusSeconds(3600);

  private Instant now = NOW;
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  private final VerifiedTokens<String> verified =
      new VerifiedTokens<>(Duration.ofSeconds(60), 3, clock);

  @Test
  void findsARememberedTokenWhileItsTimeLasts() {
    verified.remember("token-a", "checked-a", IN_AN_HOUR);
    now = NOW.plusSeconds(59);

    assertThat(verified.find("token-a")).isEqualTo("checked-a");
  }

  @Test
  void forgetsATokenOnceItsTimeInTheCacheIsUp() {
    verified.remember("token-a", "checked-a", IN_AN_HOUR);
    now = NOW.plusSeconds(60);

    assertThat(verified.find("token-a")).isNull();
    assertThat(verified.size()).isZero();
  }

  @Test
  void neverKeepsATokenPastItsExpiry() {
    verified.remember("token-a", "checked-a", NOW.plusSeconds(10));
    now = NOW.plusSeconds(10);

    assertThat(verified.find("token-a")).isNull();
  }

  @Test
  void doesNotRememberATokenThatHasAlreadyExpired() {
    verified.remember("token-a", "checked-a", NOW);

    assertThat(verified.size()).isZero();
  }

  @Test
  void aTokenDifferingFromARememberedOneInAnyCharacterIsNotFound() {
    verified.remember("header.claims.signature", "checked", IN_AN_HOUR);

    assertThat(verified.find("header.claims.signaturf")).isNull();
    assertThat(verified.find("header.claims.signature")).isEqualTo("checked");
  }

  @Test
  void keepsNoMoreTokensThanItsSizeAndAlwaysTheNewest() {
    for (String token : List.of("a", "b", "c", "d", "e")) {
      verified.remember(token, "checked-" + token, IN_AN_HOUR);
    }

    assertThat(verified.size()).isLessThanOrEqualTo(3);
    assertThat(verified.find("e")).isEqualTo("checked-e");
  }

  @Test
  void makesRoomByDroppingLapsedTokensFirst() {
    verified.remember("short", "checked-short", NOW.plusSeconds(10));
    verified.remember("b", "checked-b", IN_AN_HOUR);
    verified.remember("c", "checked-c", IN_AN_HOUR);
    now = NOW.plusSeconds(20); // "short" lapsed

    verified.remember("d", "checked-d", IN_AN_HOUR);

    assertThat(List.of("b", "c", "d"))
        .allSatisfy(token -> assertThat(verified.find(token)).isNotNull());
  }
}
