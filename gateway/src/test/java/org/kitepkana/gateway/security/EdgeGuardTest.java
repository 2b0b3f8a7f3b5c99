package org.kitepkana.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.kitepkana.platform.security.Actor.Role;
import org.kitepkana.platform.security.TokenClaims;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * What EdgeSecurityIT does not reach through a real server: the firewall's refusals, an issuer
 * whose keys cannot be read, the security headers, and the caller handed on. The table of who may
 * do what is EdgeSecurityIT's.
 */
class EdgeGuardTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private final EdgeGuard guard =
      new EdgeGuard(
          new StrictServerWebExchangeFirewall(),
          new EdgeTokens(
              new FakeIssuer(),
              TokenClaims.defaults(),
              Duration.ofSeconds(60),
              100,
              Clock.systemUTC()),
          meters);

  private double refusals(String reason, String status) {
    return meters
        .get(EdgeGuard.REFUSALS)
        .tag("reason", reason)
        .tag("status", status)
        .counter()
        .count();
  }

  private final AtomicReference<ServerWebExchange> forwarded = new AtomicReference<>();

  private final WebFilterChain service =
      exchange -> {
        forwarded.set(exchange);
        return exchange.getResponse().setComplete();
      };

  private MockServerWebExchange send(MockServerHttpRequest.BaseBuilder<?> request) {
    MockServerWebExchange exchange = MockServerWebExchange.from(request);
    guard.filter(exchange, service).block();
    return exchange;
  }

  private static MockServerHttpRequest.BaseBuilder<?> withToken(
      MockServerHttpRequest.BaseBuilder<?> request, String token) {
    return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
  }

  @Test
  void aRequestTheFirewallRefusesGets400ProblemAndIsNeverForwarded() {
    MockServerWebExchange answer = send(MockServerHttpRequest.get("/api/catalog/a%2F..%2Fb"));

    assertThat(answer.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getResponse().getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getResponse().getBodyAsString().block()).contains("\"status\":400");
    assertThat(forwarded.get()).isNull();
    assertThat(refusals("firewall", "400")).isEqualTo(1);
  }

  @Test
  void aControlCharacterInTheTokenIsRefusedByTheFirewallWith400() {
    MockServerWebExchange answer =
        send(withToken(MockServerHttpRequest.get("/api/catalog/search"), "abc\u0085"));

    assertThat(answer.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getResponse().getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(forwarded.get()).isNull();
    assertThat(refusals("firewall", "400")).isEqualTo(1);
  }

  @Test
  void aBadHeaderFirstReadDownstreamIsRefusedWith400NotAServerError() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("/api/catalog/search").header("X-Forwarded-For", "\u0085"));

    guard
        .filter(
            exchange,
            passed -> {
              passed.getRequest().getHeaders().getValuesAsList("X-Forwarded-For");
              return passed.getResponse().setComplete();
            })
        .block();

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"status\":400");
    assertThat(refusals("firewall", "400")).isEqualTo(1);
  }

  @Test
  void anHttpsAnswerAlsoCarriesStrictTransportSecurity() {
    MockServerWebExchange https =
        send(MockServerHttpRequest.get("https://kitepkana.example/api/catalog/search"));
    MockServerWebExchange http = send(MockServerHttpRequest.get("/api/catalog/search"));

    assertThat(https.getResponse().getHeaders().getFirst("Strict-Transport-Security"))
        .isEqualTo("max-age=31536000 ; includeSubDomains");
    assertThat(http.getResponse().getHeaders().containsHeader("Strict-Transport-Security"))
        .isFalse();
  }

  @Test
  void whenTheIssuersKeysCannotBeReadTheAnswerIs503NotAnInvalidToken() {
    MockServerWebExchange answer =
        send(withToken(MockServerHttpRequest.post("/api/catalog/branches"), "outage"));

    assertThat(answer.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(answer.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
    assertThat(answer.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isNull();
    assertThat(answer.getResponse().getBodyAsString().block())
        .contains("Couldn't retrieve remote JWK set");
    assertThat(forwarded.get()).isNull();
    assertThat(refusals("issuer-unavailable", "503")).isEqualTo(1);
    assertThat(refusals("invalid-token", "401")).isZero();
  }

  @Test
  void aCallerLetThroughIsHandedOnWithItsRoleAndItsTokenIsRememberedByTheSecondCall() {
    send(withToken(MockServerHttpRequest.post("/api/catalog/branches"), "coordinator-aida"));
    EdgeCaller first = EdgeCaller.of(forwarded.get());
    send(withToken(MockServerHttpRequest.post("/api/catalog/branches"), "coordinator-aida"));

    assertThat(first.role()).isEqualTo(Role.COORDINATOR);
    assertThat(EdgeCaller.of(forwarded.get())).isSameAs(first);
  }

  @Test
  void thePublicIsHandedOnWithoutACaller() {
    send(MockServerHttpRequest.get("/api/catalog/search?q=manas"));

    assertThat(forwarded.get()).isNotNull();
    assertThat(EdgeCaller.of(forwarded.get())).isNull();
  }

  @Test
  void onlyACoordinatorUsesTheActuatorsOtherEndpoints() {
    MockServerWebExchange answer =
        send(withToken(MockServerHttpRequest.get("/actuator/gateway/routes"), "subscriber-x"));

    assertThat(answer.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(answer.getResponse().getBodyAsString().block()).contains("Only a coordinator");
    assertThat(refusals("coordinators-only", "403")).isEqualTo(1);
  }

  @Test
  void everyAnswerCarriesTheSecurityHeadersUnlessTheServiceSentItsOwn() {
    MockServerWebExchange refused = send(MockServerHttpRequest.post("/api/catalog/branches"));
    assertThat(refused.getResponse().getHeaders().toSingleValueMap())
        .containsEntry("X-Content-Type-Options", "nosniff")
        .containsEntry("X-Frame-Options", "DENY")
        .containsEntry("X-XSS-Protection", "0")
        .containsEntry("Referrer-Policy", "no-referrer");

    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.get("/swagger-ui.html"));
    guard
        .filter(
            exchange,
            passed -> {
              passed.getResponse().getHeaders().set("X-Frame-Options", "SAMEORIGIN");
              return passed.getResponse().setComplete();
            })
        .block();
    assertThat(exchange.getResponse().getHeaders().get("X-Frame-Options"))
        .containsExactly("SAMEORIGIN");
    assertThat(exchange.getResponse().getHeaders().getFirst("X-Content-Type-Options"))
        .isEqualTo("nosniff");
  }
}
