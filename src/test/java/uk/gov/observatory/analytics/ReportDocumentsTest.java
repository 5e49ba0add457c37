package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
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
      }
    }
  }
}
