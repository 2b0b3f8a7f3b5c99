package org.kitepkana.catalog.record.domain;

/**
 * Reduces one lower-case Latin word to a deliberately lossy spelling key, so that the many ways of
 * romanising the same Kyrgyz or Russian name end up identical.
 *
 * <p>Three passes, each simple enough to predict by hand:
 *
 * <ol>
 *   <li>Spelling variants, left to right, longest match first: shch → sh; dzh, dj, zh → j; tch →
 *       ch; gui, gue → gi, ge; kh → h; ts → c; gh → g; ph → f; ou → u; x → ks; y → i; w → v; and yo
 *       after a consonant → e (Fyodor = Фёдор = Fedor, Pyotr = Petr), because Cyrillic print writes
 *       ё as е.
 *   <li>Runs of one letter collapse to one letter (ii → i, ss → s); digits never collapse.
 *   <li>Softening: after a consonant, ia → a and iu → u (Джамиля, Dzhamilya, Djamilia, Dzhamilia
 *       all become jamila; Lyubov, Liubov become lubov); at the start of a word or after a vowel,
 *       ie → e (Yevgeny = Evgeny, Dostoyevsky = Dostoevsky). Runs collapse once more.
 * </ol>
 *
 * <p>Consequences worth knowing: Maria and Mara meet, and so do English year and ear; {@code j}
 * always stands for the ж/дж sound, so German or scholarly {@code j} for й (Dostoevskij, Jurij)
 * does not meet {@code y}/{@code i}; and {@code c} stays a letter of its own (it is also the key
 * for ц), so Latin {@code c} is never turned into k or s. Characters other than a–z (digits, other
 * scripts) pass through untouched.
 */
final class PhoneticReduction {

  private static final String[][] SPELLING_VARIANTS = {
    {"shch", "sh"},
    {"dzh", "j"},
    {"tch", "ch"},
    {"gui", "gi"},
    {"gue", "ge"},
    {"dj", "j"},
    {"zh", "j"},
    {"kh", "h"},
    {"ts", "c"},
    {"gh", "g"},
    {"ph", "f"},
    {"ou", "u"},
    {"x", "ks"},
    {"y", "i"},
    {"w", "v"},
  };

  private PhoneticReduction() {}

  /** Reduces a single word (no spaces) of lower-case text. */
  static String reduce(String word) {
    String key = collapseRuns(replaceSpellingVariants(word));
    return collapseRuns(soften(key));
  }

  private static String replaceSpellingVariants(String word) {
    StringBuilder out = new StringBuilder(word.length() + 4);
    int i = 0;
    while (i < word.length()) {
      String[] rule = ruleAt(word, i);
      if (word.startsWith("yo", i)
          && out.length() > 0
          && isConsonant(out.charAt(out.length() - 1))) {
        out.append('e'); // Fyodor, Pyotr, Aksyonov: ё written yo is е in Cyrillic print.
        i += 2;
      } else if (rule == null) {
        out.append(word.charAt(i));
        i++;
      } else {
        out.append(rule[1]);
        i += rule[0].length();
      }
    }
    return out.toString();
  }

  private static String[] ruleAt(String word, int index) {
    for (String[] rule : SPELLING_VARIANTS) { // ordered longest first
      if (word.startsWith(rule[0], index)) {
        return rule;
      }
    }
    return null;
  }

  private static String collapseRuns(String word) {
    StringBuilder out = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (!Character.isLetter(c) || out.length() == 0 || out.charAt(out.length() - 1) != c) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String soften(String word) {
    StringBuilder out = new StringBuilder(word.length());
    int i = 0;
    while (i < word.length()) {
      char c = word.charAt(i);
      char next = i + 1 < word.length() ? word.charAt(i + 1) : '\0';
      char previous = out.length() == 0 ? '\0' : out.charAt(out.length() - 1);
      if (c == 'i' && isConsonant(previous) && (next == 'a' || next == 'u')) {
        i++; // Джамиля -> jamila, Lyubov -> lubov: drop the i, keep the vowel.
      } else if (c == 'i' && next == 'e' && (previous == '\0' || isVowel(previous))) {
        i++; // Yevgeny, Dostoyevsky: iotated e written ye/ie is plain e in Cyrillic.
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  private static boolean isConsonant(char c) {
    return c >= 'a' && c <= 'z' && !isVowel(c);
  }
}
