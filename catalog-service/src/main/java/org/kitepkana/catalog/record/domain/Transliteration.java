package org.kitepkana.catalog.record.domain;

import java.util.Map;

/**
 * One fixed Cyrillic-to-Latin table for match keys, plus the few Latin letters that Unicode
 * decomposition does not reduce to plain ASCII.
 *
 * <p>The table is close to the usual library romanisation (BGN/PCGN-like: ж = zh, х = kh, ц = ts, ы
 * = y, ю = yu, я = ya) because {@link PhoneticReduction} then treats Latin input and romanised
 * Cyrillic alike. Kyrgyz letters: ң = n, ө = o, ү = u. The soft and hard signs disappear. Letters
 * of neighbouring Cyrillic alphabets (Kazakh, Ukrainian, Tajik) get their nearest Latin letter so
 * that stray imports do not stay Cyrillic. Turkic and Slavic Latin letters with a caron or cedilla
 * become digraphs (č, ç = ch; š, ş = sh; ž = zh) instead of losing the mark and turning into c, s,
 * z.
 *
 * <p>Input must already be lower case and NFC/NFKC composed; characters not in the table pass
 * through unchanged.
 */
final class Transliteration {

  private static final Map<Character, String> TABLE =
      Map.ofEntries(
          Map.entry('а', "a"),
          Map.entry('б', "b"),
          Map.entry('в', "v"),
          Map.entry('г', "g"),
          Map.entry('д', "d"),
          Map.entry('е', "e"),
          Map.entry('ё', "e"),
          Map.entry('ж', "zh"),
          Map.entry('з', "z"),
          Map.entry('и', "i"),
          Map.entry('й', "i"),
          Map.entry('к', "k"),
          Map.entry('л', "l"),
          Map.entry('м', "m"),
          Map.entry('н', "n"),
          Map.entry('ң', "n"),
          Map.entry('о', "o"),
          Map.entry('ө', "o"),
          Map.entry('п', "p"),
          Map.entry('р', "r"),
          Map.entry('с', "s"),
          Map.entry('т', "t"),
          Map.entry('у', "u"),
          Map.entry('ү', "u"),
          Map.entry('ф', "f"),
          Map.entry('х', "kh"),
          Map.entry('ц', "ts"),
          Map.entry('ч', "ch"),
          Map.entry('ш', "sh"),
          Map.entry('щ', "shch"),
          Map.entry('ъ', ""),
          Map.entry('ы', "y"),
          Map.entry('ь', ""),
          Map.entry('э', "e"),
          Map.entry('ю', "yu"),
          Map.entry('я', "ya"),
          // Neighbouring Cyrillic alphabets.
          Map.entry('ә', "a"),
          Map.entry('ғ', "g"),
          Map.entry('қ', "k"),
          Map.entry('ұ', "u"),
          Map.entry('һ', "h"),
          Map.entry('ҳ', "h"),
          Map.entry('ҷ', "j"),
          Map.entry('ӣ', "i"),
          Map.entry('ӯ', "u"),
          Map.entry('і', "i"),
          Map.entry('ї', "i"),
          Map.entry('є', "ye"),
          Map.entry('ґ', "g"),
          Map.entry('ў', "u"),
          // Latin letters whose mark carries a sound, or that have no decomposition.
          Map.entry('č', "ch"),
          Map.entry('ç', "ch"),
          Map.entry('š', "sh"),
          Map.entry('ş', "sh"),
          Map.entry('ž', "zh"),
          Map.entry('ı', "i"),
          Map.entry('ŋ', "n"),
          Map.entry('ß', "ss"),
          Map.entry('ø', "o"),
          Map.entry('ł', "l"),
          Map.entry('đ', "d"),
          Map.entry('æ', "ae"),
          Map.entry('œ', "oe"));

  private Transliteration() {}

  /** Replaces every character found in the table; leaves all others as they are. */
  static String toLatin(String lowerCase) {
    StringBuilder out = new StringBuilder(lowerCase.length() + 8);
    for (int i = 0; i < lowerCase.length(); i++) {
      char c = lowerCase.charAt(i);
      String latin = TABLE.get(c);
      if (latin == null) {
        out.append(c);
      } else {
        out.append(latin);
      }
    }
    return out.toString();
  }
}
