package org.kitepkana.gateway.resilience;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/**
 * A failure of a backend service, as a circuit breaker records it. Only these count against a
 * breaker: the connection failed, the backend timed out, or it answered with a 5xx. A backend's 4xx
 * is a correct answer, and a client's own problems (body too large, client gone) are no fault of
 * the backend. Configured as the breakers' {@code record-exceptions}.
 */
public final class BackendFailure extends RuntimeException {

  /** What went wrong between the gateway and the backend. */
  public enum Kind {
    /** No connection could be made: the request was not delivered. */
    CONNECT_FAILED,
    /** The connection broke before a response arrived: the request may have been processed. */
    CONNECTION_LOST,
    /** No response within the route's response timeout. */
    TIMEOUT,
    /** The backend answered with a 5xx, which is passed to the client unchanged. */
    SERVER_ERROR
  }

  private final Kind kind;

  private BackendFailure(Kind kind, String message, Throwable cause) {
    super(message, cause, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** A backend response with this status, if it counts as a failure (any 5xx). */
  public static Optional<BackendFailure> ofStatus(HttpStatusCode status) {
    if (status == null || !status.is5xxServerError()) {
      return Optional.empty();
    }
    return Optional.of(
        new BackendFailure(Kind.SERVER_ERROR, "backend answered " + status.value(), null));
  }

  /**
   * Classifies an error from forwarding a request. Empty when the error is not the backend's fault
   * (such errors must not count against its breaker).
   */
  public static Optional<BackendFailure> of(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (isTimeout(t)) {
        return Optional.of(new BackendFailure(Kind.TIMEOUT, t.toString(), error));
      }
      if (t instanceof ConnectException || t instanceof UnknownHostException) {
        return Optional.of(new BackendFailure(Kind.CONNECT_FAILED, t.toString(), error));
      }
      if (t instanceof IOException) {
        return Optional.of(new BackendFailure(Kind.CONNECTION_LOST, t.toString(), error));
      }
    }
    return Optional.empty();
  }

  private static boolean isTimeout(Throwable t) {
    return t instanceof java.util.concurrent.TimeoutException
        || t instanceof org.springframework.cloud.gateway.support.TimeoutException
        || t instanceof io.netty.handler.timeout.TimeoutException
        || (t instanceof ResponseStatusException rse
            && rse.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value());
  }
}
