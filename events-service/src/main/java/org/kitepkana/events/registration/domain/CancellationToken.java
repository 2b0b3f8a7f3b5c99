package org.kitepkana.events.registration.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * The secret a reader gets when registering, to cancel (or erase) the registration later without an
 * account. Only its SHA-256 hash is stored.
 */
public record CancellationToken(String value) {

  public CancellationToken {
    if (value == null || value.length() < 16 || value.length() > 100) {
      throw new IllegalArgumentException("not a cancellation token");
    }
  }

  public static CancellationToken generate(RandomGenerator random) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return new CancellationToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  public String hash() {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean matches(String storedHash) {
    return storedHash != null
        && MessageDigest.isEqual(
            storedHash.getBytes(StandardCharsets.US_ASCII),
            hash().getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "CancellationToken[redacted]";
  }
}
