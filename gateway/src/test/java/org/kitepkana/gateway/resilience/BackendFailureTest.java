package org.kitepkana.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kitepkana.gateway.resilience.BackendFailure.Kind;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

class BackendFailureTest {

  @Test
  void refusedConnectionIsAFailureThatDeliveredNothing() {
    assertThat(BackendFailure.of(new ConnectException("Connection refused")))
        .map(BackendFailure::kind)
        .hasValue(Kind.CONNECT_FAILED);
  }

  @Test
  void unknownHostIsAFailureThatDeliveredNothing() {
    assertThat(BackendFailure.of(new UnknownHostException("catalog")))
        .map(BackendFailure::kind)
        .hasValue(Kind.CONNECT_FAILED);
  }

  @Test
  void connectionBrokenMidwayIsAFailureThatMayHaveDelivered() {
    assertThat(BackendFailure.of(new IOException("Connection reset by peer")))
        .map(BackendFailure::kind)
        .hasValue(Kind.CONNECTION_LOST);
  }

  @Test
  void wrappedCausesAreFound() {
    assertThat(BackendFailure.of(new IllegalStateException(new ConnectException("refused"))))
        .map(BackendFailure::kind)
        .hasValue(Kind.CONNECT_FAILED);
  }

  @Test
  void timeoutsAreFailures() {
    assertThat(BackendFailure.of(new TimeoutException("slow")))
        .map(BackendFailure::kind)
        .hasValue(Kind.TIMEOUT);
    assertThat(BackendFailure.of(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT)))
        .map(BackendFailure::kind)
        .hasValue(Kind.TIMEOUT);
  }

  @Test
  void errorsThatAreNotTheBackendsFaultAreNotFailures() {
    assertThat(BackendFailure.of(new IllegalStateException("gateway bug"))).isEmpty();
    assertThat(BackendFailure.of(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE)))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 204, 304, 400, 404, 409, 412, 422, 429})
  void answersBelow500AreNotFailures(int status) {
    assertThat(BackendFailure.ofStatus(HttpStatusCode.valueOf(status))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504, 599})
  void answersFrom500AreFailures(int status) {
    assertThat(BackendFailure.ofStatus(HttpStatusCode.valueOf(status)))
        .map(BackendFailure::kind)
        .hasValue(Kind.SERVER_ERROR);
  }
}
