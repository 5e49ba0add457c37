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
      "the PDF has a title page and a page per table, and each table's TOTAL row is in its text")
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
    assertThat(html)
        .contains("<caption>Table 2: category of death</caption>")
        .contains("scope=\"row\"");
    // Each charted table's section has its chart, an image with a title and a description.
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
        assertThat(section).contains("role=\"img\"").contains("<title").contains("<desc");
      }
    }
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    ReportDocuments.pdf(report, pdf);
    try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
      // Every table fits a page here: a title page, then one page each.
      assertThat(doc.getNumberOfPages()).isEqualTo(1 + report.tables().size());
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 2; page <= doc.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String text = stripper.getText(doc);
        String table = List.copyOf(report.tables().keySet()).get(page - 2);
        assertThat(text).as(table).contains(TableTitles.of(table));
        // The TOTAL row (where the table has one), with its first value, is on the table's page.
        report.tables().get(table).stream()
            .filter(c -> c.rowCode().equals("TOTAL"))
            .findFirst()
            .ifPresent(c -> assertThat(text).as(table).contains("TOTAL " + c.value()));
        // A charted table's page has its bars drawn in GOV.UK blue (#1d70b8); the others none.
        if (!Charts.has(table)) {
          assertThat(fillsInBlue(doc.getPage(page - 1))).as(table + " page has no chart").isFalse();
        } else if (hasNonZeroFirstSeries(report, table)) {
          assertThat(fillsInBlue(doc.getPage(page - 1))).as(table + " page has a chart").isTrue();
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
