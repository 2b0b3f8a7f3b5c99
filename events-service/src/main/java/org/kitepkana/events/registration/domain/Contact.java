package org.kitepkana.events.registration.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach a reader: a phone number or an e-mail address (personal data: it never leaves
 * events-service). {@link #key()} is the normalized form used to find every registration of one
 * reader for erasure.
 */
public record Contact(Kind kind, String value) {

  /** Phone or e-mail. */
  public enum Kind {
    PHONE,
    EMAIL
  }

  private static final Pattern EMAIL =
      Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,}$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{7,25}$");

  public Contact {
    Objects.requireNonNull(kind, "kind");
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("must not be blank");
    }
    value = value.strip();
    if (kind == Kind.EMAIL && !EMAIL.matcher(value).matches()) {
      throw new IllegalArgumentException("must be an e-mail address");
    }
    if (kind == Kind.PHONE) {
      long digits = value.chars().filter(Character::isDigit).count();
      if (!PHONE.matcher(value).matches() || digits < 7 || digits > 15) {
        throw new IllegalArgumentException("must be a phone number of 7 to 15 digits");
      }
    }
  }

  public static Contact phone(String value) {
    return new Contact(Kind.PHONE, value);
  }

  public static Contact email(String value) {
    return new Contact(Kind.EMAIL, value);
  }

  /** The digits of a phone number, or the lower-case e-mail address. */
  public String key() {
    return kind == Kind.PHONE ? value.replaceAll("[^0-9]", "") : value.toLowerCase(Locale.ROOT);
  }

  /** Normalizes text that may be either, the way {@link #key()} does. */
  public static String keyOf(String text) {
    String t = text.strip();
    return t.contains("@") ? t.toLowerCase(Locale.ROOT) : t.replaceAll("[^0-9]", "");
  }

  @Override
  public String toString() {
    return "Contact[" + kind + ", redacted]";
  }
}
