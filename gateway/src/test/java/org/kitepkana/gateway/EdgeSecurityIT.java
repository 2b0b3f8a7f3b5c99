package org.kitepkana.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kitepkana.platform.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The edge's coarse rules, one asserted cell per caller and request: anyone reads and registers for
 * events; other writes need a token whose role writes (401 without, 403 for a subscriber); a bad
 * token is refused with 401 whatever the request. What passes reaches the service with its {@code
 * Authorization} header unchanged; what is refused never reaches it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "kitepkana.gateway.rate-limits.roles.anonymous.requests-per-second=100000",
      "kitepkana.gateway.rate-limits.roles.anonymous.burst=100000",
      "kitepkana.gateway.rate-limits.roles.subscriber.requests-per-second=100000",
      "kitepkana.gateway.rate-limits.roles.subscriber.burst=100000"
    })
@AutoConfigureWebTestClient
class EdgeSecurityIT {

  static final StubBackend backend = StubBackend.start();

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add("kitepkana.services.catalog-uri", backend::uri);
    registry.add("kitepkana.services.events-uri", backend::uri);
    registry.add("kitepkana.services.partnerships-uri", backend::uri);
    TestTokens.properties().forEach((name, value) -> registry.add(name, () -> value));
  }

  @Autowired WebTestClient client;

  @BeforeEach
  void freshBackend() {
    backend.reset();
  }

  @AfterAll
  static void stopBackend() {
    backend.close();
  }

  /** Who calls: a name for the report and the token (null: none). */
  record Caller(String name, String token) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final Caller ANONYMOUS = new Caller("anonymous", null);
  static final Caller SUBSCRIBER = new Caller("subscriber", TestTokens.subscriber());
  static final Caller LIBRARIAN = new Caller("librarian", TestTokens.librarian("kochkor"));
  static final Caller OFFICER = new Caller("officer", TestTokens.partnershipOfficer());
  static final Caller COORDINATOR = new Caller("coordinator", TestTokens.coordinator());

  /** A request at the edge. */
  record Call(HttpMethod method, String path) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static final Call SEARCH = new Call(HttpMethod.GET, "/api/catalog/search?q=manas");
  static final Call CALENDAR = new Call(HttpMethod.GET, "/api/events/calendar.ics");
  static final Call REGISTER =
      new Call(HttpMethod.POST, "/api/events/01J0000000000000000000EVNT/registrations");
  static final Call CANCEL =
      new Call(
          HttpMethod.POST,
          "/api/events/01J0000000000000000000EVNT/registrations/01J00000000000000000000REG/cancel");
  static final Call SYNC =
      new Call(HttpMethod.PUT, "/api/catalog/branches/kochkor/sync-batches/b-1");
  static final Call BRANCH = new Call(HttpMethod.POST, "/api/catalog/branches");
  static final Call EVENT = new Call(HttpMethod.POST, "/api/events");
  static final Call PARTNER = new Call(HttpMethod.POST, "/api/partnerships/partners");

  static final int PASS = 0;

  /**
   * The table: for each request, what each caller gets at the edge. {@code PASS} means forwarded
   * (the service decides); 401 and 403 are the edge's own answers.
   */
  static final Object[][] TABLE = {
    //        call      anonymous  subscriber librarian officer coordinator
    {SEARCH, PASS, PASS, PASS, PASS, PASS},
    {CALENDAR, PASS, PASS, PASS, PASS, PASS},
    {REGISTER, PASS, PASS, PASS, PASS, PASS},
    {CANCEL, PASS, PASS, PASS, PASS, PASS},
    {SYNC, 401, 403, PASS, PASS, PASS},
    {BRANCH, 401, 403, PASS, PASS, PASS},
    {EVENT, 401, 403, PASS, PASS, PASS},
    {PARTNER, 401, 403, PASS, PASS, PASS},
  };

  static final Caller[] COLUMNS = {ANONYMOUS, SUBSCRIBER, LIBRARIAN, OFFICER, COORDINATOR};

  static Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (Object[] row : TABLE) {
      for (int c = 0; c < COLUMNS.length; c++) {
        cells.add(Arguments.of(row[0], COLUMNS[c], row[c + 1]));
      }
    }
    return cells.stream();
  }

  EntityExchangeResult<String> send(Call call, String token) {
    WebTestClient.RequestBodySpec request =
        client.method(call.method()).uri(call.path()).contentType(MediaType.APPLICATION_JSON);
    if (token != null) {
      request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    return (call.method() == HttpMethod.GET ? request : request.bodyValue("{}"))
        .exchange()
        .expectBody(String.class)
        .returnResult();
  }

  @ParameterizedTest(name = "{1} {0} -> {2}")
  @MethodSource("cells")
  void eachCallerGetsWhatTheTableSays(Call call, Caller caller, int expected) {
    EntityExchangeResult<String> answer = send(call, caller.token());
    String path =
        call.path().contains("?")
            ? call.path().substring(0, call.path().indexOf('?'))
            : call.path();
    if (expected == PASS) {
      assertThat(backend.hits(call.method().name(), path)).as("reached the service").isEqualTo(1);
      assertThat(backend.lastReceived().header("Authorization"))
          .isEqualTo(caller.token() == null ? null : "Bearer " + caller.token());
    } else {
      assertThat(answer.getStatus().value()).isEqualTo(expected);
      assertThat(answer.getResponseHeaders().getContentType())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(backend.hits(call.method().name(), path)).as("never forwarded").isZero();
      if (expected == 401) {
        assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
            .startsWith("Bearer");
      }
    }
  }

  static Stream<Arguments> badTokens() {
    return Stream.of(
        Arguments.of("forged", TestTokens.forged()),
        Arguments.of("expired", TestTokens.expired()),
        Arguments.of("other issuer", TestTokens.otherIssuer()),
        Arguments.of("wrong audience", TestTokens.wrongAudience()),
        Arguments.of("librarian without branch", TestTokens.librarianWithoutBranch()),
        Arguments.of("no known role", TestTokens.token("edge-test", List.of("admin"), null)));
  }

  @ParameterizedTest(name = "{0} token -> 401 on a read and a write")
  @MethodSource("badTokens")
  void aBadTokenIsRefusedEvenForAPublicRead(String what, String token) {
    for (Call call : List.of(SEARCH, SYNC)) {
      EntityExchangeResult<String> answer = send(call, token);
      assertThat(answer.getStatus().value()).as(call.toString()).isEqualTo(401);
      assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
          .contains("error=\"invalid_token\"");
      assertThat(answer.getResponseBody()).contains("\"status\":401");
    }
    assertThat(backend.hits("GET", "/api/catalog/search")).isZero();
  }

  @LocalServerPort int port;

  /** Sent as raw bytes: HTTP clients refuse to send a control character in a header. */
  @Test
  void aControlCharacterInAHeaderIsRefusedWith400AndNeverForwarded() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET /api/catalog/search?q=manas HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      + "Authorization: Bearer abc\u0085\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      String answer =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

      assertThat(answer).startsWith("HTTP/1.1 400 ").contains("application/problem+json");
    }
    assertThat(backend.hits("GET", "/api/catalog/search")).isZero();
  }

  @Test
  void healthIsPublicButTheRouteListNeedsACoordinator() {
    client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    client.get().uri("/actuator/gateway/routes").exchange().expectStatus().isUnauthorized();
    client
        .get()
        .uri("/actuator/gateway/routes")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + SUBSCRIBER.token())
        .exchange()
        .expectStatus()
        .isForbidden();
    client
        .get()
        .uri("/actuator/gateway/routes")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + COORDINATOR.token())
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void theEdgeIsStatelessAndNeverStartsASession() {
    client
        .get()
        .uri("/actuator/gateway/routes")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + COORDINATOR.token())
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .doesNotExist(HttpHeaders.SET_COOKIE);
    client
        .get()
        .uri("/actuator/gateway/routes")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .doesNotExist(HttpHeaders.SET_COOKIE);
  }
}
