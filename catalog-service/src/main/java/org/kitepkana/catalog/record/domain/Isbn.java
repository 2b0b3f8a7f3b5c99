package org.kitepkana.catalog.record.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.ISBNValidator;
import org.apache.commons.validator.routines.checkdigit.EAN13CheckDigit;
import org.apache.commons.validator.routines.checkdigit.ISBN10CheckDigit;

/**
 * An ISBN in its one canonical form: the thirteen digits of the ISBN-13, without hyphens.
 *
 * <p>Branches key in ISBNs as they are printed: with or without hyphens, as the older ten-digit
 * ISBN-10 (possibly ending in {@code X}), with an {@code ISBN} label in front. The union catalogue
 * must treat all of these as one number, otherwise the same edition is catalogued twice. So every
 * ISBN is normalised to ISBN-13 on the way in and compared only in that form; a value that is not a
 * real ISBN (wrong length, wrong checksum, not 978/979) never becomes an {@code Isbn} at all.
 *
 * @param value the 13 digits, starting with 978 or 979, with a valid EAN-13 check digit
 */
public record Isbn(String value) {

  private static final Pattern THIRTEEN_DIGITS = Pattern.compile("\\d{13}");
  private static final Pattern LABEL =
      Pattern.compile("^isbn(?:[-\\s]?1[03])?\\s*:?\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Pd}]+");
  private static final Pattern ISBN10_SHAPE = Pattern.compile("\\d{9}[\\dX]");
  private static final ISBNValidator VALIDATOR = ISBNValidator.getInstance(false);

  /** Checks the canonical form; {@link #parse} is the way in for anything typed by a person. */
  public Isbn {
    Objects.requireNonNull(value, "ISBN value is required");
    if (!THIRTEEN_DIGITS.matcher(value).matches()) {
      throw new IllegalArgumentException("ISBN-13 must be exactly 13 digits: '" + value + "'");
    }
    if (!value.startsWith("978") && !value.startsWith("979")) {
      throw new IllegalArgumentException("ISBN-13 must start with 978 or 979: '" + value + "'");
    }
    if (!EAN13CheckDigit.EAN13_CHECK_DIGIT.isValid(value)) {
      throw new IllegalArgumentException("ISBN checksum is wrong: '" + value + "'");
    }
  }

  /**
   * Reads an ISBN as a person or a MARC record writes it: ISBN-10 or ISBN-13, with hyphens or
   * spaces, optionally labelled {@code ISBN}, {@code ISBN-10:} or {@code ISBN-13:}.
   *
   * @throws IllegalArgumentException saying why the text is not an ISBN
   */
  public static Isbn parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("ISBN is missing");
    }
    String unlabelled = LABEL.matcher(raw.strip()).replaceFirst("");
    String compact = SEPARATORS.matcher(unlabelled).replaceAll("").toUpperCase(Locale.ROOT);
    if (!compact.chars().allMatch(c -> (c >= '0' && c <= '9') || c == 'X')) {
      throw new IllegalArgumentException(
          "ISBN may contain only digits, hyphens and spaces (and X as the last ISBN-10 digit): '"
              + raw
              + "'");
    }
    if (compact.length() == 13) {
      return new Isbn(compact);
    }
    if (compact.length() == 10) {
      return fromIsbn10(compact, raw);
    }
    throw new IllegalArgumentException(
        "ISBN must have 10 or 13 digits, got " + compact.length() + ": '" + raw + "'");
  }

  /** Like {@link #parse} but for data where a bad or missing ISBN is normal, not an error. */
  public static Optional<Isbn> tryParse(String raw) {
    try {
      return Optional.of(parse(raw));
    } catch (IllegalArgumentException notAnIsbn) {
      return Optional.empty();
    }
  }

  private static Isbn fromIsbn10(String isbn10, String raw) {
    if (!ISBN10_SHAPE.matcher(isbn10).matches()) {
      throw new IllegalArgumentException(
          "ISBN-10 may have X only as its last digit: '" + raw + "'");
    }
    // convertToISBN13 does not verify the ISBN-10 check digit itself, so check it first.
    if (!ISBN10CheckDigit.ISBN10_CHECK_DIGIT.isValid(isbn10)) {
      throw new IllegalArgumentException("ISBN checksum is wrong: '" + raw + "'");
    }
    return new Isbn(VALIDATOR.convertToISBN13(isbn10));
  }
}
