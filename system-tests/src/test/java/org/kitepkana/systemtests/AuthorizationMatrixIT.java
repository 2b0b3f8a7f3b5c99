package org.kitepkana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kitepkana.devstack.DemoData;
import org.kitepkana.devstack.DemoDataLoader;

/**
 * The authorization matrix through the gateway with real tokens from the devstack issuer: every
 * kind of write in the three services, for every kind of caller, as one table (docs/security.md
 * shows the same table). "yes" means the request got past both access decisions (the gateway's and
 * the service's): 2xx, or a 4xx for a business reason. "no" means 403 problem+json for a signed-in
 * caller and 401 for the public. Then forged, expired and other-issuer tokens get 401 on every
 * write.
 */
class AuthorizationMatrixIT {

  /** Two demo branches: the issuer has a librarian client for each. */
  static final String A = "kochkor";

  static final String B = "at-bashy";

  /** The callers, one column each: devstack client ids (null: no token). */
  enum Caller {
    COORDINATOR("coordinator"),
    LIBRARIAN_OF_A("librarian-" + A),
    LIBRARIAN_OF_B("librarian-" + B),
    PARTNERSHIP_OFFICER("partnership-officer"),
    SUBSCRIBER("subscriber"),
    ANONYMOUS(null);

    final String clientId;

    Caller(String clientId) {
      this.clientId = clientId;
    }

    GatewayClient client() {
      return clientId == null ? gateway.anonymous() : gateway.as(clientId);
    }
  }

  /** A write, made by {@code as}; answers the HTTP status. */
  interface Write {
    int call(GatewayClient as);
  }

  static GatewayClient gateway;
  static String eventAtA;
  static String partner;
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static final AtomicInteger SEQ = new AtomicInteger();

  static int next() {
    return SEQ.incrementAndGet();
  }

  static String day(int days, String time) {
    return LocalDate.now(ZoneId.of("Asia/Bishkek")).plusDays(days) + "T" + time + ":00+06:00";
  }

  static String event(String branch, int n) {
    return """
        {"title": {"ky": "Китеп көргөзмөсү"}, "type": "EXHIBITION", "audience": "ADULTS",
         "branchId": "%s", "room": "зал %s-%d", "start": "%s", "end": "%s", "capacity": 30}
        """
        .formatted(branch, RUN, n, day(40, "10:00"), day(40, "12:00"));
  }

  static String date(int days) {
    return LocalDate.now(ZoneId.of("Asia/Bishkek")).plusDays(days).toString();
  }

  static final Write REGISTER_BRANCH =
      as ->
          as.registerBranch("matrix-" + RUN + "-" + next(), "Айыл китепканасы", "VILLAGE", A)
              .status();

  static Write sync(String branch) {
    return as -> {
      int n = next();
      return as.sync(
              branch,
              "matrix-" + RUN + "-" + n,
              "["
                  + GatewayClient.upsert(
                      "matrix-" + RUN + "-" + n, "Манас", "Каралаев", null, 1995, 1)
                  + "]")
          .status();
    };
  }

  static Write createEvent(String branch) {
    return as -> as.post("/api/events", event(branch, next())).status();
  }

  static final Write SCHEDULE_EVENT_AT_A =
      as -> as.post("/api/events/" + eventAtA + "/schedule", "").status();

  static final Write REGISTER_FOR_EVENT_AT_A =
      as ->
          as.post(
                  "/api/events/" + eventAtA + "/registrations",
                  "{\"name\": \"Окурман "
                      + next()
                      + "\", \"email\": \"r"
                      + next()
                      + "@example.kg\"}")
              .status();

  static final Write PLAN_CAMPAIGN =
      as ->
          as.post(
                  "/api/events/campaigns",
                  """
                  {"title": {"ky": "Укуктук сабаттуулук жумалыгы"}, "theme": "legal literacy",
                   "start": "%s", "end": "%s", "invitedBranchIds": ["%s", "%s"]}
                  """
                      .formatted(date(50), date(57), A, B))
              .status();

  static final Write ERASE_PERSONAL_DATA =
      as ->
          as.post(
                  "/api/events/personal-data/erasures",
                  "{\"contact\": \"nobody-" + RUN + "@example.kg\"}")
              .status();

  static final Write RECORD_PARTNER =
      as ->
          as.post(
                  "/api/partnerships/partners",
                  """
                  {"name": "Матрица %s-%d", "type": "NGO", "district": "Кочкор"}
                  """
                      .formatted(RUN, next()))
              .status();

  static Write proposeProjectLedBy(String branch) {
    return as ->
        as.post(
                "/api/partnerships/projects",
                """
                {"title": "Долбоор %s-%d", "start": "2026-03-01", "end": "2026-11-30",
                 "leadLibraryId": "%s", "contentAreas": ["LEISURE"]}
                """
                    .formatted(RUN, next(), branch))
            .status();
  }

  static final boolean Y = true;
  static final boolean N = false;

  /** The table. Columns in {@link Caller} order. */
  static final Object[][] MATRIX = {
    // write                                              coord libA libB officer subscr anon
    {"register a branch", REGISTER_BRANCH, Y, N, N, N, N, N},
    {"sync holdings of A", sync(A), Y, Y, N, N, N, N},
    {"sync holdings of B", sync(B), Y, N, Y, N, N, N},
    {"plan a library event at A", createEvent(A), Y, Y, N, N, N, N},
    {"plan a library event at B", createEvent(B), Y, N, Y, N, N, N},
    {"schedule a library event of A", SCHEDULE_EVENT_AT_A, Y, Y, N, N, N, N},
    {"register for a library event", REGISTER_FOR_EVENT_AT_A, Y, Y, Y, Y, Y, Y},
    {"plan a campaign", PLAN_CAMPAIGN, Y, N, N, N, N, N},
    {"erase a reader's data network-wide", ERASE_PERSONAL_DATA, Y, N, N, N, N, N},
    {"record a partner", RECORD_PARTNER, Y, N, N, Y, N, N},
    {"propose a project led by A", proposeProjectLedBy(A), Y, Y, N, Y, N, N},
  };

  @BeforeAll
  static void demoRegionAndOneEventAtA() {
    gateway = Platform.gateway();
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    new DemoDataLoader(
            URI.create(Platform.stack().gatewayUrl()), quiet, Platform.token("coordinator"))
        .load(DemoData.load());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                gateway.get("/api/events/directory/branches").raw().contains("\"" + B + "\"")
                    && gateway.get("/api/partnerships/libraries/" + A).status() == 200);
    var created =
        gateway.post(
            "/api/events", event(A, next()).replace("\"capacity\": 30", "\"capacity\": 500"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    eventAtA = created.body().get("eventId").asString();
  }

  static Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (Object[] row : MATRIX) {
      for (Caller caller : Caller.values()) {
        cells.add(Arguments.of(row[0], row[1], caller, row[2 + caller.ordinal()]));
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0}: {2} allowed={3}")
  @MethodSource("cells")
  void eachCallerIsAllowedOrRefusedAsTheTableSays(
      String name, Write write, Caller caller, boolean allowed) {
    int status = write.call(caller.client());

    if (allowed) {
      assertThat(status).as("past the access decisions").isNotIn(401, 403).isBetween(200, 499);
    } else {
      assertThat(status).isEqualTo(caller == Caller.ANONYMOUS ? 401 : 403);
    }
  }

  static Stream<Arguments> badTokens() {
    ForeignTokens foreign =
        ForeignTokens.of(Platform.stack().issuerUri(), Platform.stack().dataDir());
    List<Object[]> tokens =
        List.of(
            new Object[] {"forged", foreign.forged()},
            new Object[] {"expired", foreign.expired()},
            new Object[] {"from another issuer", foreign.otherIssuer()});
    List<Arguments> cells = new ArrayList<>();
    for (Object[] row : MATRIX) {
      for (Object[] token : tokens) {
        cells.add(Arguments.of(row[0], row[1], token[0], token[1]));
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} with a token {2}: 401")
  @MethodSource("badTokens")
  void everyWriteRefusesABadTokenWith401(String name, Write write, String what, String token) {
    assertThat(write.call(gateway.withToken(token))).isEqualTo(401);
  }

  @ParameterizedTest(name = "a service reached directly refuses a {0} token too")
  @MethodSource("badTokenNames")
  void aServiceReachedDirectlyRefusesBadTokensToo(String what) {
    ForeignTokens foreign =
        ForeignTokens.of(Platform.stack().issuerUri(), Platform.stack().dataDir());
    String token =
        switch (what) {
          case "forged" -> foreign.forged();
          case "expired" -> foreign.expired();
          default -> foreign.otherIssuer();
        };
    var direct = new GatewayClient(Platform.stack().serviceUrl("catalog")).withToken(token);
    assertThat(direct.get("/api/catalog/branches").status()).isEqualTo(401);
    assertThat(sync(A).call(direct)).isEqualTo(401);
    assertThat(sync(A).call(direct.anonymous())).isEqualTo(401);
    assertThat(sync(B).call(direct.as("librarian-" + A))).isEqualTo(403);
  }

  static Stream<String> badTokenNames() {
    return Stream.of("forged", "expired", "other issuer");
  }
}
