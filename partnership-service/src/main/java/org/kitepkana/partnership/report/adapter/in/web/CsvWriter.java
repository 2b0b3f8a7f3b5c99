package org.kitepkana.partnership.report.adapter.in.web;

import java.math.BigDecimal;
import java.util.Map;
import org.kitepkana.partnership.report.domain.ReportTable;

/**
 * A report table as CSV for spreadsheets (RFC 4180): a header row, one row per table row, and a
 * last row labelled {@code TOTAL}. Comma-separated, quoted where needed, CRLF line ends, UTF-8 with
 * a byte-order mark so that spreadsheet programs read Kyrgyz and Russian text right.
 */
final class CsvWriter {

  static final String BOM = "\uFEFF";

  private CsvWriter() {}

  static String write(ReportTable table) {
    StringBuilder out = new StringBuilder(BOM);
    line(out, table.columns().toArray());
    for (Map<String, Object> row : table.rows()) {
      line(out, row.values().toArray());
    }
    Object[] totals = table.totals().values().toArray();
    if (totals.length > 0) {
      totals[0] = "TOTAL";
      line(out, totals);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, Object[] cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells[i]));
    }
    out.append("\r\n");
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text =
        value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
