package org.kitepkana.partnership.common.domain;

import java.time.Instant;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * ULIDs: 26 characters of Crockford base32, a 48-bit millisecond timestamp then 80 random bits, so
 * ids sort roughly by creation time. Every id this service assigns is one.
 */
public final class Ulid {

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final Pattern FORMAT = Pattern.compile("^[0-7][0-9A-HJKMNP-TV-Z]{25}$");

  private Ulid() {}

  public static String next(Instant time, Random random) {
    long millis = time.toEpochMilli();
    char[] out = new char[26];
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (millis & 31)];
      millis >>>= 5;
    }
    for (int i = 10; i < 26; i++) {
      out[i] = ALPHABET[random.nextInt(32)];
    }
    return new String(out);
  }

  public static boolean isValid(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }

  /** Throws {@link InvalidValue} on {@code property} unless {@code value} is a ULID. */
  public static String require(String property, String value) {
    if (!isValid(value)) {
      throw new InvalidValue(property, "must be a ULID (26 characters, Crockford base32)");
    }
    return value;
  }
}
