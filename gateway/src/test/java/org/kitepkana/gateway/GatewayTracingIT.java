package org.kitepkana.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kitepkana.gateway.tracing.TraceIdResponseHeaderFilter;
import org.kitepkana.platform.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * W3C trace context at the edge: a client's {@code traceparent} is continued into the service (same
 * trace, the gateway's span as parent), a request without one gets a trace of its own, and every
 * response names its trace in {@code X-Trace-Id}, the gateway's own error answers included.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "kitepkana.gateway.rate-limits.roles.anonymous.requests-per-second=100000",
      "kitepkana.gateway.rate-limits.roles.anonymous.burst=100000"
    })
@AutoConfigureWebTestClient
class GatewayTracingIT {

  static final StubBackend catalog = StubBackend.start();
  static final int refusingPort = StubBackend.unusedPort();

  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add("kitepkana.services.catalog-uri", catalog::uri);
    registry.add("kitepkana.services.events-uri", () -> "http://127.0.0.1:" + refusingPort);
    registry.add("kitepkana.services.partnerships-uri", () -> "http://127.0.0.1:" + refusingPort);
    TestTokens.properties().forEach((name, value) -> registry.add(name, () -> value));
  }

  @LocalServerPort int port;
  @Autowired WebTestClient client;

  @BeforeEach
  void asCoordinator() {
    client =
        client
            .mutate()
            .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.coordinator())
            .build();
    catalog.reset();
  }

  @AfterAll
  static void stopBackend() {
    catalog.close();
  }

  @Test
  void continuesTheClientsTraceIntoTheServiceAndNamesItInTheResponse() {
    client
        .get()
        .uri(gateway("/api/catalog/echo/records/42"))
        .header("traceparent", TRACEPARENT)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(TraceIdResponseHeaderFilter.HEADER, TRACE_ID);

    String forwarded = catalog.lastReceived().header("traceparent");
    assertThat(forwarded).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
    assertThat(forwarded).as("the gateway's span is the parent").isNotEqualTo(TRACEPARENT);
  }

  @Test
  void startsATraceForARequestWithoutOneAndPassesItOn() {
    EntityExchangeResult<byte[]> answer =
        client
            .get()
            .uri(gateway("/api/catalog/echo/records/7"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult();

    String traceId = answer.getResponseHeaders().getFirst(TraceIdResponseHeaderFilter.HEADER);
    assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID);
    assertThat(catalog.lastReceived().header("traceparent"))
        .matches("00-" + traceId + "-[0-9a-f]{16}-01");
  }

  @Test
  void namesTheTraceOnTheGatewaysOwnErrorAnswers() {
    client
        .get()
        .uri(gateway("/api/events/calendar"))
        .header("traceparent", TRACEPARENT)
        .exchange()
        .expectStatus()
        .is5xxServerError()
        .expectHeader()
        .valueEquals(TraceIdResponseHeaderFilter.HEADER, TRACE_ID);
  }

  URI gateway(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }
}
