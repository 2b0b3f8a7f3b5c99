package org.kitepkana.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kitepkana.gateway.security.EdgeCaller;
import org.kitepkana.platform.security.Actor.Role;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ServerWebExchange;

class ClientKeyResolverTest {

  static final String LOOPBACK = "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1";

  final RateLimitProperties properties =
      new RateLimitProperties(
          true,
          1000,
          Duration.ofMinutes(1),
          Map.of(
              "anonymous", new RateLimit(10, 20),
              "subscriber", new RateLimit(50, 100),
              "branch-librarian", new RateLimit(200, 400),
              "coordinator", new RateLimit(500, 1000)));

  final ClientKeyResolver resolver = new ClientKeyResolver(properties, LOOPBACK);

  static Jwt jwt(String subject, Object roles) {
    Jwt.Builder token =
        Jwt.withTokenValue("token")
            .header("alg", "RS256")
            .subject(subject)
            .issuedAt(Instant.parse("2026-03-01T08:00:00Z"))
            .expiresAt(Instant.parse("2026-03-01T09:00:00Z"));
    if (roles != null) {
      token.claim("roles", roles);
    }
    return token.build();
  }

  /** A request from the peer; with a token, one the edge let through (its role is not used). */
  static ServerWebExchange from(String peer, Jwt token, String... forwardedFor) {
    MockServerHttpRequest.BaseBuilder<?> request =
        MockServerHttpRequest.get("/api/catalog/records")
            .remoteAddress(new InetSocketAddress(peer, 40_000));
    if (forwardedFor.length > 0) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    ServerWebExchange exchange = MockServerWebExchange.from(request);
    if (token != null) {
      new EdgeCaller(token, Role.SUBSCRIBER).mark(exchange);
    }
    return exchange;
  }

  ClientKey resolve(ServerWebExchange exchange) {
    return resolver.resolve(exchange);
  }

  @Test
  void aJwtIsKeyedBySubjectWithItsMostGenerousConfiguredRole() {
    ClientKey key =
        resolve(
            from(
                "192.0.2.10",
                jwt("librarian-at-kochkor", List.of("subscriber", "branch_librarian"))));

    assertThat(key).isEqualTo(new ClientKey("sub:librarian-at-kochkor", "branch-librarian"));
  }

  @Test
  void rolesMayBeUpperCaseOrASpaceSeparatedString() {
    assertThat(resolve(from("192.0.2.10", jwt("aida", List.of("COORDINATOR")))).role())
        .isEqualTo("coordinator");
    assertThat(resolve(from("192.0.2.10", jwt("aida", "subscriber coordinator"))).role())
        .isEqualTo("coordinator");
  }

  @Test
  void aTokenWithoutAnyConfiguredRoleCountsAsAuthenticated() {
    assertThat(resolve(from("192.0.2.10", jwt("kiosk-7", List.of("reader")))))
        .isEqualTo(new ClientKey("sub:kiosk-7", "authenticated"));
    assertThat(resolve(from("192.0.2.10", jwt("kiosk-8", null))).role()).isEqualTo("authenticated");
    // "anonymous" in a token does not lower an authenticated client to the anonymous limit's key.
    assertThat(resolve(from("192.0.2.10", jwt("kiosk-9", List.of("anonymous")))).role())
        .isEqualTo("authenticated");
    assertThat(properties.limitOf("authenticated")).isEqualTo(new RateLimit(10, 20));
  }

  @Test
  void twoClientsOnTheSameAddressWithTokensHaveTwoKeys() {
    assertThat(resolve(from("192.0.2.10", jwt("aida", List.of("coordinator")))))
        .isNotEqualTo(resolve(from("192.0.2.10", jwt("bakyt", List.of("coordinator")))));
  }

  @Test
  void theRolesClaimIsConfigurableAndMayBeNested() {
    ClientKeyResolver keycloakStyle =
        new ClientKeyResolver(properties, LOOPBACK, "realm_access.roles");
    Jwt token =
        Jwt.withTokenValue("token")
            .header("alg", "RS256")
            .subject("aida")
            .claim("realm_access", Map.of("roles", List.of("coordinator")))
            .build();

    assertThat(keycloakStyle.resolve(from("192.0.2.10", token)).role()).isEqualTo("coordinator");
  }

  @Test
  void aTokenWithoutSubjectIsKeyedByAddressWithItsRole() {
    Jwt token =
        Jwt.withTokenValue("token")
            .header("alg", "RS256")
            .claim("roles", List.of("coordinator"))
            .build();

    assertThat(resolve(from("192.0.2.10", token)))
        .isEqualTo(new ClientKey("addr:192.0.2.10", "coordinator"));
  }

  @Test
  void withoutATokenTheClientIsItsAddress() {
    assertThat(resolve(from("192.0.2.10", null)))
        .isEqualTo(new ClientKey("addr:192.0.2.10", "anonymous"));
  }

  @Test
  void behindATrustedProxyTheClientIsTheRightMostUntrustedForwardedAddress() {
    assertThat(resolve(from("127.0.0.1", null, "203.0.113.7")).id()).isEqualTo("addr:203.0.113.7");
    // A client may prepend anything; only what the trusted proxies appended counts.
    assertThat(resolve(from("127.0.0.1", null, "10.9.9.9, 203.0.113.7, 127.0.0.1")).id())
        .isEqualTo("addr:203.0.113.7");
    assertThat(resolve(from("127.0.0.1", null)).id()).isEqualTo("addr:127.0.0.1");
  }

  @Test
  void anUntrustedPeersForwardedForIsIgnored() {
    assertThat(resolve(from("198.51.100.9", null, "203.0.113.7")).id())
        .isEqualTo("addr:198.51.100.9");
  }

  @Test
  void withoutTrustedProxiesForwardedForIsNeverBelieved() {
    ClientKeyResolver trustsNobody = new ClientKeyResolver(properties, "");
    assertThat(trustsNobody.resolve(from("127.0.0.1", null, "203.0.113.7")).id())
        .isEqualTo("addr:127.0.0.1");
  }

  @Test
  void rolesAreNormalizedAndAnonymousIsRequired() {
    var props =
        new RateLimitProperties(
            true,
            10,
            Duration.ofMinutes(1),
            Map.of("ANONYMOUS", new RateLimit(1, 1), "Branch_Librarian", new RateLimit(5, 5)));
    assertThat(props.roles()).containsOnlyKeys("anonymous", "authenticated", "branch-librarian");
    assertThat(props.limitOf("partnership-officer")).isEqualTo(new RateLimit(1, 1));

    assertThatThrownBy(
            () ->
                new RateLimitProperties(
                    true, 10, Duration.ofMinutes(1), Map.of("coordinator", new RateLimit(1, 1))))
        .hasMessageContaining("anonymous");
  }
}
