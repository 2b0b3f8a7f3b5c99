package org.kitepkana.partnership.report.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A report as a table, the way partnership officers keep them in spreadsheets: named columns, one
 * row per year (or type, partner, library), and a totals row. Cells are text, whole numbers or sums
 * of money in som.
 */
public final class ReportTable {

  private final String name;
  private final int from;
  private final int to;
  private final List<String> columns;
  private final List<Map<String, Object>> rows = new ArrayList<>();
  private final Map<String, Object> totals = new LinkedHashMap<>();

  public ReportTable(String name, int from, int to, List<String> columns) {
    this.name = Objects.requireNonNull(name);
    this.from = from;
    this.to = to;
    this.columns = List.copyOf(columns);
  }

  /** Adds a row; the cells in column order. */
  public ReportTable row(Object... cells) {
    rows.add(cells(cells));
    return this;
  }

  /** Sets the totals row; the cells in column order. */
  public ReportTable totals(Object... cells) {
    totals.clear();
    totals.putAll(cells(cells));
    return this;
  }

  private Map<String, Object> cells(Object[] cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException(
          name + ": " + cells.length + " cells for " + columns.size() + " columns");
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < cells.length; i++) {
      row.put(columns.get(i), cells[i]);
    }
    return row;
  }

  public String name() {
    return name;
  }

  public int from() {
    return from;
  }

  public int to() {
    return to;
  }

  public List<String> columns() {
    return columns;
  }

  public List<Map<String, Object>> rows() {
    return Collections.unmodifiableList(rows);
  }

  public Map<String, Object> totals() {
    return Collections.unmodifiableMap(totals);
  }
}
