package org.kitepkana.events.registration.domain;

/** The name a reader registers with (personal data: it never leaves events-service). */
public record ReaderName(String value) {

  public static final int MAX_LENGTH = 200;

  public ReaderName {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("must not be blank");
    }
    value = value.strip().replaceAll("\\s+", " ");
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("at most " + MAX_LENGTH + " characters");
    }
  }

  @Override
  public String toString() {
    return "ReaderName[redacted]";
  }
}
