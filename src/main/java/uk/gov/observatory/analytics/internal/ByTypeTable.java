package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.observatory.analytics.Cell;

/**
 * The shape shared by T4 and T5: rows that are conditions on a notification of N, columns the count
 * and percent of each notification type and of all of N, each percent of its own column's
 * notifications. One query: every row's count by type.
 */
final class ByTypeTable {

  static final List<String> TYPES = List.of("DEATH", "SERIOUS_HARM", "OTHER");

  private ByTypeTable() {}

  /** The counts of a table whose rows are {@code rows} (row code to SQL condition on alias n). */
  static Map<String, String> counts(String table, Map<String, String> rows) {
    Map<String, String> counts = new LinkedHashMap<>();
    rows.forEach((row, condition) -> counts.put(table + ":" + row, condition));
    return counts;
  }

  /** The cells of such a table, in the order of its rows, from the pass over N. */
  static List<Cell> cells(String table, ReportQuery q, Collection<String> rows) {
    CaseCounts n = CaseCounts.of(q);
    List<Cell> cells = new ArrayList<>();
    for (String row : rows) {
      long totalCount = 0;
      long totalOf = 0;
      for (String type : TYPES) {
        long count = n.count(table + ":" + row, type);
        long of = n.notifications(type);
        cells.add(ReportQuery.count(table, row, type + "_COUNT", count));
        cells.add(ReportQuery.percent(table, row, type + "_PERCENT", count, of));
        totalCount += count;
        totalOf += of;
      }
      cells.add(ReportQuery.count(table, row, "TOTAL_COUNT", totalCount));
      cells.add(ReportQuery.percent(table, row, "TOTAL_PERCENT", totalCount, totalOf));
    }
    return cells;
  }
}
