package org.kitepkana.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class ProblemJsonErrorHandlerTest {

  final JsonMapper json = JsonMapper.builder().build();
  final ProblemJsonErrorHandler handler = new ProblemJsonErrorHandler(json);

  @Test
  void serviceUnavailableIsA503ProblemNamingTheServiceWithRetryAfter() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.get("/api/events/calendar?day=1"));

    handler
        .handle(
            exchange,
            GatewayProblems.serviceUnavailable(
                "events-service",
                "events-service could not be reached.",
                Duration.ofMillis(9500),
                new ConnectException("refused")))
        .block();

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(exchange.getResponse().getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("10");
    assertThat(body(exchange))
        .containsEntry("type", "tag:kitepkana.org,2026:problem:service-unavailable")
        .containsEntry("title", "events-service unavailable")
        .containsEntry("status", 503)
        .containsEntry("detail", "events-service could not be reached.")
        .containsEntry("instance", "/api/events/calendar")
        .containsEntry("service", "events-service");
  }

  @Test
  void frameworkStatusErrorsBecomeProblemsWithTheirStatus() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.method(
                org.springframework.http.HttpMethod.DELETE, "/actuator/gateway/routes/x"));

    handler.handle(exchange, new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED)).block();

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    assertThat(body(exchange))
        .containsEntry("type", "about:blank")
        .containsEntry("title", "Method Not Allowed")
        .containsEntry("status", 405)
        .containsEntry("instance", "/actuator/gateway/routes/x");
  }

  @Test
  void unexpectedErrorsAre500ProblemsThatRevealNothingInternal() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.get("/api/catalog/records"));

    handler.handle(exchange, new IllegalStateException("pool 7 exhausted at 10.0.3.4")).block();

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(body(exchange))
        .containsEntry("type", "about:blank")
        .containsEntry("title", "Internal Server Error")
        .containsEntry("status", 500)
        .containsEntry("detail", "The gateway failed to handle the request.")
        .containsEntry("instance", "/api/catalog/records");
    assertThat(exchange.getResponse().getBodyAsString().block()).doesNotContain("10.0.3.4");
  }

  @Test
  void aResponseAlreadyUnderwayIsLeftAlone() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.get("/api/catalog/records"));
    exchange.getResponse().setStatusCode(HttpStatus.OK);
    exchange.getResponse().setComplete().block();

    assertThatThrownBy(
            () -> handler.handle(exchange, new IllegalStateException("late failure")).block())
        .hasMessage("late failure");
    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private Map<String, Object> body(MockServerWebExchange exchange) {
    return json.readValue(
        exchange.getResponse().getBodyAsString().block(), new TypeReference<>() {});
  }
}
