package org.kitepkana.catalog.common.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * ULIDs, the form of every id this service assigns (records, MARC import jobs, legal acts): 26
 * characters of Crockford base32, a 48-bit millisecond timestamp then 80 random bits, so ids sort
 * roughly by creation time and need no central counter.
 */
public final class Ulid {

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final Pattern FORMAT = Pattern.compile("^[0-9A-HJKMNP-TV-Z]{26}$");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ulid() {}

  public static boolean isValid(String value) {
    return value != null && FORMAT.matcher(value).matches();
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
