package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.gov.observatory.analytics.PublishedReport.Column;
import uk.gov.observatory.analytics.PublishedReport.Row;
import uk.gov.observatory.analytics.PublishedReport.RowKind;
import uk.gov.observatory.analytics.PublishedReport.Table;
import uk.gov.observatory.analytics.PublishedReport.Unit;

/**
 * The edition's PDF for any shape of table the layout may give (two to fourteen columns of figures,
 * headings, rows within rows, totals, long labels, a table longer than a page, footnotes, charts, a
 * comparator, revisions): tagged to PDF/UA-1 with no failed rule, every piece of text inside its
 * page, a contents page with page numbers, and "Page n of m" on every page. A report written here,
 * so the PDF is tested for shapes the demonstration's data does not have.
 */
class ReportPdfShapeTest {

  static PublishedReport report;
  static byte[] pdf;

  @BeforeAll
  static void render() throws Exception {
    List<Table> tables = new ArrayList<>();
    tables.add(table("S2", "Table 1", "Two columns with a chart", 2, 8, true, false));
    tables.add(
        table("S5", "Table 2", "Five columns, the most a portrait page takes", 5, 6, false, false));
    tables.add(
        table("S6", "Table 3", "Six columns, printed on a landscape page", 6, 6, true, true));
    tables.add(
        table("S9", "Table 4", "Nine columns with the comparator's column", 9, 14, false, true));
    tables.add(table("S14", "Table 5", "Fourteen columns", 14, 5, false, false));
    tables.add(table("LONG", "Table 6", "A table longer than a page", 3, 70, false, false));
    report =
        new PublishedReport(
            "Serious incident notifications: 2020",
            "England",
            LocalDate.of(2020, 1, 1),
            LocalDate.of(2020, 12, 31),
            LocalDate.of(2021, 3, 31),
            "2019",
            tables,
            List.of(
                new PublishedReport.Revision(
                    "Table 1: Two columns with a chart", "Row 1", "Number", "1234", "1236")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportDocuments.pdf(report, out);
    pdf = out.toByteArray();
    Path dir = Path.of("target", "report-pdf");
    Files.createDirectories(dir);
    Files.write(dir.resolve("shapes.pdf"), pdf);
  }

  static Table table(
      String id,
      String number,
      String title,
      int columns,
      int rows,
      boolean chart,
      boolean footnotes) {
    List<Column> cs = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      cs.add(
          new Column(
              c == columns - 1 && footnotes
                  ? "2018-19 comparator No. of reviews (%)"
                  : c % 2 == 0
                      ? "No. of rapid reviews not yet received as at March 2021"
                      : "Percentage",
              c % 2 == 0 ? Unit.NUMBER : Unit.PERCENT));
    }
    List<Row> rs = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      RowKind kind =
          r == rows - 1
              ? RowKind.TOTAL
              : r % 7 == 0 ? RowKind.HEADING : r % 7 >= 4 ? RowKind.SUBROW : RowKind.ROW;
      List<String> values = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        values.add(
            kind == RowKind.HEADING
                ? ""
                : List.of("12345", "21.2", "c", "low", "z", "x", "1234567", "0").get((r + c) % 8));
      }
      String label =
          kind == RowKind.HEADING
              ? "Parent characteristics"
              : kind == RowKind.TOTAL
                  ? "Total"
                  : r % 3 == 0
                      ? "Extreme neglect/deprivational abuse and a rather long label that wraps"
                      : "Row " + r;
      rs.add(new Row(label, kind, values));
    }
    Charts.Chart drawn =
        chart
            ? new Charts.Chart(
                id.toLowerCase() + "-chart",
                title,
                "A bar for each row: row 1 has 30, row 2 has 12.",
                List.of("Number"),
                List.of(
                    new Charts.Group(
                        "R1", "Row 1", List.of(new Charts.Value("30", BigDecimal.valueOf(30)))),
                    new Charts.Group(
                        "R2", "Row 2", List.of(new Charts.Value("12", BigDecimal.valueOf(12))))))
            : null;
    return new Table(
        id,
        number,
        title,
        "The Panel received notification of 12,345 serious incidents.\n\nA second paragraph.",
        cs,
        rs,
        footnotes
            ? List.of(
                "Based on the requested completion date falling within the period.",
                "Totals include notifications whose rapid review was not yet received.")
            : List.of(),
        drawn);
  }

  @Test
  @DisplayName("veraPDF's PDF/UA-1 profile finds no failed rule in the PDF")
  void passesPdfUa() throws Exception {
    List<String> failed = PdfChecks.failedPdfUaRules(pdf);
    assertThat(failed).as("failed PDF/UA-1 rules:\n" + String.join("\n", failed)).isEmpty();
  }

  @Test
  @DisplayName("every piece of text of every page is inside that page's media and crop boxes")
  void everyTextInsideItsPage() throws Exception {
    List<String> outside = PdfChecks.textOutsidePages(pdf);
    assertThat(outside)
        .as(String.join("\n", outside.subList(0, Math.min(20, outside.size()))))
        .isEmpty();
  }

  @Test
  @DisplayName(
      "every table's caption, header, rows with their figures and footnotes are in the text")
  void nothingLost() throws Exception {
    List<String> missing = PdfChecks.missing(report, pdf);
    assertThat(missing).as(String.join("\n", missing)).isEmpty();
  }

  @Test
  @DisplayName(
      "tables of more than five columns are on landscape pages; the revisions are listed last")
  void landscapeAndRevisions() throws Exception {
    List<String> pages = PdfChecks.pages(pdf);
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      for (int p = 0; p < pages.size(); p++) {
        String text = PdfChecks.squash(PdfChecks.reading(pages.get(p)));
        var box = doc.getPage(p).getMediaBox();
        for (Table t : report.tables()) {
          if (text.startsWith(PdfChecks.squash(t.caption()))) {
            assertThat(box.getWidth() > box.getHeight())
                .as(t.caption() + " on a landscape page")
                .isEqualTo(t.columns().size() > 5);
          }
        }
      }
    }
    assertThat(PdfChecks.squash(pages.get(pages.size() - 1)))
        .contains("Revisionssincethelastedition")
        .contains(PdfChecks.squash("Table 1: Two columns with a chart Row 1 Number 1,234 1,236"));
    assertThat(pages.get(1))
        .contains("Revisions since the last edition (page " + pages.size() + ")");
  }

  @Test
  @DisplayName(
      "a table too wide for its page runs into the margin and loses its last columns: both are found")
  void theCheckFindsTextOffThePage() throws Exception {
    StringBuilder wide = new StringBuilder("<html><body><table><tr>");
    for (int c = 0; c < 30; c++) {
      wide.append("<td style=\"white-space: nowrap\">column ").append(c).append("</td>");
    }
    wide.append("</tr></table></body></html>");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    com.openhtmltopdf.pdfboxout.PdfRendererBuilder b =
        new com.openhtmltopdf.pdfboxout.PdfRendererBuilder();
    b.withHtmlContent(wide.toString(), null);
    b.toStream(out);
    b.run();
    // openhtmltopdf does not draw what falls off the page: the last columns are lost, not outside.
    assertThat(PdfChecks.pages(out.toByteArray()).get(0))
        .contains("column 0")
        .doesNotContain("column 29");
    // ...and what it does draw runs past the right margin, which the check finds.
    assertThat(PdfChecks.textOutsidePages(out.toByteArray()))
        .anyMatch(s -> s.contains("'0' of 'column 10'"));
  }
}
