package uk.gov.observatory.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report table's tidy cells laid out as a grid, for the pages, the charts, the workbooks and the
 * documents: its title, its column codes in order, and each row code's values by column.
 */
public record TableGrid(String title, List<String> columns, Map<String, Map<String, String>> rows) {

  public static TableGrid of(String tableId, List<Cell> cells) {
    List<String> columns = new ArrayList<>();
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (Cell c : cells) {
      if (!columns.contains(c.columnCode())) {
        columns.add(c.columnCode());
      }
      rows.computeIfAbsent(c.rowCode(), k -> new LinkedHashMap<>()).put(c.columnCode(), c.value());
    }
    return new TableGrid(TableTitles.of(tableId), columns, rows);
  }

  /** The value of a row and a column, or blank where the table has none. */
  public String value(String row, String column) {
    return rows.getOrDefault(row, Map.of()).getOrDefault(column, "");
  }
}
