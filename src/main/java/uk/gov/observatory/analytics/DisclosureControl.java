package uk.gov.observatory.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistical disclosure control for anything published outside the Panel (REPORT-SPEC.md,
 * "Disclosure control"): a count from 1 to the threshold (2) is shown as {@code c}; a percentage of
 * a suppressed count is {@code c}; a percentage that rounds to 0.0 but is not 0 is {@code low}; and
 * in every line of a table that has a visible total (a row with a TOTAL column, or a column with a
 * TOTAL row) a suppressed cell is never alone: the smallest other non-zero cell of the line is
 * suppressed too, until no line changes. Zeros stay 0.
 */
public final class DisclosureControl {

  /** The symbol of a suppressed value (GSS). */
  public static final String SUPPRESSED = "c";

  /** The symbol of a percentage that rounds to 0.0 but is not 0. */
  public static final String LOW = "low";

  public static final int DEFAULT_THRESHOLD = 2;

  private DisclosureControl() {}

  /** The report with every table controlled, at the default threshold. */
  public static Report apply(Report report) {
    return apply(report, DEFAULT_THRESHOLD);
  }

  public static Report apply(Report report, int threshold) {
    Map<String, List<Cell>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Cell>> t : report.tables().entrySet()) {
      out.put(t.getKey(), table(t.getValue(), threshold));
    }
    return new Report(report.request(), out);
  }

  /**
   * Secondary suppression across areas published together: the parts (regions) of a whole (England)
   * add up to it, so in every count cell the whole and its parts form a line with a visible total.
   * Each report must already be controlled ({@link #apply}). Where exactly one of a cell's
   * whole-and-parts is suppressed, the smallest other non-zero part is suppressed too (or, with
   * none, the whole), and each changed table is controlled again within itself, until nothing
   * changes. Returns the whole then the parts, in order.
   */
  public static List<Report> acrossAreas(Report whole, List<Report> parts, int threshold) {
    List<Map<String, List<Cell>>> all = new ArrayList<>();
    all.add(new LinkedHashMap<>(whole.tables()));
    parts.forEach(p -> all.add(new LinkedHashMap<>(p.tables())));
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String table : whole.tables().keySet()) {
        List<Map<String, String>> values = new ArrayList<>();
        for (Map<String, List<Cell>> report : all) {
          Map<String, String> v = new LinkedHashMap<>();
          report.get(table).forEach(c -> v.put(c.rowCode() + "\u0000" + c.columnCode(), c.value()));
          values.add(v);
        }
        boolean tableChanged = false;
        for (Cell c : all.get(0).get(table)) {
          if (!isCount(c.columnCode())) {
            continue;
          }
          String key = c.rowCode() + "\u0000" + c.columnCode();
          int suppressed = 0;
          for (Map<String, String> v : values) {
            suppressed += SUPPRESSED.equals(v.get(key)) ? 1 : 0;
          }
          if (suppressed != 1) {
            continue;
          }
          int smallest = -1;
          long least = Long.MAX_VALUE;
          for (int i = 1; i < values.size(); i++) {
            Long n = number(values.get(i).get(key));
            if (n != null && n > 0 && n < least) {
              least = n;
              smallest = i;
            }
          }
          int target = smallest >= 0 ? smallest : 0;
          if (SUPPRESSED.equals(values.get(target).get(key))) {
            continue; // nothing else to hide: the lone suppressed cell is the whole of zeros
          }
          values.get(target).put(key, SUPPRESSED);
          tableChanged = true;
        }
        if (tableChanged) {
          changed = true;
          for (int i = 0; i < all.size(); i++) {
            Map<String, String> v = values.get(i);
            List<Cell> cells =
                all.get(i).get(table).stream()
                    .map(
                        c ->
                            new Cell(
                                c.tableId(),
                                c.rowCode(),
                                c.columnCode(),
                                v.get(c.rowCode() + "\u0000" + c.columnCode())))
                    .toList();
            all.get(i).put(table, table(cells, threshold));
          }
        }
      }
    }
    List<Report> out = new ArrayList<>();
    out.add(new Report(whole.request(), all.get(0)));
    for (int i = 0; i < parts.size(); i++) {
      out.add(new Report(parts.get(i).request(), all.get(i + 1)));
    }
    return out;
  }

  static boolean isPercent(String column) {
    return column.endsWith("PERCENT");
  }

  static boolean isTotalColumn(String column) {
    return column.equals("TOTAL") || column.equals("TOTAL_COUNT");
  }

  /** The count column a percentage column is of, or null (e.g. a census percentage). */
  static String countOf(String percentColumn, List<String> columns) {
    String base = percentColumn.substring(0, percentColumn.length() - "PERCENT".length());
    if (!base.isEmpty()) {
      return columns.contains(base + "COUNT") ? base + "COUNT" : null;
    }
    for (String c : List.of("COUNT", "LA_COUNT", "TOTAL")) {
      if (columns.contains(c)) {
        return c;
      }
    }
    return null;
  }

  /** Whether a column holds counts of people or records (not percentages or working days). */
  static boolean isCount(String column) {
    return !isPercent(column) && !column.startsWith("OUTSTANDING_");
  }

  static List<Cell> table(List<Cell> cells, int threshold) {
    List<String> rows = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    Map<String, Map<String, String>> grid = new LinkedHashMap<>();
    for (Cell c : cells) {
      if (!rows.contains(c.rowCode())) {
        rows.add(c.rowCode());
      }
      if (!columns.contains(c.columnCode())) {
        columns.add(c.columnCode());
      }
      grid.computeIfAbsent(c.rowCode(), k -> new LinkedHashMap<>()).put(c.columnCode(), c.value());
    }
    // Primary suppression of small counts.
    for (String r : rows) {
      for (String col : columns) {
        if (isCount(col)) {
          Long v = number(grid.get(r).get(col));
          if (v != null && v >= 1 && v <= threshold) {
            grid.get(r).put(col, SUPPRESSED);
          }
        }
      }
    }
    // Secondary suppression, line by line, until stable.
    boolean changed = true;
    while (changed) {
      changed = false;
      String totalColumn =
          columns.stream().filter(DisclosureControl::isTotalColumn).findFirst().orElse(null);
      if (totalColumn != null) {
        for (String r : rows) {
          List<String[]> line = new ArrayList<>();
          for (String col : columns) {
            if (isCount(col) && !col.equals(totalColumn)) {
              line.add(new String[] {r, col});
            }
          }
          changed |= protect(grid, line, new String[] {r, totalColumn});
        }
      }
      if (rows.contains("TOTAL")) {
        for (String col : columns) {
          if (!isCount(col)) {
            continue;
          }
          List<String[]> line = new ArrayList<>();
          for (String r : rows) {
            if (!r.equals("TOTAL")) {
              line.add(new String[] {r, col});
            }
          }
          changed |= protect(grid, line, new String[] {"TOTAL", col});
        }
      }
    }
    // Percentages follow their counts.
    for (String r : rows) {
      for (String col : columns) {
        if (!isPercent(col)) {
          continue;
        }
        String value = grid.get(r).get(col);
        String of = countOf(col, columns);
        String count = of == null ? null : grid.get(r).get(of);
        if (SUPPRESSED.equals(count)) {
          grid.get(r).put(col, SUPPRESSED);
        } else if ("0.0".equals(value) && count != null && !"0".equals(count)) {
          grid.get(r).put(col, LOW);
        }
      }
    }
    List<Cell> out = new ArrayList<>();
    for (Cell c : cells) {
      out.add(
          new Cell(
              c.tableId(), c.rowCode(), c.columnCode(), grid.get(c.rowCode()).get(c.columnCode())));
    }
    return out;
  }

  /**
   * Makes sure a line with a visible total has no lone suppressed cell: suppresses its smallest
   * other non-zero cell, or, when there is none, its total. Returns whether anything changed.
   */
  private static boolean protect(
      Map<String, Map<String, String>> grid, List<String[]> line, String[] total) {
    String totalValue = grid.get(total[0]).get(total[1]);
    if (totalValue == null || SUPPRESSED.equals(totalValue)) {
      return false;
    }
    long suppressed =
        line.stream().filter(p -> SUPPRESSED.equals(grid.get(p[0]).get(p[1]))).count();
    if (suppressed != 1) {
      return false;
    }
    String[] smallest = null;
    long least = Long.MAX_VALUE;
    for (String[] p : line) {
      Long v = number(grid.get(p[0]).get(p[1]));
      if (v != null && v > 0 && v < least) {
        least = v;
        smallest = p;
      }
    }
    if (smallest == null) {
      grid.get(total[0]).put(total[1], SUPPRESSED);
    } else {
      grid.get(smallest[0]).put(smallest[1], SUPPRESSED);
    }
    return true;
  }

  private static Long number(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
