package uk.gov.observatory.publication.web;

import java.util.ArrayList;
import java.util.List;
import uk.gov.observatory.analytics.Charts;
import uk.gov.observatory.analytics.PublishedReport;

/** A laid-out report made ready for a page: each table with its anchor and its chart's SVG. */
record ReportView(PublishedReport report, List<TableView> tables) {

  /** A table for a page: its anchor on the page, and its chart drawn (null when none). */
  record TableView(PublishedReport.Table table, String anchor, String chartSvg) {}

  static ReportView of(PublishedReport report) {
    List<TableView> tables = new ArrayList<>();
    int n = 0;
    for (PublishedReport.Table t : report.tables()) {
      n++;
      tables.add(
          new TableView(
              t, "table-" + n, t.chart() == null || t.chart().groups().isEmpty() ? null : svg(t)));
    }
    return new ReportView(report, tables);
  }

  private static String svg(PublishedReport.Table t) {
    try {
      return Charts.svg(t.chart());
    } catch (RuntimeException e) {
      return null;
    }
  }
}
