package org.kitepkana.catalog.record.domain;

import java.util.List;
import java.util.Objects;

/**
 * A bibliographic description as a branch sends it, already validated: title required, ISBN (if
 * any) normalized to ISBN-13.
 */
public record Description(
    String title,
    List<String> authors,
    Isbn isbn,
    Integer year,
    String language,
    String publisher,
    Kind kind) {

  public Description {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title must not be blank");
    }
    title = title.strip();
    authors =
        authors == null
            ? List.of()
            : authors.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
    kind = Objects.requireNonNullElse(kind, Kind.BOOK);
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
        kind);
  }
}
