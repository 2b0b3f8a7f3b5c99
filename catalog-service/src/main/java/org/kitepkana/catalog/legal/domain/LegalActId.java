package org.kitepkana.catalog.legal.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A legal act's id in the databank: a ULID (26 characters, Crockford base32). Not the act's number:
 * a number is unique only per issuing body and year, and a number entered wrongly can be corrected,
 * while the id never changes.
 */
public record LegalActId(String value) {

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final Pattern FORMAT = Pattern.compile("^[0-9A-HJKMNP-TV-Z]{26}$");
  private static final SecureRandom RANDOM = new SecureRandom();

  public LegalActId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("must be a 26-character ULID");
    }
  }

  public static boolean isValid(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }

  public static LegalActId newId(Instant now) {
    char[] out = new char[26];
    long time = now.toEpochMilli();
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    for (int i = 10; i < 26; i++) {
      out[i] = ALPHABET[RANDOM.nextInt(32)];
    }
    return new LegalActId(new String(out));
  }

  @Override
  public String toString() {
    return value;
  }
}
