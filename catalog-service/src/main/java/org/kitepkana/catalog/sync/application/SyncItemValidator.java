package org.kitepkana.catalog.sync.application;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.kitepkana.catalog.record.domain.Description;
import org.kitepkana.catalog.record.domain.Isbn;
import org.kitepkana.catalog.record.domain.Kind;
import org.kitepkana.catalog.sync.domain.SyncItem;
import org.kitepkana.platform.web.FieldError;

/** Checks one batch line and says everything that is wrong with it, field by field. */
final class SyncItemValidator {

  private static final Pattern ITEM_ID = Pattern.compile("^[\\p{L}\\p{N}._/:#-]{1,64}$");
  private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}$");

  /** A line turned into a command, or the reasons it could not be. */
  record Checked(SyncItem item, List<FieldError> errors) {}

  private SyncItemValidator() {}

  static Checked check(int index, SyncItemRequest raw) {
    String at = "items[" + index + "]";
    List<FieldError> errors = new ArrayList<>();
    if (raw == null) {
      return new Checked(null, List.of(new FieldError(at, "must not be null")));
    }
    String itemId = raw.itemId() == null ? null : raw.itemId().strip();
    if (itemId == null || itemId.isEmpty()) {
      errors.add(new FieldError(at + ".itemId", "must not be blank"));
    } else if (!ITEM_ID.matcher(itemId).matches()) {
      errors.add(new FieldError(at + ".itemId", "must be 1-64 letters, digits or . _ / : # -"));
    }
    String op = raw.op() == null ? "UPSERT" : raw.op().toUpperCase(Locale.ROOT);
    if (op.equals("WITHDRAW")) {
      return errors.isEmpty()
          ? new Checked(new SyncItem.Withdraw(index, itemId), List.of())
          : new Checked(null, errors);
    }
    if (!op.equals("UPSERT")) {
      errors.add(new FieldError(at + ".op", "must be UPSERT or WITHDRAW"));
    }
    int copies = raw.copies() == null ? 1 : raw.copies();
    if (copies < 0 || copies > 100_000) {
      errors.add(new FieldError(at + ".copies", "must be between 0 and 100000"));
    }
    check(errors, at + ".callNumber", raw.callNumber(), 100);
    check(errors, at + ".location", raw.location(), 200);
    Description description = description(at + ".description", raw.description(), errors);
    if (!errors.isEmpty()) {
      return new Checked(null, errors);
    }
    return new Checked(
        new SyncItem.Upsert(
            index,
            itemId,
            description,
            blankToNull(raw.callNumber()),
            copies,
            blankToNull(raw.location())),
        List.of());
  }

  private static Description description(
      String at, SyncItemRequest.DescriptionRequest d, List<FieldError> errors) {
    if (d == null) {
      errors.add(new FieldError(at, "must not be null for an UPSERT"));
      return null;
    }
    int before = errors.size();
    if (d.title() == null || d.title().isBlank()) {
      errors.add(new FieldError(at + ".title", "must not be blank"));
    }
    check(errors, at + ".title", d.title(), 1000);
    check(errors, at + ".publisher", d.publisher(), 300);
    Isbn isbn = null;
    if (d.isbn() != null && !d.isbn().isBlank()) {
      try {
        isbn = Isbn.parse(d.isbn());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(at + ".isbn", e.getMessage()));
      }
    }
    if (d.year() != null && (d.year() < 1000 || d.year() > Year.now().getValue() + 1)) {
      errors.add(new FieldError(at + ".year", "must be between 1000 and next year"));
    }
    String language = blankToNull(d.language());
    if (language != null) {
      language = language.toLowerCase(Locale.ROOT);
      if (!LANGUAGE.matcher(language).matches()) {
        errors.add(new FieldError(at + ".language", "must be an ISO 639 code such as ky or ru"));
      }
    }
    Kind kind = Kind.BOOK;
    if (d.kind() != null) {
      try {
        kind = Kind.valueOf(d.kind().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(at + ".kind", "must be one of " + List.of(Kind.values())));
      }
    }
    if (d.authors() != null) {
      if (d.authors().size() > 50) {
        errors.add(new FieldError(at + ".authors", "at most 50 authors"));
      }
      for (int i = 0; i < d.authors().size(); i++) {
        String a = d.authors().get(i);
        if (a == null || a.isBlank() || a.length() > 300) {
          errors.add(new FieldError(at + ".authors[" + i + "]", "must be 1-300 characters"));
        }
      }
    }
    if (errors.size() > before) {
      return null;
    }
    return new Description(
        d.title(), d.authors(), isbn, d.year(), language, blankToNull(d.publisher()), kind);
  }

  private static void check(List<FieldError> errors, String field, String value, int max) {
    if (value != null && value.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
