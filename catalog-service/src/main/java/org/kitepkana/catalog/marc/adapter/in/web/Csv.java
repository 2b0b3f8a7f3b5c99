package org.kitepkana.catalog.marc.adapter.in.web;

import java.io.IOException;
import java.io.Writer;

/**
 * RFC 4180 lines: fields with commas, quotes or line breaks quoted. A field that a spreadsheet
 * would run as a formula (starting with =, +, @, or - before a non-digit) gets a leading
 * apostrophe, because record data comes from uploaded files.
 */
final class Csv {

  /** Excel reads UTF-8 CSV with Cyrillic correctly only after a byte-order mark. */
  static final String BOM = "\uFEFF";

  private Csv() {}

  static void line(Writer out, Object... fields) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(field(fields[i]));
    }
    out.write("\r\n");
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    if (!s.isEmpty() && isFormula(s)) {
      s = "'" + s;
    }
    if (s.indexOf(',') >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  private static boolean isFormula(String s) {
    char c = s.charAt(0);
    if (c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r') {
      return true;
    }
    return c == '-' && (s.length() == 1 || !Character.isDigit(s.charAt(1)));
  }
}
