package org.kitepkana.catalog.marc.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The character encoding of an ISO 2709 file's data. {@link #AUTO} follows each record's leader/09
 * ({@code a} = UTF-8) and, where the leader says nothing (blank), tells MARC-8 from CP1251 by the
 * bytes themselves: CIS library systems (IRBIS, older ABCD installs) export CP1251 with a blank
 * leader/09, which MARC 21 reserves for MARC-8.
 */
public enum SourceEncoding {
  AUTO,
  UTF_8,
  MARC_8,
  CP1251;

  /** Reads a request parameter: {@code auto}, {@code utf-8}, {@code marc-8}, {@code cp1251}... */
  public static Optional<SourceEncoding> parse(String raw) {
    String s = raw.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    return switch (s) {
      case "auto", "" -> Optional.of(AUTO);
      case "utf8", "unicode" -> Optional.of(UTF_8);
      case "marc8", "ansel" -> Optional.of(MARC_8);
      case "cp1251", "windows1251", "win1251" -> Optional.of(CP1251);
      default -> Optional.empty();
    };
  }
}
