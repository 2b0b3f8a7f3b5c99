package org.kitepkana.catalog.record.domain;

import java.util.List;
import java.util.Objects;

/**
 * A bibliographic description as a branch sends it, already validated: title required, ISBN (if
 * any) normalized to ISBN-13.
 *
 * <p>The fields after {@code kind} come mostly from MARC imports and are optional: {@code edition}
 * (MARC 250), {@code subjects} (650, subdivisions joined by " -- "), {@code udc} (080, Universal
 * Decimal Classification) and {@code bbk} (084, the Library-Bibliographic Classification used in
 * Russian and Kyrgyz libraries). Empty lists, never null.
 */
public record Description(
    String title,
    List<String> authors,
    Isbn isbn,
    Integer year,
    String language,
    String publisher,
    Kind kind,
    String edition,
    List<String> subjects,
    List<String> udc,
    List<String> bbk) {

  public Description {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title must not be blank");
    }
    title = title.strip();
    authors = cleaned(authors);
    kind = Objects.requireNonNullElse(kind, Kind.BOOK);
    edition = edition == null || edition.isBlank() ? null : edition.strip();
    subjects = cleaned(subjects);
    udc = cleaned(udc);
    bbk = cleaned(bbk);
  }

  /** A description without the optional bibliographic extras (edition, subjects, UDC, BBK). */
  public Description(
      String title,
      List<String> authors,
      Isbn isbn,
      Integer year,
      String language,
      String publisher,
      Kind kind) {
    this(title, authors, isbn, year, language, publisher, kind, null, null, null, null);
  }

  private static List<String> cleaned(List<String> values) {
    return values == null
        ? List.of()
        : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  public MatchKey matchKey() {
    return MatchKey.of(title, authors, year);
  }

  /**
   * This description with its missing fields taken from {@code other}: a later branch can complete
   * a record, never overwrite what another branch stated.
   */
  public Description completedBy(Description other) {
    return new Description(
        title,
        authors.isEmpty() ? other.authors() : authors,
        isbn == null ? other.isbn() : isbn,
        year == null ? other.year() : year,
        language == null ? other.language() : language,
        publisher == null ? other.publisher() : publisher,
        kind,
        edition == null ? other.edition() : edition,
        subjects.isEmpty() ? other.subjects() : subjects,
        udc.isEmpty() ? other.udc() : udc,
        bbk.isEmpty() ? other.bbk() : bbk);
  }
}
