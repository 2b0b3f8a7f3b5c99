package org.kitepkana.platform.ids;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * ULIDs, the form of every id the services assign (records, legal acts, import jobs, library
 * events, registrations, partners, projects): 26 characters of Crockford base32, a 48-bit
 * millisecond timestamp then 80 random bits, so ids sort roughly by creation time and need no
 * central counter. {@link #isValid} accepts what the event schemas in {@code contracts} accept,
 * {@code ^[0-9A-HJKMNP-TV-Z]{26}$}.
 */
public final class Ulid {

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final RandomGenerator RANDOM = new SecureRandom();

  private Ulid() {}

  /**
   * Whether {@code value} is 26 characters of upper-case Crockford base32. A loop, not a regular
   * expression: ids are checked several times on every read, where a regex showed in the profile.
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
    return require(value, IllegalArgumentException::new);
  }

  /**
   * {@code value}, unless it is not a ULID: then throws what {@code refusal} makes of the reason (a
   * service's own invalid-value exception, say).
   */
  public static String require(String value, Function<String, ? extends RuntimeException> refusal) {
    if (!isValid(value)) {
      throw refusal.apply("must be a ULID (26 characters, Crockford base32)");
    }
    return value;
  }

  /** A new ULID for {@code now}, its 80 random bits from a {@link SecureRandom}. */
  public static String next(Instant now) {
    return next(now, RANDOM);
  }

  /** A new ULID for {@code now}, its 80 random bits from {@code random}. */
  public static String next(Instant now, RandomGenerator random) {
    char[] out = new char[26];
    long time = now.toEpochMilli();
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    long high = random.nextLong() & 0xFF_FFFF_FFFFL; // 40 bits
    long low = random.nextLong() & 0xFF_FFFF_FFFFL; // 40 bits
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
