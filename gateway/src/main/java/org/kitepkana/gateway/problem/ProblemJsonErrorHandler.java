package org.kitepkana.gateway.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kitepkana.gateway.tracing.TraceIdResponseHeaderFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every error the gateway itself produces as {@code application/problem+json} (RFC 9457:
 * {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}): no route (404),
 * body too large (413), backend unavailable (503), backend timeout (504) and anything unexpected
 * (500). Runs before Boot's default handler. Backend responses never come here: the gateway passes
 * them through as they are.
 */
@Component
@Order(-2)
public class ProblemJsonErrorHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemJsonErrorHandler.class);

  private static final String ABOUT_BLANK = "about:blank";

  /** Written if a problem cannot be rendered: still problem+json, never a bare error page. */
  private static final byte[] UNRENDERABLE =
      ("{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,"
              + "\"detail\":\"The gateway failed to handle the request.\"}")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private final JsonMapper json;

  public ProblemJsonErrorHandler(JsonMapper json) {
    this.json = json;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      // The backend's status and headers are already on the wire: nothing honest can be added.
      return Mono.error(error);
    }
    ServerHttpRequest request = exchange.getRequest();
    Throwable failure = error;
    ProblemDetail problem;
    byte[] bytes;
    try {
      problem = toProblem(error, request);
      bytes = json.writeValueAsBytes(asJson(problem));
    } catch (RuntimeException renderingFailure) {
      renderingFailure.addSuppressed(error);
      problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
      bytes = UNRENDERABLE;
      failure = renderingFailure;
    }
    HttpHeaders extraHeaders =
        failure instanceof ErrorResponse errorResponse
            ? errorResponse.getHeaders()
            : HttpHeaders.EMPTY;
    logProblem(problem, exchange, failure);

    removeBackendHeaders(exchange);
    response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
    HttpHeaders headers = response.getHeaders();
    headers.remove(HttpHeaders.CONTENT_LENGTH);
    headers.remove(HttpHeaders.TRANSFER_ENCODING);
    headers.addAll(extraHeaders);
    headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    DataBuffer buffer = response.bufferFactory().wrap(bytes);
    return response.writeWith(Mono.just(buffer));
  }

  static ProblemDetail toProblem(Throwable error, ServerHttpRequest request) {
    ProblemDetail problem;
    if (error instanceof ErrorResponse errorResponse) {
      ProblemDetail body = errorResponse.getBody();
      problem = ProblemDetail.forStatus(body.getStatus());
      problem.setType(body.getType());
      problem.setTitle(body.getTitle());
      problem.setDetail(body.getDetail());
      if (body.getProperties() != null) {
        problem.setProperties(new LinkedHashMap<>(body.getProperties()));
      }
      if (problem.getStatus() == HttpStatus.NOT_FOUND.value()) {
        problem.setDetail("No route for " + request.getMethod() + " " + request.getPath().value());
      }
    } else {
      problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
      problem.setDetail("The gateway failed to handle the request.");
    }
    if (problem.getTitle() == null) {
      HttpStatus status = HttpStatus.resolve(problem.getStatus());
      problem.setTitle(status != null ? status.getReasonPhrase() : "Error");
    }
    if (problem.getDetail() == null) {
      problem.setDetail(problem.getTitle());
    }
    problem.setInstance(URI.create(request.getPath().value()));
    return problem;
  }

  private static Map<String, Object> asJson(ProblemDetail problem) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType() != null ? problem.getType().toString() : ABOUT_BLANK);
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    body.put("instance", problem.getInstance().toString());
    if (problem.getProperties() != null) {
      problem.getProperties().forEach(body::putIfAbsent);
    }
    return body;
  }

  /** Headers copied from a backend response before the failure must not leak into the problem. */
  private static void removeBackendHeaders(ServerWebExchange exchange) {
    Set<String> copied = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_HEADER_NAMES);
    if (copied != null) {
      copied.forEach(exchange.getResponse().getHeaders()::remove);
    }
  }

  /**
   * Logs the failure with the exchange's trace id, put in the MDC here: Reactor does not carry
   * thread-local trace context into this handler (automatic context propagation is off, for its
   * cost on every operator of every request; see application.yml).
   */
  private static void logProblem(
      ProblemDetail problem, ServerWebExchange exchange, Throwable error) {
    try (MDC.MDCCloseable trace =
        MDC.putCloseable(
            "traceId", Objects.toString(TraceIdResponseHeaderFilter.traceId(exchange), ""))) {
      logProblem(problem, exchange.getRequest(), error);
    }
  }

  private static void logProblem(
      ProblemDetail problem, ServerHttpRequest request, Throwable error) {
    if (problem.getStatus() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
      log.error("{} {} failed", request.getMethod(), request.getPath(), error);
    } else if (problem.getStatus() >= 500) {
      log.warn(
          "{} {} -> {} {}: {}",
          request.getMethod(),
          request.getPath(),
          problem.getStatus(),
          problem.getTitle(),
          error.getCause() != null ? error.getCause().toString() : error.toString());
    } else {
      log.debug(
          "{} {} -> {} {}", request.getMethod(), request.getPath(), problem.getStatus(), error);
    }
  }
}
