package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.cli.DemoData;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.support.CodesInText;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.TestClock;
import uk.gov.observatory.synthetic.SyntheticData;

/**
 * Issue 16, "Done when" lines 1 and 2, and line 4 for the PDF: the demonstration's data (2019 and
 * 2020, generated as {@code serve --demo} does), the 2020 edition for England as at 31 March 2021,
 * disclosure-controlled, with and without 2019 as its comparator; each PDF passes veraPDF's
 * PDF/UA-1 profile with no failed rule, has every piece of text inside its page, loses no cell of
 * any table, gives every chart a text alternative, and shows no code where the code lists have a
 * label.
 */
@RegisterTest
class EditionPdfTest {

  static final LocalDate FROM = LocalDate.of(2020, 1, 1);
  static final LocalDate TO = LocalDate.of(2020, 12, 31);
  static final LocalDate AS_AT = LocalDate.of(2021, 3, 31);

  /** The editions' PDFs, made once for the class: "without comparator", "with comparator". */
  static final Map<String, byte[]> PDFS = new LinkedHashMap<>();

  static final Map<String, PublishedReport> EDITIONS = new LinkedHashMap<>();

  @Autowired StandardCsv csv;
  @Autowired Reports reports;

  @TempDir Path dir;

  /** Loads the demonstration's data and writes the two PDFs, the first time a test asks. */
  Map<String, byte[]> pdfs() throws IOException {
    if (!PDFS.isEmpty()) {
      return PDFS;
    }
    new SyntheticData(ReferenceData.fromClasspath(), new WorkingDayCalendar())
        .generate(
            DemoData.YEARS,
            1.0,
            DemoData.SEED,
            false,
            TestClock.TODAY,
            dir,
            SyntheticData.Progress.NONE);
    assertThat(csv.importFrom(dir, false, ImportProgress.NONE).problems()).isEmpty();
    Viewer system = Viewer.system("test");
    Report year =
        DisclosureControl.apply(
            reports.report(new ReportRequest(FROM, TO, AS_AT, null, null), system));
    Report before =
        DisclosureControl.apply(
            reports.report(
                new ReportRequest(
                    FROM.minusYears(1), TO.minusYears(1), AS_AT.minusYears(1), null, null),
                system));
    EDITIONS.put("without comparator", AnnualReportLayout.lay(year, null, "England"));
    EDITIONS.put("with comparator", AnnualReportLayout.lay(year, before, "England"));
    Path out = Path.of("target", "report-pdf");
    Files.createDirectories(out);
    for (Map.Entry<String, PublishedReport> e : EDITIONS.entrySet()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ReportDocuments.pdf(e.getValue(), bytes);
      PDFS.put(e.getKey(), bytes.toByteArray());
      Files.write(
          out.resolve("edition-2020-" + e.getKey().replace(' ', '-') + ".pdf"),
          bytes.toByteArray());
    }
    return PDFS;
  }

  @Test
  @DisplayName("veraPDF's PDF/UA-1 profile finds no failed rule in the edition's PDF")
  void passesPdfUa() throws Exception {
    // The edition with its comparator has every table of the one without, and more columns.
    for (Map.Entry<String, byte[]> pdf :
        Map.of("with comparator", pdfs().get("with comparator")).entrySet()) {
      List<String> failed = PdfChecks.failedPdfUaRules(pdf.getValue());
      assertThat(failed)
          .as("%s: failed PDF/UA-1 rules:%n%s", pdf.getKey(), String.join("\n", failed))
          .isEmpty();
    }
  }

  @Test
  @DisplayName(
      "every piece of text is inside its page, and every table's caption, header, rows and"
          + " footnotes can be read")
  void everyTableWithinItsPages() throws Exception {
    for (Map.Entry<String, byte[]> pdf : pdfs().entrySet()) {
      List<String> outside = PdfChecks.textOutsidePages(pdf.getValue());
      assertThat(outside)
          .as(
              "%s:%n%s",
              pdf.getKey(), String.join("\n", outside.subList(0, Math.min(20, outside.size()))))
          .isEmpty();
      List<String> missing = PdfChecks.missing(EDITIONS.get(pdf.getKey()), pdf.getValue());
      assertThat(missing).as("%s:%n%s", pdf.getKey(), String.join("\n", missing)).isEmpty();
    }
  }

  @Test
  @DisplayName(
      "the PDF has a cover, a contents page giving each table's page, page numbers, and a"
          + " text alternative for every chart")
  void contentsPageNumbersAndCharts() throws Exception {
    for (Map.Entry<String, byte[]> pdf : pdfs().entrySet()) {
      PublishedReport edition = EDITIONS.get(pdf.getKey());
      List<String> pages = PdfChecks.pages(pdf.getValue());
      assertThat(pages.get(0))
          .contains(edition.title())
          .contains("England")
          .contains("1 January 2020 to 31 December 2020")
          .contains("31 March 2021");
      String contents = PdfChecks.squash(pages.get(1));
      for (int p = 0; p < pages.size(); p++) {
        assertThat(pages.get(p))
            .as("page %d", p + 1)
            .contains("Page " + (p + 1) + " of " + pages.size());
      }
      for (PublishedReport.Table t : edition.tables()) {
        // The contents gives the page the table's heading is printed on.
        int page = -1;
        for (int p = 2; p < pages.size() && page < 0; p++) {
          String text = PdfChecks.reading(pages.get(p));
          if (PdfChecks.squash(text).startsWith(PdfChecks.squash(t.caption()))) {
            page = p + 1;
          }
        }
        assertThat(page).as("%s: the page %s starts on", pdf.getKey(), t.caption()).isPositive();
        assertThat(contents)
            .as(pdf.getKey())
            .contains(PdfChecks.squash(t.caption() + " (page " + page + ")"));
      }
      List<String> figures = PdfChecks.figures(pdf.getValue());
      List<String> charted =
          edition.tables().stream()
              .filter(t -> t.chart() != null)
              .map(t -> t.chart().description())
              .toList();
      assertThat(figures).hasSameSizeAs(charted);
      for (int i = 0; i < charted.size(); i++) {
        assertThat(figures.get(i)).contains(charted.get(i));
      }
    }
  }

  @Test
  @DisplayName(
      "no page of the PDF, nor a chart's text alternative, shows a code where there is a label")
  void noCodes() throws Exception {
    for (Map.Entry<String, byte[]> pdf : pdfs().entrySet()) {
      List<String> read = new ArrayList<>(PdfChecks.pages(pdf.getValue()));
      read.addAll(PdfChecks.figures(pdf.getValue()));
      Set<String> codes = CodesInText.in(String.join("\n", read));
      assertThat(codes).as(pdf.getKey()).isEmpty();
    }
  }
}
