package org.kitepkana.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kitepkana.catalog.marc.MarcApi;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructureTest;
import org.kitepkana.platform.testsupport.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may write what in catalog-service: every write endpoint, for every kind of caller, against
 * branch A and branch B, as one table. "yes" means the request got past the access decision (2xx,
 * or a 4xx for a business reason such as an empty MARC file); "no" means 403 problem+json for a
 * signed-in caller and 401 for the public. Then every write refuses bad tokens with 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructureTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogAuthorizationMatrixIT {

  static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  static final String A = "kochkor-" + SUFFIX;
  static final String B = "at-bashy-" + SUFFIX;

  /** The callers, one column each. */
  enum Caller {
    COORDINATOR(TestTokens.coordinator()),
    LIBRARIAN_OF_A(TestTokens.librarian(A)),
    LIBRARIAN_OF_B(TestTokens.librarian(B)),
    PARTNERSHIP_OFFICER(TestTokens.partnershipOfficer()),
    SUBSCRIBER(TestTokens.subscriber()),
    ANONYMOUS(null);

    final String token;

    Caller(String token) {
      this.token = token;
    }
  }

  /** A write endpoint; {@code target} is the branch in its path (or null). */
  interface Write {
    int call(CatalogApi catalog, MarcApi marc, String target);
  }

  static final AtomicInteger SEQ = new AtomicInteger();

  static final Write REGISTER_BRANCH =
      (catalog, marc, target) ->
          catalog
              .registerBranch(
                  "village-" + SUFFIX + "-" + SEQ.incrementAndGet(),
                  "Айыл китепканасы",
                  "VILLAGE",
                  A)
              .status();

  static final Write REVISE_BRANCH =
      (catalog, marc, target) ->
          catalog
              .put(
                  "/api/catalog/branches/" + target,
                  """
                  {"name": "Кочкор райондук китепканасы", "type": "DISTRICT",
                   "district": "Кочкор", "languages": ["ky"]}
                  """)
              .status();

  static final Write SYNC_BATCH =
      (catalog, marc, target) -> {
        int n = SEQ.incrementAndGet();
        return catalog
            .sync(
                target,
                "matrix-" + n,
                """
                [{"op": "UPSERT", "itemId": "inv-%d", "callNumber": "84(2Ки)", "copies": 1,
                  "description": {"title": "Манас", "authors": ["Каралаев, Саякбай"],
                                  "year": 1995, "language": "ky", "kind": "BOOK"}}]
                """
                    .formatted(n))
            .status();
      };

  /** A batch without items: 400 once allowed, but access is decided before the body is read. */
  static final Write EMPTY_SYNC_BATCH =
      (catalog, marc, target) ->
          catalog.sync(target, "matrix-" + SEQ.incrementAndGet(), "[]").status();

  /** A body that is not JSON: 400 once allowed, but access is decided first. */
  static final Write MALFORMED_SYNC_BATCH =
      (catalog, marc, target) ->
          catalog
              .put(
                  "/api/catalog/branches/"
                      + target
                      + "/sync-batches/matrix-"
                      + SEQ.incrementAndGet(),
                  "{\"items\": [")
              .status();

  /** An empty file: 400 once allowed, so nothing is imported, but access is decided first. */
  static final Write MARC_IMPORT =
      (catalog, marc, target) -> marc.upload(target, new byte[0]).status();

  /** A format no one knows: 400 once allowed, but access is decided before the options are read. */
  static final Write MARC_IMPORT_UNKNOWN_FORMAT =
      (catalog, marc, target) ->
          marc.upload(target, new byte[0], "application/marc", "format=punched-cards").status();

  static final Write REBUILD_SEARCH_INDEX =
      (catalog, marc, target) -> catalog.post("/api/catalog/search/rebuild", "{}").status();

  static final boolean Y = true;
  static final boolean N = false;

  /** The table. Columns in {@link Caller} order. */
  static final Object[][] MATRIX = {
    // write                 target  coord libA  libB  officer subscr anon
    {"register a branch", REGISTER_BRANCH, null, Y, N, N, N, N, N},
    {"revise branch A", REVISE_BRANCH, A, Y, N, N, N, N, N},
    {"sync batch for A", SYNC_BATCH, A, Y, Y, N, N, N, N},
    {"sync batch for B", SYNC_BATCH, B, Y, N, Y, N, N, N},
    {"sync batch for B without items", EMPTY_SYNC_BATCH, B, Y, N, Y, N, N, N},
    {"sync batch for B, not JSON", MALFORMED_SYNC_BATCH, B, Y, N, Y, N, N, N},
    {"MARC import into A", MARC_IMPORT, A, Y, Y, N, N, N, N},
    {"MARC import into B", MARC_IMPORT, B, Y, N, Y, N, N, N},
    {"MARC import into B, unknown format", MARC_IMPORT_UNKNOWN_FORMAT, B, Y, N, Y, N, N, N},
    {"rebuild the search index", REBUILD_SEARCH_INDEX, null, Y, N, N, N, N, N},
  };

  @LocalServerPort int port;

  CatalogApi catalog;
  MarcApi marc;

  @BeforeAll
  void branchesAAndB() {
    catalog = new CatalogApi("http://127.0.0.1:" + port);
    marc = new MarcApi("http://127.0.0.1:" + port);
    assertThat(catalog.registerBranch(A, "Кочкор китепканасы", "DISTRICT", null).status())
        .isEqualTo(201);
    assertThat(catalog.registerBranch(B, "Ат-Башы китепканасы", "DISTRICT", null).status())
        .isEqualTo(201);
  }

  Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (Object[] row : MATRIX) {
      for (Caller caller : Caller.values()) {
        cells.add(Arguments.of(row[0], row[1], row[2], caller, row[3 + caller.ordinal()]));
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0}: {3} allowed={4}")
  @MethodSource("cells")
  void eachCallerIsAllowedOrRefusedAsTheTableSays(
      String name, Write write, String target, Caller caller, boolean allowed) {
    CatalogApi asCatalog = caller.token == null ? catalog.anonymous() : catalog.as(caller.token);
    MarcApi asMarc = caller.token == null ? marc.anonymous() : marc.as(caller.token);

    int status = write.call(asCatalog, asMarc, target);

    if (allowed) {
      assertThat(status).as("past the access decision").isNotIn(401, 403).isLessThan(500);
    } else {
      assertThat(status).isEqualTo(caller == Caller.ANONYMOUS ? 401 : 403);
    }
  }

  Stream<Arguments> badTokens() {
    List<Arguments> cells = new ArrayList<>();
    List<Object[]> tokens =
        List.of(
            new Object[] {"forged", TestTokens.forged()},
            new Object[] {"expired", TestTokens.expired()},
            new Object[] {"from another issuer", TestTokens.otherIssuer()},
            new Object[] {"for another audience", TestTokens.wrongAudience()},
            new Object[] {"librarian without branch", TestTokens.librarianWithoutBranch()});
    for (Object[] row : MATRIX) {
      for (Object[] token : tokens) {
        cells.add(Arguments.of(row[0], row[1], row[2], token[0], token[1]));
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} with a token {3}: 401")
  @MethodSource("badTokens")
  void everyWriteRefusesABadTokenWith401(
      String name, Write write, String target, String what, String token) {
    assertThat(write.call(catalog.as(token), marc.as(token), target)).isEqualTo(401);
  }
}
