package org.kitepkana.catalog.curation.adapter.in.web;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.kitepkana.catalog.record.domain.Description;
import org.kitepkana.catalog.record.domain.Isbn;
import org.kitepkana.catalog.record.domain.Kind;
import org.kitepkana.catalog.record.domain.MatchKey;
import org.kitepkana.platform.web.FieldError;

/** Checks an edit of a record and says everything wrong with it, field by field. */
final class EditRecordValidator {

  private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}$");

  /** The description the edit asks for, or why it cannot be one. */
  record Checked(Description description, List<FieldError> errors) {}

  private EditRecordValidator() {}

  static Checked check(CurationRequests.EditRecord r) {
    List<FieldError> errors = new ArrayList<>();
    if (r == null) {
      return new Checked(null, List.of(new FieldError("body", "must be a record description")));
    }
    if (r.title() == null || r.title().isBlank()) {
      errors.add(new FieldError("title", "must not be blank"));
    }
    length(errors, "title", r.title(), 1000);
    length(errors, "publisher", r.publisher(), 300);
    length(errors, "edition", r.edition(), 300);
    Isbn isbn = null;
    if (r.isbn13() != null && !r.isbn13().isBlank()) {
      try {
        isbn = Isbn.parse(r.isbn13());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("isbn13", e.getMessage()));
      }
    }
    if (r.year() != null && (r.year() < 1000 || r.year() > Year.now().getValue() + 1)) {
      errors.add(new FieldError("year", "must be between 1000 and next year"));
    }
    String language = blankToNull(r.language());
    if (language != null) {
      language = language.toLowerCase(Locale.ROOT);
      if (!LANGUAGE.matcher(language).matches()) {
        errors.add(new FieldError("language", "must be an ISO 639 code such as ky or ru"));
      }
    }
    Kind kind = Kind.BOOK;
    if (r.kind() != null) {
      try {
        kind = Kind.valueOf(r.kind().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("kind", "must be one of " + List.of(Kind.values())));
      }
    }
    list(errors, "authors", r.authors(), 50, 300);
    list(errors, "subjects", r.subjects(), 100, 500);
    list(errors, "udc", r.udc(), 50, 100);
    list(errors, "bbk", r.bbk(), 50, 100);
    if (errors.isEmpty()) {
      try {
        MatchKey.of(r.title(), r.authors(), r.year());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("title", e.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      return new Checked(null, errors);
    }
    return new Checked(
        new Description(
            r.title(),
            r.authors(),
            isbn,
            r.year(),
            language,
            blankToNull(r.publisher()),
            kind,
            r.edition(),
            r.subjects(),
            r.udc(),
            r.bbk()),
        List.of());
  }

  private static void list(
      List<FieldError> errors, String field, List<String> values, int max, int maxLength) {
    if (values == null) {
      return;
    }
    if (values.size() > max) {
      errors.add(new FieldError(field, "at most " + max + " entries"));
    }
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v == null || v.isBlank() || v.length() > maxLength) {
        errors.add(new FieldError(field + "[" + i + "]", "must be 1-" + maxLength + " characters"));
      }
    }
  }

  private static void length(List<FieldError> errors, String field, String value, int max) {
    if (value != null && value.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
