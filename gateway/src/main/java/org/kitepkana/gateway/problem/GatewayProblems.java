package org.kitepkana.gateway.problem;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/**
 * The problems the gateway reports on its own behalf (RFC 9457). Each is an {@link
 * ErrorResponseException}, which {@link ProblemJsonErrorHandler} writes as {@code
 * application/problem+json}.
 */
public final class GatewayProblems {

  /** A backend could not be reached, or its circuit breaker is open. */
  public static final URI SERVICE_UNAVAILABLE =
      URI.create("tag:kitepkana.org,2026:problem:service-unavailable");

  /** A backend did not answer within the route's response timeout. */
  public static final URI SERVICE_TIMEOUT =
      URI.create("tag:kitepkana.org,2026:problem:service-timeout");

  /** The client sent more requests than its rate limit allows. */
  public static final URI RATE_LIMITED = URI.create("tag:kitepkana.org,2026:problem:rate-limited");

  private GatewayProblems() {}

  /**
   * 429 with {@code Retry-After} (whole seconds, rounded up) and {@code X-RateLimit-Remaining: 0};
   * nothing was forwarded.
   *
   * @param role the rate-limit role whose limit applied, e.g. {@code anonymous}
   */
  public static ErrorResponseException tooManyRequests(
      String role, double requestsPerSecond, int burst, Duration retryAfter) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.TOO_MANY_REQUESTS,
            "Too many requests: the limit for "
                + role
                + " clients is "
                + formatRate(requestsPerSecond)
                + " requests per second (bursts of "
                + burst
                + "); the request was not forwarded. Retry after "
                + wholeSeconds(retryAfter)
                + " s.");
    body.setType(RATE_LIMITED);
    body.setTitle("Too many requests");
    body.setProperty("role", role);
    ErrorResponseException problem =
        new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, body, null);
    problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wholeSeconds(retryAfter)));
    problem.getHeaders().set("X-RateLimit-Remaining", "0");
    return problem;
  }

  private static String formatRate(double rate) {
    return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
  }

  /**
   * 503 naming the service, with {@code Retry-After}.
   *
   * @param service the service's name as clients know it, e.g. {@code catalog-service}
   * @param detail what happened, honestly: whether the request reached the service
   */
  public static ErrorResponseException serviceUnavailable(
      String service, String detail, Duration retryAfter, Throwable cause) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
    body.setType(SERVICE_UNAVAILABLE);
    body.setTitle(service + " unavailable");
    body.setProperty("service", service);
    ErrorResponseException problem =
        new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, body, cause);
    problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wholeSeconds(retryAfter)));
    return problem;
  }

  /** 504 naming the service; the request may or may not have been processed. */
  public static ErrorResponseException serviceTimedOut(
      String service, Duration timeout, Throwable cause) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.GATEWAY_TIMEOUT,
            service
                + " did not answer within "
                + describe(timeout)
                + "; the request may or may not have been processed.");
    body.setType(SERVICE_TIMEOUT);
    body.setTitle(service + " timed out");
    body.setProperty("service", service);
    return new ErrorResponseException(HttpStatus.GATEWAY_TIMEOUT, body, cause);
  }

  /** 413: the body is larger than the gateway accepts; nothing was forwarded. */
  public static ErrorResponseException contentTooLarge(DataSize limit) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONTENT_TOO_LARGE,
            "The request body is larger than the gateway accepts ("
                + limit.toBytes()
                + " bytes); it was not forwarded.");
    body.setTitle("Request body too large");
    body.setProperty("maxBytes", limit.toBytes());
    return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, body, null);
  }

  static long wholeSeconds(Duration duration) {
    long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }

  private static String describe(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }
}
