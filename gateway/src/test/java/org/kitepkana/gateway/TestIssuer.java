package org.kitepkana.gateway;

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
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A token issuer for the gateway's tests (the gateway cannot use the platform's test kit, which
 * brings the servlet stack): one RSA key per JVM, its JWK set on 127.0.0.1, and tokens for each
 * role plus the bad ones the edge must refuse.
 */
final class TestIssuer {

  private static final String KEY_ID =
      "gateway-test-" + UUID.randomUUID().toString().substring(0, 8);

  private static RSAKey key;
  private static RSAKey forger;
  private static HttpServer server;

  private TestIssuer() {}

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

  static String issuer() {
    start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Makes the gateway under test trust this issuer. */
  static void trust(DynamicPropertyRegistry registry) {
    registry.add("kitepkana.security.issuer-uri", TestIssuer::issuer);
    registry.add("kitepkana.security.jwk-set-uri", () -> issuer() + "/oauth2/jwks");
  }

  static String coordinator() {
    return token(List.of("coordinator"), null);
  }

  static String librarian(String branch) {
    return token(List.of("branch_librarian"), branch);
  }

  static String partnershipOfficer() {
    return token(List.of("partnership_officer"), null);
  }

  static String subscriber() {
    return token(List.of("subscriber"), null);
  }

  static String token(List<String> roles, String branch) {
    return sign(false, claims(roles, branch, issuer(), "kitepkana", Instant.now()));
  }

  static String expired() {
    return sign(
        false,
        claims(
            List.of("coordinator"),
            null,
            issuer(),
            "kitepkana",
            Instant.now().minus(Duration.ofHours(2))));
  }

  static String forged() {
    return sign(true, claims(List.of("coordinator"), null, issuer(), "kitepkana", Instant.now()));
  }

  static String otherIssuer() {
    return sign(
        false,
        claims(
            List.of("coordinator"), null, "http://127.0.0.1:1/other", "kitepkana", Instant.now()));
  }

  static String wrongAudience() {
    return sign(
        false, claims(List.of("coordinator"), null, issuer(), "another-api", Instant.now()));
  }

  private static JWTClaimsSet claims(
      List<String> roles, String branch, String issuer, String audience, Instant issuedAt) {
    start();
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject("gateway-test-" + String.join("-", roles))
            .audience(audience)
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(issuedAt.plus(Duration.ofMinutes(30))))
            .claim("roles", roles);
    if (branch != null) {
      builder.claim("branch", branch);
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
