package org.kitepkana.catalog.record.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fallback identity of a work when an item arrives without a usable ISBN, or with one no record
 * has yet: folded title, first author's folded surname and year of publication, joined by {@code
 * '|'}. An item with an ISBN joins the key's record only if that record has no ISBN or the same one
 * (see {@code RecordMatching}): two ISBNs are two editions, or two volumes, of the work.
 *
 * <p>Many books in the network's branches, especially older Soviet-era and local Kyrgyz
 * publications, have no ISBN, and branches catalogue them in Kyrgyz, Russian or a Latin
 * romanisation. Two items with the same key and no conflicting ISBNs are taken to be the same
 * edition and attached to one union record. The key is built from parts that branches reliably
 * agree on and is deliberately predictable:
 *
 * <ul>
 *   <li><b>Title</b>: only the title proper, i.e. the text before the first {@code :}, {@code ;},
 *       {@code " / "} or {@code " = "} (ISBD separators for subtitle, statement of responsibility
 *       and parallel title), because branches differ most in what they copy after it. A leading
 *       English article (the, a, an, in Latin letters) is dropped. Then {@link TextFolding#fold}.
 *   <li><b>Surname</b> of the first non-blank author: the part before the first comma in "Surname,
 *       Given" form, otherwise the last word of "Given Surname" form, ignoring initials (Ch., Т.);
 *       a Kyrgyz patronymic surname keeps its uulu/kyzy ("Бакыт Мамыт уулу" → mamit ulu). Folded.
 *       Empty when there is no author. "Surname Given" without a comma cannot be told apart from
 *       "Given Surname" and is read as the latter.
 *   <li><b>Year</b>: the four digits, or empty when unknown.
 * </ul>
 *
 * @param value {@code title|surname|year}, with a non-empty title
 */
public record MatchKey(String value) {

  private static final Pattern KEY = Pattern.compile("[^|\\s][^|]*\\|[^|]*\\|(?:\\d{1,4})?");
  private static final Pattern TITLE_PROPER_END = Pattern.compile("[:;]|\\s/\\s|\\s=\\s");
  private static final Pattern ENGLISH_ARTICLE =
      Pattern.compile("^[\\p{P}\\s]*(?:the|an|a)\\s+(?=\\S)", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME_PARTS = Pattern.compile("\\s+|(?<=\\.)");

  /**
   * Keys built lately, by what they were built from (title, first author, year): folding is the
   * costly part, and an import builds each record's key on its reading thread (to reject a record
   * without a usable title) and needs it again twice on its applying thread, a few thousand records
   * later. A pure function's memo: bounded, oldest out first.
   */
  private static final int RECENT_KEYS = 16_384;

  private static final Map<String, MatchKey> RECENT =
      Collections.synchronizedMap(
          new LinkedHashMap<>(RECENT_KEYS * 4 / 3 + 1) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MatchKey> eldest) {
              return size() > RECENT_KEYS;
            }
          });

  /** Checks the shape; {@link #of} is the way to build a key from catalogue data. */
  public MatchKey {
    Objects.requireNonNull(value, "match key value is required");
    if (!KEY.matcher(value).matches()) {
      throw new IllegalArgumentException("match key must be 'title|surname|year': '" + value + "'");
    }
  }

  /**
   * Builds the key of a work.
   *
   * @param title the title as catalogued; required
   * @param authors authors in catalogue order; null or empty when unknown
   * @param year year of publication, or null when unknown
   * @throws IllegalArgumentException if the title has no letters or digits, or the year is not
   *     between 1 and 9999
   */
  public static MatchKey of(String title, List<String> authors, Integer year) {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title is required for a match key");
    }
    if (year != null && (year < 1 || year > 9999)) {
      throw new IllegalArgumentException("year must be between 1 and 9999, got " + year);
    }
    Optional<String> author = firstAuthor(authors);
    String inputs = title + '\u0000' + author.orElse("") + '\u0000' + year;
    MatchKey known = RECENT.get(inputs);
    if (known != null) {
      return known;
    }
    String foldedTitle = foldTitle(title);
    if (foldedTitle.isEmpty()) {
      throw new IllegalArgumentException("title has no letters or digits: '" + title + "'");
    }
    String surname = author.map(MatchKey::surname).orElse("");
    MatchKey key = new MatchKey(foldedTitle + "|" + surname + "|" + (year == null ? "" : year));
    RECENT.put(inputs, key);
    return key;
  }

  private static String foldTitle(String title) {
    String proper = TITLE_PROPER_END.split(title, 2)[0];
    if (proper.isBlank()) {
      proper = title; // e.g. a title that starts with ':'; better the whole text than nothing.
    }
    return TextFolding.fold(ENGLISH_ARTICLE.matcher(proper).replaceFirst(""));
  }

  private static Optional<String> firstAuthor(List<String> authors) {
    if (authors == null) {
      return Optional.empty();
    }
    return authors.stream().filter(a -> a != null && !a.isBlank()).findFirst();
  }

  private static String surname(String author) {
    int comma = author.indexOf(',');
    if (comma > 0 && !author.substring(0, comma).isBlank()) {
      return TextFolding.fold(author.substring(0, comma));
    }
    List<String> words = new ArrayList<>();
    for (String part : NAME_PARTS.split(author.replace(",", " ").strip())) {
      if (!part.isBlank() && !isInitial(part)) {
        words.add(part);
      }
    }
    if (words.isEmpty()) {
      return TextFolding.fold(author); // nothing but initials: keep them rather than nothing
    }
    String last = TextFolding.fold(words.get(words.size() - 1));
    if (words.size() > 1 && (last.equals("ulu") || last.equals("kizi"))) {
      return TextFolding.fold(words.get(words.size() - 2)) + " " + last;
    }
    return last;
  }

  /** "Ч.", "Ch.", "Dzh.", or a lone letter. */
  private static boolean isInitial(String part) {
    long letters = part.codePoints().filter(Character::isLetter).count();
    return letters == 1 || (part.endsWith(".") && letters <= 3);
  }
}
