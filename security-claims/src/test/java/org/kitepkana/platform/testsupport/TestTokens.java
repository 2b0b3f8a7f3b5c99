package org.kitepkana.platform.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * A token issuer for tests, one per test JVM: an RSA key pair, its public JWK set served on
 * 127.0.0.1 (a free port), and signed tokens for every role of the network. Services under test
 * trust it through {@link #properties()}, which the platform test-jar's {@code
 * EmbeddedInfrastructureTest} applies.
 *
 * <p>Besides the good tokens it mints the bad ones a resource server must refuse: expired, forged
 * (same key id, another key), from another issuer, for another audience, and a librarian's token
 * without a branch.
 */
public final class TestTokens {

  /** The audience every service expects. */
  public static final String AUDIENCE = "kitepkana";

  private static final String KEY_ID = "test-" + UUID.randomUUID().toString().substring(0, 8);

  private static RSAKey key;
  private static RSAKey forger;
  private static HttpServer server;

  private TestTokens() {}

  private static synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      key = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
      forger = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
      byte[] jwks = new JWKSet(key.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      http.setExecutor(
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "test-token-issuer");
                t.setDaemon(true);
                return t;
              }));
      http.createContext(
          "/oauth2/jwks",
          exchange -> {
            try (exchange) {
              exchange.getResponseHeaders().set("Content-Type", "application/json");
              exchange.sendResponseHeaders(200, jwks.length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
              }
            }
          });
      http.start();
      server = http;
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The issuer the services under test trust ({@code iss}). */
  public static String issuer() {
    start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public static String jwkSetUri() {
    return issuer() + "/oauth2/jwks";
  }

  /** The properties that make a service trust this issuer. */
  public static Map<String, String> properties() {
    return Map.of(
        "kitepkana.security.issuer-uri", issuer(), "kitepkana.security.jwk-set-uri", jwkSetUri());
  }

  public static String coordinator() {
    return token("test-coordinator", List.of("coordinator"), null);
  }

  public static String librarian(String branchId) {
    return token("test-librarian-" + branchId, List.of("branch_librarian"), branchId);
  }

  public static String partnershipOfficer() {
    return token("test-partnership-officer", List.of("partnership_officer"), null);
  }

  public static String subscriber() {
    return token("test-subscriber", List.of("subscriber"), null);
  }

  /** A coordinator's token that expired an hour ago. */
  public static String expired() {
    Instant past = Instant.now().minus(Duration.ofHours(2));
    return sign(false, claims("test-coordinator", List.of("coordinator"), null, issuer(), past));
  }

  /** A coordinator's token with the right key id, signed by another key. */
  public static String forged() {
    return sign(
        true, claims("test-coordinator", List.of("coordinator"), null, issuer(), Instant.now()));
  }

  /** A coordinator's token, correctly signed, but naming another issuer. */
  public static String otherIssuer() {
    return sign(
        false,
        claims(
            "test-coordinator",
            List.of("coordinator"),
            null,
            "http://127.0.0.1:1/other-issuer",
            Instant.now()));
  }

  /** A coordinator's token for another audience. */
  public static String wrongAudience() {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(
                claims("test-coordinator", List.of("coordinator"), null, issuer(), Instant.now()))
            .audience("another-api")
            .build();
    return sign(false, claims);
  }

  /** A branch librarian's token that names no branch: never a librarian of everything. */
  public static String librarianWithoutBranch() {
    return token("test-librarian", List.of("branch_librarian"), null);
  }

  /** A good token with these roles (and branch, or null). */
  public static String token(String subject, List<String> roles, String branchId) {
    start();
    return sign(false, claims(subject, roles, branchId, issuer(), Instant.now()));
  }

  /** A good token with arbitrary extra claims, e.g. Keycloak-shaped roles. */
  public static String withClaims(String subject, Map<String, Object> extra) {
    start();
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder(claims(subject, List.of(), null, issuer(), Instant.now()));
    builder.claim("roles", null);
    extra.forEach(builder::claim);
    return sign(false, builder.build());
  }

  private static JWTClaimsSet claims(
      String subject, List<String> roles, String branchId, String issuer, Instant issuedAt) {
    start();
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(subject)
            .audience(AUDIENCE)
            .issueTime(Date.from(issuedAt))
            .notBeforeTime(Date.from(issuedAt))
            .expirationTime(Date.from(issuedAt.plus(Duration.ofMinutes(30))))
            .jwtID(UUID.randomUUID().toString())
            .claim("roles", roles);
    if (branchId != null) {
      builder.claim("branch", branchId);
    }
    return builder.build();
  }

  /** Signs with the issuer's key, or (forged) with another key under the same key id. */
  private static String sign(boolean forged, JWTClaimsSet claims) {
    start();
    RSAKey with = forged ? forger : key;
    try {
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims);
      jwt.sign(new RSASSASigner(with));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
