package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
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

  /**
   * The cells of a table whose rows are {@code rows} (row code to SQL condition on alias n), in
   * their order.
   */
  static List<Cell> cells(String table, ReportQuery q, Map<String, String> rows) {
    StringBuilder sql = new StringBuilder("select n.notification_type, count(*) as total");
    int i = 0;
    for (String condition : rows.values()) {
      sql.append(", count(*) filter (where ").append(condition).append(") as r").append(i++);
    }
    sql.append(" from ").append(q.n()).append(" n group by n.notification_type");
    Map<String, long[]> byType = new LinkedHashMap<>();
    q.jdbc()
        .query(
            sql.toString(),
            q.params(),
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  long[] v = new long[rows.size() + 1];
                  v[0] = rs.getLong("total");
                  for (int r = 0; r < rows.size(); r++) {
                    v[r + 1] = rs.getLong("r" + r);
                  }
                  byType.put(rs.getString(1), v);
                });
    long[] empty = new long[rows.size() + 1];
    List<Cell> cells = new ArrayList<>();
    int r = 1;
    for (String row : rows.keySet()) {
      long totalCount = 0;
      long totalOf = 0;
      for (String type : TYPES) {
        long[] v = byType.getOrDefault(type, empty);
        cells.add(ReportQuery.count(table, row, type + "_COUNT", v[r]));
        cells.add(ReportQuery.percent(table, row, type + "_PERCENT", v[r], v[0]));
        totalCount += v[r];
        totalOf += v[0];
      }
      cells.add(ReportQuery.count(table, row, "TOTAL_COUNT", totalCount));
      cells.add(ReportQuery.percent(table, row, "TOTAL_PERCENT", totalCount, totalOf));
      r++;
    }
    return cells;
  }

  /** The SQL condition "the notification has this case characteristic". */
  static String has(String characteristic) {
    return "'" + characteristic + "' = any(n.case_characteristics)";
  }
}
