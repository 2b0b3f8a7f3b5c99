package org.kitepkana.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The devstack issuer on a free port: demo clients get tokens the resource servers can read. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class AuthServerIT {

  static final int PORT = freePort();
  static final String ISSUER = "http://127.0.0.1:" + PORT;
  static final String SECRET = "it-demo-secret";

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void issuer(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("kitepkana.auth.issuer", () -> ISSUER);
    registry.add("kitepkana.auth.client-secret", () -> SECRET);
    registry.add("kitepkana.auth.librarian-branches", () -> "kochkor,at-bashy");
    registry.add("kitepkana.auth.key-file", () -> dataDir.resolve("auth/signing-key.json"));
  }

  static final JsonMapper JSON = JsonMapper.builder().build();
  final HttpClient http = HttpClient.newHttpClient();

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpResponse<String> token(String clientId, String secret) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JWTClaimsSet verifiedClaims(String clientId) throws Exception {
    HttpResponse<String> response = token(clientId, SECRET);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
    SignedJWT jwt = SignedJWT.parse(body.get("access_token").asString());
    String jwks =
        http.send(
                HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/jwks")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    RSAKey key = (RSAKey) JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    return jwt.getJWTClaimsSet();
  }

  @Test
  void aCoordinatorTokenCarriesIssuerAudienceRolesAndLifetime() throws Exception {
    JWTClaimsSet claims = verifiedClaims("coordinator");
    assertThat(claims.getIssuer()).isEqualTo(ISSUER);
    assertThat(claims.getSubject()).isEqualTo("coordinator");
    assertThat(claims.getAudience()).containsExactly("kitepkana");
    assertThat(claims.getStringListClaim("roles")).containsExactly("coordinator");
    assertThat(claims.getClaim("branch")).isNull();
    assertThat(claims.getExpirationTime()).isAfter(new Date());
  }

  @Test
  void eachDemoBranchHasALibrarianClientBoundToIt() throws Exception {
    JWTClaimsSet kochkor = verifiedClaims("librarian-kochkor");
    assertThat(kochkor.getStringListClaim("roles")).containsExactly("branch_librarian");
    assertThat(kochkor.getStringClaim("branch")).isEqualTo("kochkor");
    assertThat(verifiedClaims("librarian-at-bashy").getStringClaim("branch")).isEqualTo("at-bashy");
    assertThat(verifiedClaims("partnership-officer").getStringListClaim("roles"))
        .containsExactly("partnership_officer");
    assertThat(verifiedClaims("subscriber").getStringListClaim("roles"))
        .containsExactly("subscriber");
  }

  @Test
  void aWrongSecretOrAnUnknownClientGetsNoToken() throws Exception {
    assertThat(token("coordinator", "not-the-secret").statusCode()).isEqualTo(401);
    assertThat(token("librarian-nowhere", SECRET).statusCode()).isEqualTo(401);
  }

  @Test
  void theSigningKeyIsKeptInTheDataDirAndReusedAfterARestart() throws Exception {
    Path file = dataDir.resolve("auth/signing-key.json");
    assertThat(file).isRegularFile();
    String keyId =
        SignedJWT.parse(
                JSON.readTree(token("subscriber", SECRET).body()).get("access_token").asString())
            .getHeader()
            .getKeyID();
    assertThat(SigningKey.loadOrCreate(file).getKeyID()).isEqualTo(keyId);
    assertThat(Files.readString(file)).contains("\"d\"");
  }

  @Test
  void discoveryAndHealthAreOpenAndNothingElseIs() throws Exception {
    HttpResponse<String> discovery =
        http.send(
            HttpRequest.newBuilder(URI.create(ISSUER + "/.well-known/openid-configuration"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(discovery.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(discovery.body()).get("jwks_uri").asString())
        .isEqualTo(ISSUER + "/oauth2/jwks");
    assertThat(
            http.send(
                    HttpRequest.newBuilder(URI.create(ISSUER + "/actuator/health/readiness"))
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(200);
    assertThat(
            http.send(
                    HttpRequest.newBuilder(URI.create(ISSUER + "/anything")).GET().build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isIn(401, 403);
  }
}
