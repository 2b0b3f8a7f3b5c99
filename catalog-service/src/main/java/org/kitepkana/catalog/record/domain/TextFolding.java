package org.kitepkana.catalog.record.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Folds titles and names to a lossy comparison form, so that one work catalogued by different
 * branches, in Kyrgyz or Russian Cyrillic or in one of several Latin romanisations, folds to the
 * same string.
 *
 * <p>The folded form is for matching only: it is never shown to readers and never stored as the
 * record's title. It deliberately trades precision for recall on names (Айтматов, Aitmatov and
 * Aytmatov must meet), while keeping different words different; a false match is further guarded by
 * the author and year in {@link MatchKey}.
 *
 * <p>Rules, in order:
 *
 * <ol>
 *   <li>Apostrophes and prime marks (' ’ ʼ ʹ ʺ ` ´) are removed without a space, since
 *       romanisations use them for ь and ъ (Gor'kii = Горький); {@code &} becomes "and".
 *   <li>Unicode NFKC, then lower case in {@link Locale#ROOT}.
 *   <li>Cyrillic becomes Latin by one table ({@link Transliteration}): ж zh, х kh, ц ts, ч ch, ш
 *       sh, щ shch, ы y, й i, ё e, э e, ю yu, я ya, ъ and ь dropped; Kyrgyz ң n, ө o, ү u. Latin č
 *       ç š ş ž become ch, sh, zh.
 *   <li>Unicode NFKD, then all combining marks are stripped (é → e, ö → o, ü → u, ï → i).
 *   <li>Everything that is not a letter or a digit becomes a space; spaces collapse to one; the
 *       result is trimmed.
 *   <li>Each word is reduced by {@link PhoneticReduction}: dzh/dj/zh/j → j, kh/h → h, ts → c, x →
 *       ks, y → i, repeated letters collapse, and iotated vowels after consonants lose the i (ia →
 *       a, iu → u).
 * </ol>
 *
 * <p>So Чыңгыз, Чингиз, Chyngyz, Chingiz and Chinghiz all fold to {@code chingiz}; Жамийла,
 * Джамиля, Jamila, Djamilia and Dzhamilya to {@code jamila}.
 */
public final class TextFolding {

  private static final Pattern APOSTROPHES = Pattern.compile("['’‘ʼʹʺ`´]");
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  private TextFolding() {}

  /**
   * Returns the comparison form of {@code text}; an empty string if it has no letters or digits.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public static String fold(String text) {
    Objects.requireNonNull(text, "text to fold is required");
    String s = APOSTROPHES.matcher(text).replaceAll("").replace("&", " and ");
    s = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = Transliteration.toLatin(s);
    s = Normalizer.normalize(s, Normalizer.Form.NFKD);
    s = COMBINING_MARKS.matcher(s).replaceAll("");
    s = NOT_LETTER_OR_DIGIT.matcher(s).replaceAll(" ").strip();
    if (s.isEmpty()) {
      return s;
    }
    return Stream.of(s.split(" ")).map(PhoneticReduction::reduce).collect(Collectors.joining(" "));
  }
}
