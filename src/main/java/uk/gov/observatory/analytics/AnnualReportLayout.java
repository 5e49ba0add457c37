package uk.gov.observatory.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays a computed report out as the Panel's annual report prints it: each table numbered and titled
 * as the report does, its rows and columns in words, its footnotes, the comparator period's column
 * where the report has one, and a first draft of the paragraph that carries its figures.
 */
public final class AnnualReportLayout {

  private AnnualReportLayout() {}

  /**
   * The report laid out for publication.
   *
   * @param report the report (disclosure-controlled when it is for publication)
   * @param comparator the same tables for the comparator period, or null
   * @param areaName where the report covers, in words
   */
  public static PublishedReport lay(Report report, Report comparator, String areaName) {
    ReportRequest r = report.request();
    List<PublishedReport.Table> tables = new ArrayList<>();
    for (Map.Entry<String, List<Cell>> t : report.tables().entrySet()) {
      TableGrid grid = TableGrid.of(t.getKey(), t.getValue());
      List<PublishedReport.Column> columns =
          grid.columns().stream()
              .map(c -> new PublishedReport.Column(Charts.words(c), unit(c)))
              .toList();
      List<PublishedReport.Row> rows = new ArrayList<>();
      for (Map.Entry<String, Map<String, String>> row : grid.rows().entrySet()) {
        rows.add(
            new PublishedReport.Row(
                Charts.words(row.getKey()),
                row.getKey().equals("TOTAL")
                    ? PublishedReport.RowKind.TOTAL
                    : PublishedReport.RowKind.ROW,
                grid.columns().stream().map(c -> row.getValue().getOrDefault(c, "")).toList()));
      }
      tables.add(
          new PublishedReport.Table(
              t.getKey(),
              null,
              TableTitles.of(t.getKey()),
              "",
              columns,
              rows,
              List.of(),
              Charts.of(t.getKey(), t.getValue())));
    }
    PublishedReport laid =
        new PublishedReport(
            "Serious incident notifications",
            areaName,
            r.from(),
            r.to(),
            r.asAt(),
            null,
            tables,
            List.of());
    return laid.withParagraphs(ReportText.draft(laid));
  }

  static PublishedReport.Unit unit(String column) {
    if (column.contains("PERCENT")) {
      return PublishedReport.Unit.PERCENT;
    }
    return column.endsWith("_WD") ? PublishedReport.Unit.WORKING_DAYS : PublishedReport.Unit.NUMBER;
  }
}
