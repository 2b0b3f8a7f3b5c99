package org.kitepkana.events.shared.domain;

import java.time.Instant;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * ULIDs (26 characters, Crockford base32): 48 bits of milliseconds then 80 random bits. Ids of
 * library events, campaigns, registrations, partners and projects all have this form.
 */
public final class Ulid {

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final Pattern FORMAT = Pattern.compile("^[0-9A-HJKMNP-TV-Z]{26}$");

  private Ulid() {}

  public static boolean isValid(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }

  /** Checks the form and returns the value, for compact constructors of typed ids. */
  public static String require(String value) {
    if (!isValid(value)) {
      throw new IllegalArgumentException("must be a ULID (26 characters, Crockford base32)");
    }
    return value;
  }

  public static String next(Instant now, RandomGenerator random) {
    char[] out = new char[26];
    long time = now.toEpochMilli();
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    long high = random.nextLong() & 0xFFFFFFFFFFL; // 40 bits
    long low = random.nextLong() & 0xFFFFFFFFFFL; // 40 bits
    for (int i = 17; i >= 10; i--) {
      out[i] = ALPHABET[(int) (high & 31)];
      high >>>= 5;
    }
    for (int i = 25; i >= 18; i--) {
      out[i] = ALPHABET[(int) (low & 31)];
      low >>>= 5;
    }
    return new String(out);
  }
}
