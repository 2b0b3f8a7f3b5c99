package org.kitepkana.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tokens the issuer would never hand out, made with plain JDK crypto: signed by another key under
 * the issuer's key id (forged), expired, or naming another issuer. The issuer's own key is read
 * from devstack's data dir, where the issuer keeps it.
 */
final class ForeignTokens {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

  private final String issuer;
  private final String keyId;
  private final PrivateKey issuerKey;

  private ForeignTokens(String issuer, String keyId, PrivateKey issuerKey) {
    this.issuer = issuer;
    this.keyId = keyId;
    this.issuerKey = issuerKey;
  }

  /** Reads the issuer's signing key ({@code auth/signing-key.json}) from the data dir. */
  static ForeignTokens of(String issuer, Path dataDir) {
    try {
      JsonNode jwk = JSON.readTree(Files.readString(dataDir.resolve("auth/signing-key.json")));
      RSAPrivateCrtKeySpec spec =
          new RSAPrivateCrtKeySpec(
              big(jwk, "n"),
              big(jwk, "e"),
              big(jwk, "d"),
              big(jwk, "p"),
              big(jwk, "q"),
              big(jwk, "dp"),
              big(jwk, "dq"),
              big(jwk, "qi"));
      PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(spec);
      return new ForeignTokens(issuer, jwk.get("kid").asString(), key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A coordinator's token under the issuer's key id, signed by a key the issuer never had. */
  String forged() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return sign(generator.generateKeyPair().getPrivate(), claims(issuer, Instant.now()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A coordinator's token, properly signed, that expired an hour ago. */
  String expired() {
    return sign(issuerKey, claims(issuer, Instant.now().minusSeconds(7200)));
  }

  /** A coordinator's token, properly signed, naming another issuer. */
  String otherIssuer() {
    return sign(issuerKey, claims("http://127.0.0.1:1/another-issuer", Instant.now()));
  }

  private static ObjectNode claims(String iss, Instant issuedAt) {
    ObjectNode claims = JSON.createObjectNode();
    claims.put("iss", iss);
    claims.put("sub", "coordinator");
    claims.putArray("aud").add("kitepkana");
    claims.put("iat", issuedAt.getEpochSecond());
    claims.put("nbf", issuedAt.getEpochSecond());
    claims.put("exp", issuedAt.plusSeconds(3600).getEpochSecond());
    var roles = claims.putArray("roles");
    List.of("coordinator").forEach(roles::add);
    return claims;
  }

  private String sign(PrivateKey key, ObjectNode claims) {
    try {
      ObjectNode header = JSON.createObjectNode();
      header.put("alg", "RS256");
      header.put("kid", keyId);
      String signingInput =
          URL.encodeToString(JSON.writeValueAsBytes(header))
              + "."
              + URL.encodeToString(JSON.writeValueAsBytes(claims));
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key);
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + URL.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BigInteger big(JsonNode jwk, String field) {
    return new BigInteger(1, URL_DECODER.decode(jwk.get(field).asString()));
  }
}
