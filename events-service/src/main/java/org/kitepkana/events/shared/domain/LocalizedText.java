package org.kitepkana.events.shared.domain;

/**
 * A text in Kyrgyz, Russian and English, each optional, at least one given. Blank values count as
 * absent.
 */
public record LocalizedText(String ky, String ru, String en) {

  public static final int MAX_LENGTH = 300;

  public LocalizedText {
    ky = clean(ky);
    ru = clean(ru);
    en = clean(en);
    if (ky == null && ru == null && en == null) {
      throw new IllegalArgumentException("give at least one of ky, ru, en");
    }
  }

  private static String clean(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("at most " + MAX_LENGTH + " characters per language");
    }
    return stripped;
  }

  /** Kyrgyz if given, else Russian, else English: what a feed shows first. */
  public String preferred() {
    return ky != null ? ky : ru != null ? ru : en;
  }
}
