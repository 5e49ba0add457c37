package uk.gov.observatory.analytics;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.observatory.audit.AuditJson;
import uk.gov.observatory.notification.CsvCells;

/** A report in REPORT-SPEC's machine-readable layouts: tidy CSV, and the same cells as JSON. */
public final class ReportWriter {

  private ReportWriter() {}

  /** {@code table_id,row_code,column_code,value}, a header row, one cell a row. */
  public static void csv(Report report, Writer out) throws IOException {
    csv(report.cells(), out);
  }

  /**
   * Cells as tidy CSV: {@code table_id,row_code,column_code,value}, a header row, one cell a row.
   */
  public static void csv(List<Cell> cells, Writer out) throws IOException {
    CsvCells csv = CsvCells.printer(out, "table_id", "row_code", "column_code", "value");
    for (Cell c : cells) {
      csv.printRecord(c.tableId(), c.rowCode(), c.columnCode(), c.value());
    }
    csv.flush();
  }

  /**
   * The same cells nested by table, row and column: {@code {"H":{"NOTIFICATIONS":{"COUNT":"4"}}}}.
   */
  public static void json(Report report, Writer out) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("from", report.request().from());
    request.put("to", report.request().to());
    request.put("as_at", report.request().asAt());
    request.put("region", report.request().regionCode());
    request.put("la_code", report.request().laCode());
    root.put("request", request);
    Map<String, Object> tables = new LinkedHashMap<>();
    for (Map.Entry<String, List<Cell>> t : report.tables().entrySet()) {
      Map<String, Object> rows = new LinkedHashMap<>();
      for (Cell c : t.getValue()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> row =
            (Map<String, Object>) rows.computeIfAbsent(c.rowCode(), k -> new LinkedHashMap<>());
        row.put(c.columnCode(), c.value());
      }
      tables.put(t.getKey(), rows);
    }
    root.put("tables", tables);
    out.write(AuditJson.of(root));
    out.write('\n');
    out.flush();
  }
}
