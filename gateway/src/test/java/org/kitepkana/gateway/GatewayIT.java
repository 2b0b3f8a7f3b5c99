package org.kitepkana.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.LoggerContext;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kitepkana.platform.testsupport.TestTokens;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.WeightCalculatorWebFilter;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The gateway on a random port in front of a stub catalog service; the events and partnerships
 * services point at a port where nothing listens.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "kitepkana.services.catalog-response-timeout=750ms",
      "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
      "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
      "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=30s",
      "resilience4j.circuitbreaker.configs.default.automatic-transition-from-open-to-half-open-enabled=false",
      // Every request here comes from one loopback client; EdgeIT tests the limits.
      "kitepkana.gateway.rate-limits.roles.anonymous.requests-per-second=100000",
      "kitepkana.gateway.rate-limits.roles.anonymous.burst=100000"
    })
@AutoConfigureWebTestClient
class GatewayIT {

  static final StubBackend catalog = StubBackend.start();
  static final int refusingPort = StubBackend.unusedPort();

  static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add("kitepkana.services.catalog-uri", catalog::uri);
    registry.add("kitepkana.services.events-uri", () -> "http://127.0.0.1:" + refusingPort);
    registry.add("kitepkana.services.partnerships-uri", () -> "http://127.0.0.1:" + refusingPort);
    TestTokens.properties().forEach((name, value) -> registry.add(name, () -> value));
  }

  @LocalServerPort int port;
  @Autowired WebTestClient client;
  @Autowired CircuitBreakerRegistry breakers;

  /** Every call here is a coordinator's; EdgeSecurityIT covers the other roles and no token. */
  static final String COORDINATOR = "Bearer " + TestTokens.coordinator();

  @BeforeEach
  void freshBackendAndBreakers() {
    client = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, COORDINATOR).build();
    catalog.reset();
    breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
  }

  @AfterAll
  static void stopBackend() {
    catalog.close();
  }

  URI gateway(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  CircuitBreaker.Metrics catalogBreaker() {
    return breakers.circuitBreaker("catalog").getMetrics();
  }

  @Nested
  class Forwarding {

    @Test
    void getReachesTheServiceUnchangedAndItsAnswerComesBackWithoutHopByHopHeaders() {
      String pathAndQuery = "/api/catalog/echo/records/42?q=%D0%9C%D0%B0%D0%BD%D0%B0%D1%81&page=2";

      client
          .get()
          .uri(gateway(pathAndQuery))
          .accept(MediaType.APPLICATION_JSON)
          .header("X-Request-Id", "req-1")
          .header("traceparent", TRACEPARENT)
          .exchange()
          .expectStatus()
          .isOk()
          .expectHeader()
          .valueEquals("X-Backend", "stub")
          .expectHeader()
          .valueEquals(HttpHeaders.ETAG, "\"4\"")
          .expectHeader()
          .doesNotExist("Proxy-Authenticate")
          .expectHeader()
          .doesNotExist("X-Hop")
          .expectBody(String.class)
          .isEqualTo("echo");

      StubBackend.Received received = catalog.lastReceived();
      assertThat(received.method()).isEqualTo("GET");
      assertThat(received.rawPathAndQuery()).isEqualTo(pathAndQuery);
      assertThat(received.header("Accept")).isEqualTo("application/json");
      assertThat(received.header("X-Request-Id")).isEqualTo("req-1");
      // Same trace; the gateway's span is the new parent (GatewayTracingIT).
      assertThat(received.header("traceparent")).startsWith(TRACEPARENT.substring(0, 36));
      assertThat(catalog.hits("GET", "/api/catalog/echo/records/42")).isEqualTo(1);
    }

    @Test
    void aStatusWithoutANameReachesTheClientAsTheServiceGaveIt() {
      client
          .get()
          .uri(gateway("/api/catalog/records/unnamed-status"))
          .exchange()
          .expectStatus()
          .isEqualTo(299)
          .expectBody(String.class)
          .isEqualTo("unusual");
    }

    @Test
    void aLargeAnswerIsStreamedThroughIntact() {
      int size = 200_000; // 25 pieces of 8 KB from the service
      client
          .get()
          .uri(gateway("/api/catalog/chunked/" + size))
          .exchange()
          .expectStatus()
          .isOk()
          .expectHeader()
          .valueEquals(HttpHeaders.TRANSFER_ENCODING, "chunked")
          .expectBody(byte[].class)
          .isEqualTo(StubBackend.patterned(size));
    }

    @Test
    void anEventStreamReachesTheClientEventByEventNotHeldForTheWhole() {
      Flux<String> events =
          client
              .get()
              .uri(gateway("/api/catalog/event-stream"))
              .exchange()
              .expectStatus()
              .isOk()
              .returnResult(String.class)
              .getResponseBody();

      List<String> seen = new CopyOnWriteArrayList<>();
      Disposable reading = events.subscribe(seen::add);
      try {
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("first"));
        assertThat(seen).as("the service has not sent the second yet").containsExactly("first");
        catalog.releaseSlowResponses();
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 2);
        assertThat(seen).containsExactly("first", "second");
      } finally {
        reading.dispose();
      }
    }

    @Test
    void putReachesTheServiceWithBodyAndHeadersUnchanged() {
      String json = "{\"title\":\"Манас\",\"language\":\"ky\"}";

      client
          .put()
          .uri(gateway("/api/catalog/echo/records/42"))
          .contentType(MediaType.APPLICATION_JSON)
          .header(HttpHeaders.IF_MATCH, "\"3\"")
          .header("traceparent", TRACEPARENT)
          .bodyValue(json.getBytes(StandardCharsets.UTF_8))
          .exchange()
          .expectStatus()
          .isOk()
          .expectHeader()
          .valueEquals(HttpHeaders.ETAG, "\"4\"")
          .expectBody(byte[].class)
          .isEqualTo(json.getBytes(StandardCharsets.UTF_8));

      StubBackend.Received received = catalog.lastReceived();
      assertThat(received.method()).isEqualTo("PUT");
      assertThat(received.rawPathAndQuery()).isEqualTo("/api/catalog/echo/records/42");
      assertThat(received.body()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
      assertThat(received.header("Content-Type")).isEqualTo("application/json");
      assertThat(received.header("If-Match")).isEqualTo("\"3\"");
      // Same trace; the gateway's span is the new parent (GatewayTracingIT).
      assertThat(received.header("traceparent")).startsWith(TRACEPARENT.substring(0, 36));
      assertThat(catalog.hits("PUT", "/api/catalog/echo/records/42")).isEqualTo(1);
    }

    @Test
    void tellsTheServiceWhereTheRequestCameFromAndKeepsWhatATrustedProxySaid() {
      client
          .get()
          .uri(gateway("/api/catalog/echo/branches"))
          .header("X-Forwarded-Proto", "https")
          .header("X-Forwarded-Host", "kitepkana.kg")
          .header("Forwarded", "for=203.0.113.9;proto=https")
          .exchange()
          .expectStatus()
          .isOk();

      StubBackend.Received received = catalog.lastReceived();
      assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
      assertThat(received.header("X-Forwarded-Proto")).isEqualTo("https,http");
      assertThat(received.header("X-Forwarded-Host")).isEqualTo("kitepkana.kg,127.0.0.1:" + port);
      assertThat(received.header("X-Forwarded-Port")).isEqualTo(Integer.toString(port));
      // X-Forwarded-* only: the gateway writes no Forwarded header and drops a client's.
      assertThat(received.header("Forwarded")).isNull();
    }

    @Test
    void bodyWithinTheLimitIsForwardedWhole() {
      byte[] threeMegabytes = new byte[3 * 1024 * 1024];
      Arrays.fill(threeMegabytes, (byte) 'k');

      client
          .post()
          .uri(gateway("/api/catalog/echo/imports"))
          .contentType(MediaType.APPLICATION_OCTET_STREAM)
          .bodyValue(threeMegabytes)
          .exchange()
          .expectStatus()
          .isOk();

      assertThat(catalog.lastReceived().body()).isEqualTo(threeMegabytes);
    }
  }

  @Nested
  class BackendAnswers {

    @Test
    void backendProblemPassesThroughUnchanged() {
      client
          .post()
          .uri(gateway("/api/catalog/rejects"))
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"isbn\":\"12\"}")
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody(String.class)
          .isEqualTo(StubBackend.REJECTION);
    }

    @Test
    void backend4xxAnswersNeverOpenTheBreaker() {
      for (int i = 0; i < 6; i++) {
        client.get().uri(gateway("/api/catalog/rejects")).exchange().expectStatus().isBadRequest();
      }

      assertThat(breakers.circuitBreaker("catalog").getState())
          .isEqualTo(CircuitBreaker.State.CLOSED);
      assertThat(catalogBreaker().getNumberOfFailedCalls()).isZero();
      assertThat(catalogBreaker().getNumberOfSuccessfulCalls()).isEqualTo(4);
      assertThat(catalog.hits("GET", "/api/catalog/rejects")).isEqualTo(6);
    }

    @Test
    void failingGetIsRetriedTwiceAndTheLastAnswerPassesThrough() {
      client
          .get()
          .uri(gateway("/api/catalog/flaky"))
          .exchange()
          .expectStatus()
          .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
          .expectBody(String.class)
          .isEqualTo(StubBackend.OVERLOADED);

      assertThat(catalog.hits("GET", "/api/catalog/flaky")).isEqualTo(3);
    }

    @Test
    void failingPutIsNotRetried() {
      client
          .put()
          .uri(gateway("/api/catalog/flaky"))
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{}")
          .exchange()
          .expectStatus()
          .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
          .expectBody(String.class)
          .isEqualTo(StubBackend.OVERLOADED);

      assertThat(catalog.hits("PUT", "/api/catalog/flaky")).isEqualTo(1);
    }

    @Test
    void getWithAStreamedBodyIsNotRetriedForItsBodyCannotBeSentTwice() {
      client
          .method(HttpMethod.GET)
          .uri(gateway("/api/catalog/flaky"))
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"q\":\"manas\"}")
          .exchange()
          .expectStatus()
          .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

      assertThat(catalog.hits("GET", "/api/catalog/flaky")).isEqualTo(1);
    }

    @Test
    void getWhoseConnectionDropsIsRetriedAndAnswered() {
      client
          .get()
          .uri(gateway("/api/catalog/drops-once"))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody(String.class)
          .isEqualTo("recovered");

      assertThat(catalog.hits("GET", "/api/catalog/drops-once")).isEqualTo(2);
    }

    @Test
    void putWhoseConnectionDropsIsNotRetriedAndSaysItMayHaveBeenProcessed() {
      client
          .put()
          .uri(gateway("/api/catalog/drops-once"))
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{}")
          .exchange()
          .expectStatus()
          .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
          .expectBody()
          .jsonPath("$.detail")
          .value(detail -> assertThat(detail.toString()).contains("may or may not have been"));

      assertThat(catalog.hits("PUT", "/api/catalog/drops-once")).isEqualTo(1);
    }

    @Test
    void backend5xxPassesThroughUntilTheBreakerOpensThenTheGatewayAnswersWithoutCallingIt() {
      for (int i = 0; i < 4; i++) {
        client
            .put()
            .uri(gateway("/api/catalog/broken"))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
            .expectBody(String.class)
            .isEqualTo(StubBackend.BROKEN);
      }

      client
          .put()
          .uri(gateway("/api/catalog/broken"))
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{}")
          .exchange()
          .expectStatus()
          .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectHeader()
          .valueEquals(HttpHeaders.RETRY_AFTER, "30")
          .expectBody()
          .jsonPath("$.title")
          .isEqualTo("catalog-service unavailable")
          .jsonPath("$.detail")
          .value(String.class, detail -> assertThat(detail).contains("not delivered"));

      assertThat(catalog.hits("PUT", "/api/catalog/broken")).isEqualTo(4);
      assertThat(breakers.circuitBreaker("catalog").getState())
          .isEqualTo(CircuitBreaker.State.OPEN);
    }
  }

  @Nested
  class GatewayProblems {

    @Autowired reactor.netty.http.client.HttpClient httpClient;

    /**
     * Every route dials its service with the shared client as it is (RoutingConfiguration), so the
     * connect timeout must be on that client: 2 s, after which the breaker counts a failure.
     */
    @Test
    void servicesAreDialledWithTheConfiguredConnectTimeout() {
      Object connectTimeout =
          httpClient.configuration().options().get(ChannelOption.CONNECT_TIMEOUT_MILLIS);
      assertThat(connectTimeout).isEqualTo(2000);
    }

    @Test
    void refusedConnectionGives503ProblemNamingTheServiceWithRetryAfter() {
      client
          .get()
          .uri(gateway("/api/events/calendar?branch=naryn"))
          .exchange()
          .expectStatus()
          .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectHeader()
          .valueEquals(HttpHeaders.RETRY_AFTER, "30")
          .expectBody()
          .jsonPath("$.type")
          .isEqualTo("tag:kitepkana.org,2026:problem:service-unavailable")
          .jsonPath("$.title")
          .isEqualTo("events-service unavailable")
          .jsonPath("$.status")
          .isEqualTo(503)
          .jsonPath("$.detail")
          .isEqualTo(
              "events-service could not be reached; the request was not delivered. Try again"
                  + " later.")
          .jsonPath("$.instance")
          .isEqualTo("/api/events/calendar")
          .jsonPath("$.service")
          .isEqualTo("events-service");

      assertThat(breakers.circuitBreaker("events").getMetrics().getNumberOfFailedCalls())
          .isEqualTo(1);
    }

    @Test
    void refusedPutGives503ProblemToo() {
      client
          .put()
          .uri(gateway("/api/partnerships/agreements/7"))
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{}")
          .exchange()
          .expectStatus()
          .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
          .expectHeader()
          .exists(HttpHeaders.RETRY_AFTER)
          .expectBody()
          .jsonPath("$.title")
          .isEqualTo("partnerships-service unavailable");
    }

    @Test
    void slowServiceGives504ProblemNamingTheService() {
      try {
        client
            .get()
            .uri(gateway("/api/catalog/slow"))
            .exchange()
            .expectStatus()
            .isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("tag:kitepkana.org,2026:problem:service-timeout")
            .jsonPath("$.title")
            .isEqualTo("catalog-service timed out")
            .jsonPath("$.status")
            .isEqualTo(504)
            .jsonPath("$.detail")
            .isEqualTo(
                "catalog-service did not answer within 750 ms; the request may or may not have"
                    + " been processed.")
            .jsonPath("$.instance")
            .isEqualTo("/api/catalog/slow");
      } finally {
        catalog.releaseSlowResponses();
      }
      assertThat(catalogBreaker().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void unknownPathGives404Problem() {
      client
          .get()
          .uri(gateway("/api/loans/1"))
          .exchange()
          .expectStatus()
          .isNotFound()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.type")
          .isEqualTo("about:blank")
          .jsonPath("$.title")
          .isEqualTo("Not Found")
          .jsonPath("$.status")
          .isEqualTo(404)
          .jsonPath("$.detail")
          .isEqualTo("No route for GET /api/loans/1")
          .jsonPath("$.instance")
          .isEqualTo("/api/loans/1");
    }
  }

  @Nested
  class RequestSizeLimit {

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void tenMegabyteBodyGets413ProblemAndNeverReachesTheService() throws Exception {
      assertTooLarge(toEchoImports("PUT", BodyPublishers.ofByteArray(new byte[10 * 1024 * 1024])));
    }

    @Test
    void chunkedTenMegabyteBodyGets413ProblemAndNeverReachesTheService() throws Exception {
      assertTooLarge(
          toEchoImports(
              "POST",
              BodyPublishers.ofInputStream(
                  () -> new ByteArrayInputStream(new byte[10 * 1024 * 1024]))));
    }

    @Test
    void chunkedBodyWithinTheLimitIsForwardedWhole() throws Exception {
      byte[] twoMegabytes = new byte[2 * 1024 * 1024];
      Arrays.fill(twoMegabytes, (byte) 'n');

      HttpResponse<String> response =
          toEchoImports(
              "POST", BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(twoMegabytes)));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(catalog.lastReceived().body()).isEqualTo(twoMegabytes);
      assertThat(catalog.hits("POST", "/api/catalog/echo/imports")).isEqualTo(1);
    }

    /** A coordinator's octet-stream body (ofInputStream: chunked) to the echo path. */
    private HttpResponse<String> toEchoImports(String method, HttpRequest.BodyPublisher body)
        throws Exception {
      return http.send(
          HttpRequest.newBuilder(gateway("/api/catalog/echo/imports"))
              .timeout(Duration.ofSeconds(20))
              .header("Content-Type", "application/octet-stream")
              .header(HttpHeaders.AUTHORIZATION, COORDINATOR)
              .method(method, body)
              .build(),
          BodyHandlers.ofString());
    }

    private void assertTooLarge(HttpResponse<String> response) throws IOException {
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(response.body())
          .contains("\"title\":\"Request body too large\"")
          .contains("\"status\":413")
          .contains("\"maxBytes\":4194304")
          .contains("\"instance\":\"/api/catalog/echo/imports\"");
      assertThat(catalog.hits("PUT", "/api/catalog/echo/imports")).isZero();
      assertThat(catalog.hits("POST", "/api/catalog/echo/imports")).isZero();
    }
  }

  @Nested
  class Actuator {

    @Test
    void loggingCallsPassNoMetricsFilter(@Autowired MeterRegistry registry) {
      // Boot's logback.events counter is switched off (application.yml): its turbo filter ran on
      // every logging call, switched-off debug lines included. Boot 4 ignores the property that
      // used to do this, so the test looks at Logback itself as well as at the meters.
      LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
      assertThat(logback.getTurboFilterList())
          .noneMatch(filter -> filter.getClass().getName().contains("MetricsTurboFilter"));
      assertThat(registry.find("logback.events").meter()).isNull();
    }

    @Test
    void ourRoutingFilterIsTheOnlyOne(@Autowired ApplicationContext context) {
      // Spring Cloud Gateway's own is switched off by a property named after it; were it renamed,
      // both would route, whichever sorted first.
      assertThat(context.getBeansOfType(NettyRoutingFilter.class)).isEmpty();
      assertThat(context.getBeansOfType(GlobalFilter.class)).containsKey("edgeRoutingFilter");
      assertThat(context.getBeansOfType(NettyWriteResponseFilter.class))
          .containsOnlyKeys("edgeWriteResponseFilter");
    }

    @Test
    void noRequestPassesFiltersForWhatNoRouteUses(@Autowired ApplicationContext context) {
      // forward: URIs, WebSockets, cached bodies, lb:// URIs and Weight predicates: application.yml
      // switches their filters off by properties named after them.
      assertThat(context.getBeansOfType(GlobalFilter.class).values())
          .extracting(filter -> filter.getClass().getSimpleName())
          .doesNotContain(
              "ForwardRoutingFilter",
              "ForwardPathFilter",
              "WebsocketRoutingFilter",
              "AdaptCachedBodyGlobalFilter",
              "RemoveCachedBodyFilter",
              "NoLoadBalancerClientFilter")
          .contains("RouteToRequestUrlFilter", "GatewayMetricsFilter", "RateLimitGlobalFilter");
      assertThat(context.getBeansOfType(WeightCalculatorWebFilter.class)).isEmpty();
    }

    @Test
    void readinessAndLivenessAreUp() {
      client
          .get()
          .uri(gateway("/actuator/health/readiness"))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo("UP");
      client
          .get()
          .uri(gateway("/actuator/health/liveness"))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo("UP");
    }

    @Test
    void gatewayRoutesCanBeReadButNotChanged() {
      client
          .get()
          .uri(gateway("/actuator/gateway/routes"))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$[*].route_id")
          .value(
              Object.class,
              ids -> assertThat(ids.toString()).contains("catalog", "events", "partnerships"));

      client
          .post()
          .uri(gateway("/actuator/gateway/refresh"))
          .exchange()
          .expectStatus()
          .is4xxClientError()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void circuitBreakersEndpointListsOneBreakerPerRoute() {
      client
          .get()
          .uri(gateway("/actuator/circuitbreakers"))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.circuitBreakers.catalog.state")
          .isEqualTo("CLOSED")
          .jsonPath("$.circuitBreakers.events")
          .exists()
          .jsonPath("$.circuitBreakers.partnerships")
          .exists();
    }

    @Test
    void prometheusExposesBreakerStates() {
      client
          .get()
          .uri(gateway("/actuator/prometheus"))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody(String.class)
          .value(
              text ->
                  assertThat(text)
                      .contains("resilience4j_circuitbreaker_state")
                      .contains("name=\"catalog\""));
    }
  }
}
