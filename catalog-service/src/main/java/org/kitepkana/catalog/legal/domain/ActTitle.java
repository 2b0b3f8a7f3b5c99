package org.kitepkana.catalog.legal.domain;

/** An act's title in Kyrgyz, in Russian, or in both; at least one is given. */
public record ActTitle(String ky, String ru) {

  public static final int MAX_LENGTH = 1000;

  public ActTitle {
    ky = clean(ky);
    ru = clean(ru);
    if (ky == null && ru == null) {
      throw new IllegalArgumentException("give the title in Kyrgyz (ky), Russian (ru) or both");
    }
  }

  private static String clean(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String stripped = text.strip();
    if (stripped.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
    }
    return stripped;
  }
}
