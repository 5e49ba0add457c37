package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Disclosure control for published output (REPORT-SPEC "Disclosure control"). No database. */
class DisclosureControlTest {

  static Report report(List<Cell> cells) {
    Map<String, List<Cell>> tables = new LinkedHashMap<>();
    tables.put(cells.get(0).tableId(), cells);
    return new Report(new ReportRequest(null, null, null, null, null), tables);
  }

  static List<String> values(Report r) {
    return r.cells().stream()
        .map(c -> c.rowCode() + "." + c.columnCode() + "=" + c.value())
        .toList();
  }

  @Test
  @DisplayName(
      "small counts are c, their percentages c, and a lone c in a line takes the smallest other with it")
  void byHand() {
    // Rows A, B, C and TOTAL; columns X, Y, TOTAL and PERCENT (of TOTAL, over the TOTAL row's 30).
    List<Cell> cells = new ArrayList<>();
    String[][] t = {
      {"A", "2", "10", "12", "40.0"},
      {"B", "5", "6", "11", "36.7"},
      {"C", "0", "7", "7", "23.3"},
      {"TOTAL", "7", "23", "30", "100.0"}
    };
    for (String[] row : t) {
      cells.add(new Cell("T", row[0], "X", row[1]));
      cells.add(new Cell("T", row[0], "Y", row[2]));
      cells.add(new Cell("T", row[0], "TOTAL", row[3]));
      cells.add(new Cell("T", row[0], "PERCENT", row[4]));
    }
    // A.X = 2 is suppressed. Row A: its only other non-zero cell, A.Y (10), goes too. Column X:
    // the smallest other non-zero, B.X (5). Then row B has one suppressed: B.Y (6) goes. Column Y
    // now has A.Y and B.Y suppressed: fine. Nothing else changes; the totals stay.
    assertThat(values(DisclosureControl.apply(report(cells))))
        .containsExactly(
            "A.X=c",
            "A.Y=c",
            "A.TOTAL=12",
            "A.PERCENT=40.0",
            "B.X=c",
            "B.Y=c",
            "B.TOTAL=11",
            "B.PERCENT=36.7",
            "C.X=0",
            "C.Y=7",
            "C.TOTAL=7",
            "C.PERCENT=23.3",
            "TOTAL.X=7",
            "TOTAL.Y=23",
            "TOTAL.TOTAL=30",
            "TOTAL.PERCENT=100.0");
  }

  @Test
  @DisplayName("a percentage of a small count is c; one that rounds to 0.0 but is not 0 is low")
  void percentages() {
    List<Cell> cells =
        List.of(
            new Cell("P", "A", "COUNT", "1"),
            new Cell("P", "A", "PERCENT", "0.1"),
            new Cell("P", "B", "COUNT", "3"),
            new Cell("P", "B", "PERCENT", "0.0"),
            new Cell("P", "C", "COUNT", "0"),
            new Cell("P", "C", "PERCENT", "0.0"));
    assertThat(values(DisclosureControl.apply(report(cells))))
        .containsExactly(
            "A.COUNT=c", "A.PERCENT=c", "B.COUNT=3", "B.PERCENT=low", "C.COUNT=0", "C.PERCENT=0.0");
  }

  @Test
  @DisplayName(
      "over 2,000 random tables no published count is 1 or 2 and no suppressed cell can be recovered from its line's total")
  void property() {
    Random random = new Random(20261127L);
    for (int n = 0; n < 2000; n++) {
      int rows = 1 + random.nextInt(6);
      int cols = 1 + random.nextInt(5);
      long[][] v = new long[rows][cols];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          int k = random.nextInt(10);
          v[r][c] = k < 3 ? 0 : k < 6 ? 1 + random.nextInt(2) : random.nextInt(40);
        }
      }
      List<Cell> cells = new ArrayList<>();
      long grand = 0;
      for (int r = 0; r < rows; r++) {
        long rowTotal = 0;
        for (int c = 0; c < cols; c++) {
          cells.add(new Cell("R", "R" + r, "C" + c, Long.toString(v[r][c])));
          rowTotal += v[r][c];
        }
        cells.add(new Cell("R", "R" + r, "TOTAL", Long.toString(rowTotal)));
        grand += rowTotal;
      }
      for (int c = 0; c < cols; c++) {
        long colTotal = 0;
        for (int r = 0; r < rows; r++) {
          colTotal += v[r][c];
        }
        cells.add(new Cell("R", "TOTAL", "C" + c, Long.toString(colTotal)));
      }
      cells.add(new Cell("R", "TOTAL", "TOTAL", Long.toString(grand)));
      Map<String, String> out = new LinkedHashMap<>();
      for (Cell c : DisclosureControl.apply(report(cells)).cells()) {
        out.put(c.rowCode() + "." + c.columnCode(), c.value());
      }
      final int table = n;
      out.forEach(
          (k, value) -> assertThat(value).as("table %d cell %s", table, k).isNotIn("1", "2"));
      // Every row line and column line with a visible total has no lone suppressed cell.
      for (int r = 0; r <= rows; r++) {
        String row = r == rows ? "TOTAL" : "R" + r;
        if (!"c".equals(out.get(row + ".TOTAL"))) {
          long suppressed = 0;
          for (int c = 0; c < cols; c++) {
            if ("c".equals(out.get(row + ".C" + c))) {
              suppressed++;
            }
          }
          assertThat(suppressed).as("table %d row %s: %s", table, row, out).isNotEqualTo(1);
        }
      }
      for (int c = 0; c <= cols; c++) {
        String col = c == cols ? "TOTAL" : "C" + c;
        if (!"c".equals(out.get("TOTAL." + col))) {
          long suppressed = 0;
          for (int r = 0; r < rows; r++) {
            if ("c".equals(out.get("R" + r + "." + col))) {
              suppressed++;
            }
          }
          assertThat(suppressed).as("table %d column %s: %s", table, col, out).isNotEqualTo(1);
        }
      }
    }
  }

  /** A random table of rows x cols counts, with its TOTAL column and TOTAL row. */
  static long[][] randomCounts(Random random, int rows, int cols) {
    long[][] v = new long[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int k = random.nextInt(10);
        v[r][c] = k < 3 ? 0 : k < 6 ? 1 + random.nextInt(2) : random.nextInt(40);
      }
    }
    return v;
  }

  static List<Cell> withTotals(long[][] v) {
    List<Cell> cells = new ArrayList<>();
    long grand = 0;
    for (int r = 0; r < v.length; r++) {
      long rowTotal = 0;
      for (int c = 0; c < v[r].length; c++) {
        cells.add(new Cell("R", "R" + r, "C" + c, Long.toString(v[r][c])));
        rowTotal += v[r][c];
      }
      cells.add(new Cell("R", "R" + r, "TOTAL", Long.toString(rowTotal)));
      grand += rowTotal;
    }
    for (int c = 0; c < v[0].length; c++) {
      long colTotal = 0;
      for (long[] row : v) {
        colTotal += row[c];
      }
      cells.add(new Cell("R", "TOTAL", "C" + c, Long.toString(colTotal)));
    }
    cells.add(new Cell("R", "TOTAL", "TOTAL", Long.toString(grand)));
    return cells;
  }

  @Test
  @DisplayName(
      "England and its regions published together: over 1,000 random sets no region's c is"
          + " England less the others, and each table still has no lone c")
  void acrossAreasProperty() {
    Random random = new Random(20261128L);
    for (int n = 0; n < 1000; n++) {
      int rows = 1 + random.nextInt(4);
      int cols = 1 + random.nextInt(4);
      int regions = 2 + random.nextInt(5);
      long[][] whole = new long[rows][cols];
      List<Report> parts = new ArrayList<>();
      for (int g = 0; g < regions; g++) {
        long[][] v = randomCounts(random, rows, cols);
        for (int r = 0; r < rows; r++) {
          for (int c = 0; c < cols; c++) {
            whole[r][c] += v[r][c];
          }
        }
        parts.add(DisclosureControl.apply(report(withTotals(v))));
      }
      List<Report> out =
          DisclosureControl.acrossAreas(
              DisclosureControl.apply(report(withTotals(whole))), parts, 2);
      assertThat(out).hasSize(regions + 1);
      List<Map<String, String>> grids = new ArrayList<>();
      for (Report r : out) {
        Map<String, String> grid = new LinkedHashMap<>();
        r.cells().forEach(c -> grid.put(c.rowCode() + "." + c.columnCode(), c.value()));
        grids.add(grid);
        final int set = n;
        grid.forEach((k, v) -> assertThat(v).as("set %d cell %s", set, k).isNotIn("1", "2"));
      }
      for (String key : grids.get(0).keySet()) {
        long suppressed = grids.stream().filter(g -> "c".equals(g.get(key))).count();
        assertThat(suppressed).as("set %d cell %s across areas: %s", n, key, grids).isNotEqualTo(1);
      }
      // Within each area's table the lines are still protected.
      for (Map<String, String> g : grids) {
        for (int r = 0; r <= rows; r++) {
          String row = r == rows ? "TOTAL" : "R" + r;
          if (!"c".equals(g.get(row + ".TOTAL"))) {
            long suppressed = 0;
            for (int c = 0; c < cols; c++) {
              suppressed += "c".equals(g.get(row + ".C" + c)) ? 1 : 0;
            }
            assertThat(suppressed).as("set %d row %s: %s", n, row, g).isNotEqualTo(1);
          }
        }
        for (int c = 0; c <= cols; c++) {
          String col = c == cols ? "TOTAL" : "C" + c;
          if (!"c".equals(g.get("TOTAL." + col))) {
            long suppressed = 0;
            for (int r = 0; r < rows; r++) {
              suppressed += "c".equals(g.get("R" + r + "." + col)) ? 1 : 0;
            }
            assertThat(suppressed).as("set %d column %s: %s", n, col, g).isNotEqualTo(1);
          }
        }
      }
    }
  }
}
