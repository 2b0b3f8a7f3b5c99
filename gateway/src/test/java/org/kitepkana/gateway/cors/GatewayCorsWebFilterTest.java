package org.kitepkana.gateway.cors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

class GatewayCorsWebFilterTest {

  static final String CONSOLE = "http://127.0.0.1:5173";

  final GatewayCorsWebFilter filter =
      new GatewayCorsWebFilter(new CorsProperties(List.of(CONSOLE), Duration.ofMinutes(30)));

  final AtomicBoolean forwarded = new AtomicBoolean();
  final WebFilterChain chain =
      exchange -> {
        forwarded.set(true);
        return Mono.empty();
      };

  static MockServerWebExchange preflight(String origin, String method, String headers) {
    return MockServerWebExchange.from(
        MockServerHttpRequest.options("http://127.0.0.1:8080/api/catalog/branches")
            .header(HttpHeaders.ORIGIN, origin)
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method)
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, headers));
  }

  @Test
  void preflightFromTheConsoleIsAnsweredHereWithTheAllowedHeaders() {
    MockServerWebExchange exchange =
        preflight(CONSOLE, "POST", "authorization, content-type, idempotency-key");

    filter.filter(exchange, chain).block();

    HttpHeaders headers = exchange.getResponse().getHeaders();
    assertThat(forwarded).isFalse();
    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(headers.getAccessControlAllowOrigin()).isEqualTo(CONSOLE);
    assertThat(headers.getAccessControlAllowMethods())
        .contains(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE);
    assertThat(headers.getAccessControlAllowHeaders())
        .map(String::toLowerCase)
        .contains("authorization", "content-type", "idempotency-key");
    assertThat(headers.getAccessControlMaxAge()).isEqualTo(1800);
    assertThat(headers.getAccessControlAllowCredentials()).isFalse();
  }

  @Test
  void preflightAskingForAHeaderOutsideTheListIsRefused() {
    assertThatThrownBy(
            () -> filter.filter(preflight(CONSOLE, "POST", "x-debug-everything"), chain).block())
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
    assertThat(forwarded).isFalse();
  }

  @Test
  void preflightFromAnotherOriginIsRefusedWithoutCorsHeaders() {
    MockServerWebExchange exchange = preflight("https://evil.example", "GET", "authorization");

    assertThatThrownBy(() -> filter.filter(exchange, chain).block())
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
              assertThat(e.getBody().getDetail()).contains("https://evil.example");
            });
    assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin()).isNull();
    assertThat(forwarded).isFalse();
  }

  @Test
  void requestFromTheConsoleGoesOnWithAllowOriginAndExposedHeaders() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.post("http://127.0.0.1:8080/api/catalog/branches")
                .header(HttpHeaders.ORIGIN, CONSOLE));

    filter.filter(exchange, chain).block();

    HttpHeaders headers = exchange.getResponse().getHeaders();
    assertThat(forwarded).isTrue();
    assertThat(headers.getAccessControlAllowOrigin()).isEqualTo(CONSOLE);
    assertThat(headers.getAccessControlExposeHeaders())
        .contains("Location", "Retry-After", "X-RateLimit-Remaining", "ETag");
  }

  @Test
  void requestFromAnotherOriginGoesOnWithoutCorsHeaders() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("http://127.0.0.1:8080/api/catalog/branches")
                .header(HttpHeaders.ORIGIN, "https://evil.example"));

    filter.filter(exchange, chain).block();

    assertThat(forwarded).isTrue();
    assertThat(exchange.getResponse().getStatusCode()).isNull();
    assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin()).isNull();
    assertThat(exchange.getResponse().getHeaders().getAccessControlExposeHeaders()).isEmpty();
  }

  @Test
  void sameOriginAndOriginlessRequestsAreLeftAlone() {
    MockServerWebExchange sameOrigin =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("http://127.0.0.1:8080/api/catalog/branches")
                .header(HttpHeaders.ORIGIN, "http://127.0.0.1:8080"));
    MockServerWebExchange noOrigin =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("http://127.0.0.1:8080/api/catalog/branches"));

    filter.filter(sameOrigin, chain).block();
    filter.filter(noOrigin, chain).block();

    assertThat(sameOrigin.getResponse().getHeaders().getAccessControlAllowOrigin()).isNull();
    assertThat(noOrigin.getResponse().getHeaders().isEmpty()).isTrue();
  }

  @Test
  void withNoAllowedOriginsNothingCrossOriginIsAllowed() {
    GatewayCorsWebFilter closed =
        new GatewayCorsWebFilter(new CorsProperties(null, Duration.ofMinutes(1)));
    assertThatThrownBy(
            () -> closed.filter(preflight(CONSOLE, "GET", "authorization"), chain).block())
        .isInstanceOf(ErrorResponseException.class);
  }
}
