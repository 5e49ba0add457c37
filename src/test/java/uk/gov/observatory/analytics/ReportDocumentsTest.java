package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDContentStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;

/** The report as HTML and a printable PDF: a page per section, each table's totals in the text. */
@RegisterTest
class ReportDocumentsTest {

  @Autowired NotificationRegister register;
  @Autowired Reports reports;

  @Test
  @DisplayName(
      "the PDF has a cover, contents and notes, then each table from a new page with its total row")
  void pdf() throws Exception {
    register.notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2020, 6, 1), 7, 2));
    register.notify(Submissions.of("E08000035", "SERIOUS_HARM", LocalDate.of(2020, 6, 1), 8, 1));
    Report report =
        reports.report(
            new ReportRequest(
                LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 12, 31),
                LocalDate.of(2021, 3, 31),
                null,
                null),
            Viewer.system("test"));
    String html = ReportDocuments.html(report);
    String death =
        AnnualReportLayout.lay(report, null, "England").tables().stream()
            .filter(t -> t.id().equals("T2"))
            .findFirst()
            .orElseThrow()
            .caption();
    assertThat(html)
        .contains("<h2>" + death + "</h2>")
        .contains("<caption>" + death + "</caption>")
        .contains("scope=\"row\"")
        .contains("scope=\"col\"");
    // Each charted table's section has its chart, an image with a title, a description and a
    // text alternative for the PDF.
    for (String table : report.tables().keySet()) {
      String section =
          html.substring(
              html.indexOf("<section id=\"" + table + "\""),
              html.indexOf("</section>", html.indexOf("<section id=\"" + table + "\"")));
      assertThat(section.contains("<svg"))
          .as(table + " has a chart")
          .isEqualTo(
              List.of("T1", "T2", "T3", "T6", "D1", "L1", "A1", "LA1", "IMD1", "TH1")
                  .contains(table));
      if (section.contains("<svg")) {
        assertThat(section)
            .contains("role=\"img\"")
            .contains("<title")
            .contains("<desc")
            .contains(" alt=\"");
      }
    }
    PublishedReport laid = AnnualReportLayout.lay(report, null, "England");
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    ReportDocuments.pdf(report, pdf);
    try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
      // A cover, contents, notes on the figures, then each table from the top of a page (a long
      // one continuing on the next).
      PDFTextStripper stripper = new PDFTextStripper();
      List<String> pages = new ArrayList<>();
      for (int page = 1; page <= doc.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        pages.add(PdfChecks.reading(stripper.getText(doc)));
      }
      assertThat(pages.get(1)).startsWith("Contents");
      assertThat(pages.get(2)).startsWith("About these figures");
      List<Integer> starts = new ArrayList<>();
      for (PublishedReport.Table printed : laid.tables()) {
        int from = starts.isEmpty() ? 3 : starts.get(starts.size() - 1) + 1;
        int at = from;
        while (at < pages.size()
            && !PdfChecks.squash(pages.get(at)).startsWith(PdfChecks.squash(printed.caption()))) {
          at++;
        }
        assertThat(at).as(printed.caption() + " starts a page").isLessThan(pages.size());
        starts.add(at);
      }
      assertThat(laid.tables().stream().map(PublishedReport.Table::id).toList())
          .containsExactlyInAnyOrderElementsOf(report.tables().keySet());
      for (int i = 0; i < starts.size(); i++) {
        PublishedReport.Table printed = laid.tables().get(i);
        String table = printed.id();
        int end = i + 1 < starts.size() ? starts.get(i + 1) : pages.size();
        String text = String.join("", pages.subList(starts.get(i), end));
        // The total row (where the table has one), with its first value, is on the table's pages.
        printed.rows().stream()
            .filter(r -> r.kind() == PublishedReport.RowKind.TOTAL)
            .findFirst()
            .ifPresent(
                r ->
                    assertThat(text)
                        .as(table)
                        .contains(r.label() + " " + ReportDocuments.figure(r.values().get(0))));
        // A charted table's page has its bars drawn in GOV.UK blue (#1d70b8); the others none.
        PDPage first = doc.getPage(starts.get(i));
        if (!Charts.has(table)) {
          assertThat(fillsInBlue(first)).as(table + " page has no chart").isFalse();
        } else if (hasNonZeroFirstSeries(report, table)) {
          assertThat(fillsInBlue(first)).as(table + " page has a chart").isTrue();
        }
      }
    }
  }

  /** Whether the chart of a table has a bar to draw in its first series. */
  static boolean hasNonZeroFirstSeries(Report report, String table) {
    return Charts.of(table, report.tables().get(table)).groups().stream()
        .map(g -> g.values().get(0).number())
        .anyMatch(n -> n != null && n.signum() > 0);
  }

  /**
   * Whether the page's content, or a form drawn on it (Batik draws each chart as one), sets the
   * fill colour to GOV.UK blue (29, 112, 184).
   */
  static boolean fillsInBlue(PDPage page) throws IOException {
    return fillsInBlue(page, page.getResources());
  }

  static boolean fillsInBlue(PDContentStream content, PDResources resources) throws IOException {
    if (resources != null) {
      for (COSName name : resources.getXObjectNames()) {
        if (resources.getXObject(name) instanceof PDFormXObject form
            && fillsInBlue(form, form.getResources())) {
          return true;
        }
      }
    }
    List<Object> operands = new ArrayList<>();
    PDFStreamParser parser = new PDFStreamParser(content);
    for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
      if (token instanceof Operator op) {
        if ((op.getName().equals("rg") || op.getName().equals("sc")) && operands.size() == 3) {
          float[] rgb = new float[3];
          for (int i = 0; i < 3; i++) {
            rgb[i] = ((COSNumber) operands.get(i)).floatValue() * 255;
          }
          if (Math.abs(rgb[0] - 29) < 1
              && Math.abs(rgb[1] - 112) < 1
              && Math.abs(rgb[2] - 184) < 1) {
            return true;
          }
        }
        operands.clear();
      } else {
        operands.add(token);
      }
    }
    return false;
  }
}
