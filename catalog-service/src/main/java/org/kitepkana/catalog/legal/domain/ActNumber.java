package org.kitepkana.catalog.legal.domain;

import java.util.regex.Pattern;
import org.kitepkana.catalog.record.domain.TextFolding;

/**
 * An act's number as its issuing body wrote it: {@code 12}, {@code 45/3}, {@code 7-р}, {@code
 * IV-12}. A leading number sign ({@code №}, {@code No.}) is not part of the number.
 */
public record ActNumber(String value) {

  public static final int MAX_LENGTH = 40;

  private static final Pattern NUMBER_SIGN = Pattern.compile("^(№|N[oº°]?\\.?)\\s*");

  public ActNumber {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("must not be blank");
    }
    value = NUMBER_SIGN.matcher(value.strip()).replaceFirst("").strip();
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "must be 1-" + MAX_LENGTH + " characters after the № sign");
    }
  }

  /**
   * The comparison form: folded like catalogue text (Cyrillic and Latin letters meet), with any run
   * of separators written as one dash, so {@code 45/3}, {@code 45-3} and {@code 45 / 3} are one
   * number and {@code 7-р} equals {@code 7-r}.
   */
  public String key() {
    String folded = TextFolding.fold(value);
    return folded.isEmpty() ? value : folded.replace(' ', '-');
  }
}
