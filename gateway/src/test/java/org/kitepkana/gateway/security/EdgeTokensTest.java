package org.kitepkana.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kitepkana.platform.security.Actor.Role;
import org.kitepkana.platform.security.TokenClaims;
import org.springframework.security.oauth2.jwt.BadJwtException;

/** Full checks and remembered callers; what is remembered and for how long: VerifiedTokensTest. */
class EdgeTokensTest {

  private final FakeIssuer issuer = new FakeIssuer();

  private final EdgeTokens tokens = tokens(Duration.ofSeconds(60));

  private EdgeTokens tokens(Duration maxAge) {
    return new EdgeTokens(issuer, TokenClaims.defaults(), maxAge, 3, Clock.systemUTC());
  }

  @Test
  void remembersTheCallerOfAnAcceptedToken() {
    assertThat(tokens.remembered("subscriber-a")).isNull();

    EdgeCaller caller = tokens.verify("subscriber-a").block();

    assertThat(caller.role()).isEqualTo(Role.SUBSCRIBER);
    assertThat(caller.token().getSubject()).isEqualTo("subscriber-a");
    assertThat(tokens.remembered("subscriber-a")).isSameAs(caller);
    assertThat(issuer.checked).containsExactly("subscriber-a");
  }

  @Test
  void neverRemembersARefusedToken() {
    assertThatThrownBy(() -> tokens.verify("forged").block()).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> tokens.verify("forged").block()).isInstanceOf(BadJwtException.class);

    assertThat(issuer.checked).containsExactly("forged", "forged");
    assertThat(tokens.remembered("forged")).isNull();
    assertThat(tokens.size()).isZero();
  }

  @Test
  void aZeroMaxAgeRemembersNothing() {
    EdgeTokens checkEveryTime = tokens(Duration.ZERO);

    checkEveryTime.verify("subscriber-a").block();

    assertThat(checkEveryTime.remembered("subscriber-a")).isNull();
    assertThat(checkEveryTime.size()).isZero();
  }
}
