package org.kitepkana.catalog.common.domain;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * ULIDs, the form of every id this service assigns (records, MARC import jobs, legal acts): 26
 * characters of Crockford base32, a 48-bit millisecond timestamp then 80 random bits, so ids sort
 * roughly by creation time and need no central counter.
 */
public final class Ulid {

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ulid() {}

  /**
   * Whether {@code value} is 26 characters of upper-case Crockford base32. A loop, not a regular
   * expression: ids are checked several times on every record read, where a regex showed in the
   * profile.
   */
  public static boolean isValid(String value) {
    if (value == null || value.length() != 26) {
      return false;
    }
    for (int i = 0; i < 26; i++) {
      if (!isCrockfordDigit(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isCrockfordDigit(char c) {
    return (c >= '0' && c <= '9')
        || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'L' && c != 'O' && c != 'U');
  }

  /** {@code value}, unless it is not a ULID ({@link IllegalArgumentException}). */
  public static String require(String value) {
    if (!isValid(value)) {
      throw new IllegalArgumentException("must be a 26-character ULID");
    }
    return value;
  }

  public static String next(Instant now) {
    char[] out = new char[26];
    long time = now.toEpochMilli();
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    for (int i = 10; i < 26; i++) {
      out[i] = ALPHABET[RANDOM.nextInt(32)];
    }
    return new String(out);
  }
}
