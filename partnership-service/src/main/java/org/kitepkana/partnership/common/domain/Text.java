package org.kitepkana.partnership.common.domain;

/** Checks on free text shared by the value objects. */
public final class Text {

  private Text() {}

  /** The stripped text; {@link InvalidValue} when blank or longer than {@code max}. */
  public static String required(String property, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidValue(property, "must not be blank");
    }
    return limited(property, value, max);
  }

  /** The stripped text, or null for null or blank; {@link InvalidValue} when too long. */
  public static String optional(String property, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return limited(property, value, max);
  }

  private static String limited(String property, String value, int max) {
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw new InvalidValue(property, "must be at most " + max + " characters");
    }
    return stripped;
  }
}
