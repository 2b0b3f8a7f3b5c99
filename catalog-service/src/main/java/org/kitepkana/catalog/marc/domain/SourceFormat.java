package org.kitepkana.catalog.marc.domain;

import java.util.Locale;
import java.util.Optional;

/** The container a MARC file comes in. */
public enum SourceFormat {
  /** ISO 2709 ("MARC communications format", .mrc/.iso/.dat): leader, directory, fields. */
  ISO_2709,
  /** MARC 21 XML (MARCXML), the Library of Congress schema. */
  MARCXML;

  /** Reads a request parameter: {@code iso2709}, {@code mrc}, {@code marcxml} or {@code xml}. */
  public static Optional<SourceFormat> parse(String raw) {
    String s = raw.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    return switch (s) {
      case "iso2709", "mrc", "marc", "marc21", "binary" -> Optional.of(ISO_2709);
      case "marcxml", "xml" -> Optional.of(MARCXML);
      default -> Optional.empty();
    };
  }
}
