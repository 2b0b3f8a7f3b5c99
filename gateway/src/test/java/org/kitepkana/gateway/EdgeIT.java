package org.kitepkana.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway's edge features through real HTTP: per-client rate limits, CORS for the web console
 * and the metrics they and the routes leave behind. Requests come from loopback, a trusted proxy,
 * so each test poses as its own client with {@code X-Forwarded-For}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "kitepkana.gateway.rate-limits.roles.anonymous.requests-per-second=0.2",
      "kitepkana.gateway.rate-limits.roles.anonymous.burst=3",
      "kitepkana.gateway.cors.allowed-origins=" + EdgeIT.CONSOLE
    })
@AutoConfigureWebTestClient
class EdgeIT {

  static final String CONSOLE = "http://127.0.0.1:5173";

  static final StubBackend catalog = StubBackend.start();
  static final int refusingPort = StubBackend.unusedPort();

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add("kitepkana.services.catalog-uri", catalog::uri);
    registry.add("kitepkana.services.events-uri", () -> "http://127.0.0.1:" + refusingPort);
    registry.add("kitepkana.services.partnerships-uri", () -> "http://127.0.0.1:" + refusingPort);
  }

  @LocalServerPort int port;
  @Autowired WebTestClient client;
  @Autowired CircuitBreakerRegistry breakers;

  @AfterAll
  static void stopBackend() {
    catalog.close();
  }

  URI gateway(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  WebTestClient.ResponseSpec get(String path, String clientAddress) {
    return client.get().uri(gateway(path)).header("X-Forwarded-For", clientAddress).exchange();
  }

  @Nested
  class RateLimits {

    @Test
    void anonymousClientOverItsLimitGets429WithRetryAfterAndOthersAreUnaffected() {
      String path = "/api/catalog/echo/rate-limited";
      long callsBefore =
          breakers.circuitBreaker("catalog").getMetrics().getNumberOfSuccessfulCalls();
      for (String remaining : List.of("2", "1", "0")) {
        get(path, "203.0.113.7")
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("X-RateLimit-Remaining", remaining);
      }

      get(path, "203.0.113.7")
          .expectStatus()
          .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectHeader()
          .valueEquals(HttpHeaders.RETRY_AFTER, "5")
          .expectHeader()
          .valueEquals("X-RateLimit-Remaining", "0")
          .expectBody()
          .jsonPath("$.type")
          .isEqualTo("tag:kitepkana.org,2026:problem:rate-limited")
          .jsonPath("$.title")
          .isEqualTo("Too many requests")
          .jsonPath("$.status")
          .isEqualTo(429)
          .jsonPath("$.role")
          .isEqualTo("anonymous")
          .jsonPath("$.instance")
          .isEqualTo(path);

      assertThat(catalog.hits("GET", path)).isEqualTo(3);
      // Refused at the edge: the backend's breaker never saw the fourth request.
      assertThat(breakers.circuitBreaker("catalog").getMetrics().getNumberOfSuccessfulCalls())
          .isEqualTo(callsBefore + 3);

      get(path, "203.0.113.8").expectStatus().isOk();
      get(path, "203.0.113.7").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
      assertThat(catalog.hits("GET", path)).isEqualTo(4);
    }

    @Test
    void theLimitCoversEveryRouteOfAClient() {
      get("/api/catalog/echo/a", "203.0.113.20").expectStatus().isOk();
      get("/api/catalog/echo/b", "203.0.113.20").expectStatus().isOk();
      get("/api/catalog/echo/c", "203.0.113.20").expectStatus().isOk();
      get("/api/events/calendar", "203.0.113.20")
          .expectStatus()
          .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }
  }

  @Nested
  class Cors {

    @Test
    void preflightFromTheConsoleIsAnsweredByTheGatewayWithoutReachingAService() {
      client
          .options()
          .uri(gateway("/api/catalog/echo/preflight"))
          .header(HttpHeaders.ORIGIN, CONSOLE)
          .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
          .header(
              HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS,
              "authorization,content-type,idempotency-key")
          .header("X-Forwarded-For", "203.0.113.30")
          .exchange()
          .expectStatus()
          .isOk()
          .expectHeader()
          .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, CONSOLE)
          .expectHeader()
          .value(
              HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
              methods -> assertThat(methods).contains("POST"))
          .expectHeader()
          .value(
              HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
              headers ->
                  assertThat(headers.toLowerCase())
                      .contains("authorization", "content-type", "idempotency-key"));

      assertThat(catalog.hits("OPTIONS", "/api/catalog/echo/preflight")).isZero();
    }

    @Test
    void consoleRequestsCarryAllowOriginAndTheExposedHeadersProblemsIncluded() {
      for (int i = 0; i < 3; i++) {
        client
            .get()
            .uri(gateway("/api/catalog/echo/cors"))
            .header(HttpHeaders.ORIGIN, CONSOLE)
            .header("X-Forwarded-For", "203.0.113.31")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, CONSOLE)
            .expectHeader()
            .value(
                HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                exposed ->
                    assertThat(exposed)
                        .contains("Location", "Retry-After", "X-RateLimit-Remaining"));
      }

      // The console can read a 429's Retry-After.
      client
          .get()
          .uri(gateway("/api/catalog/echo/cors"))
          .header(HttpHeaders.ORIGIN, CONSOLE)
          .header("X-Forwarded-For", "203.0.113.31")
          .exchange()
          .expectStatus()
          .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
          .expectHeader()
          .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, CONSOLE)
          .expectHeader()
          .exists(HttpHeaders.RETRY_AFTER);
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() {
      client
          .options()
          .uri(gateway("/api/catalog/echo/preflight"))
          .header(HttpHeaders.ORIGIN, "https://evil.example")
          .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE")
          .header("X-Forwarded-For", "203.0.113.32")
          .exchange()
          .expectStatus()
          .isForbidden()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectHeader()
          .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
          .expectHeader()
          .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS);

      client
          .get()
          .uri(gateway("/api/catalog/echo/foreign"))
          .header(HttpHeaders.ORIGIN, "https://evil.example")
          .header("X-Forwarded-For", "203.0.113.32")
          .exchange()
          .expectStatus()
          .isOk()
          .expectHeader()
          .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
          .expectHeader()
          .doesNotExist(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS);
    }
  }

  @Nested
  class Metrics {

    String prometheus() {
      return client
          .get()
          .uri(gateway("/actuator/prometheus"))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody(String.class)
          .returnResult()
          .getResponseBody();
    }

    static Pattern series(String name, String... labels) {
      StringBuilder regex = new StringBuilder("(?m)^" + Pattern.quote(name) + "\\{");
      for (String label : labels) {
        regex.append("(?=[^}]*").append(Pattern.quote(label)).append(")");
      }
      return Pattern.compile(regex.append("[^}]*\\} [0-9.E+-]+$").toString());
    }

    /** The same series with exactly this value. */
    static Pattern withValue(Pattern series, String value) {
      String regex = series.pattern();
      return Pattern.compile(
          regex.substring(0, regex.length() - "[0-9.E+-]+$".length()) + Pattern.quote(value) + "$");
    }

    @Test
    void routesBreakersAndRateLimitsLeaveTaggedMetrics() {
      String client = "203.0.113.40";
      for (int i = 0; i < 3; i++) {
        get("/api/catalog/echo/metrics", client).expectStatus().isOk();
      }
      get("/api/catalog/echo/metrics", client)
          .expectStatus()
          .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
      get("/api/events/calendar", "203.0.113.41")
          .expectStatus()
          .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      EdgeIT.this
          .client
          .post()
          .uri(gateway("/api/catalog/branches"))
          .header("X-Forwarded-For", "203.0.113.42")
          .exchange()
          .expectStatus()
          .isUnauthorized();

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                String text = prometheus();
                // Per-route latency and status codes (Spring Cloud Gateway's metrics filter).
                assertThat(text)
                    .containsPattern(
                        series(
                            "spring_cloud_gateway_requests_seconds_count",
                            "routeId=\"catalog\"",
                            "httpStatusCode=\"200\""))
                    .containsPattern(
                        series(
                            "spring_cloud_gateway_requests_seconds_count",
                            "routeId=\"catalog\"",
                            "httpStatusCode=\"429\""))
                    .containsPattern(
                        series(
                            "spring_cloud_gateway_requests_seconds_count",
                            "routeId=\"events\"",
                            "httpStatusCode=\"503\""))
                    .containsPattern(
                        series(
                            "spring_cloud_gateway_requests_seconds_bucket",
                            "routeId=\"catalog\"",
                            "le=\""));
                // Circuit breaker states (resilience4j-micrometer).
                assertThat(text)
                    .containsPattern(
                        withValue(
                            series(
                                "resilience4j_circuitbreaker_state",
                                "name=\"catalog\"",
                                "state=\"closed\""),
                            "1.0"))
                    .containsPattern(
                        withValue(
                            series(
                                "resilience4j_circuitbreaker_state",
                                "name=\"events\"",
                                "state=\"open\""),
                            "0.0"))
                    .containsPattern(
                        series(
                            "resilience4j_circuitbreaker_calls_seconds_count",
                            "name=\"events\"",
                            "kind=\"failed\""));
                // Rate-limit rejections by route and role.
                assertThat(text)
                    .containsPattern(
                        series(
                            "kitepkana_gateway_rate_limit_rejections_total",
                            "role=\"anonymous\"",
                            "route=\"catalog\""))
                    .containsPattern(series("kitepkana_gateway_rate_limit_clients"));
                // The edge's own refusals, which come before any route.
                assertThat(text)
                    .containsPattern(
                        withValue(
                            series(
                                "kitepkana_gateway_edge_refusals_total",
                                "reason=\"no-token\"",
                                "status=\"401\""),
                            "1.0"))
                    .containsPattern(
                        withValue(
                            series(
                                "kitepkana_gateway_edge_refusals_total",
                                "reason=\"firewall\"",
                                "status=\"400\""),
                            "0.0"));
              });
    }
  }
}
