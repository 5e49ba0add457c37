package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;

/** {@code report} as a person runs it, against the test's own database. */
@RegisterTest
class ReportCommandTest {

  @Autowired NotificationRegister register;
  @Autowired DatabaseOwner owner;
  @Autowired DataSource dataSource;
  @Autowired Environment env;
  @TempDir Path tmp;

  CommandRun report(String... extra) {
    return CommandRun.onDatabase(owner, List.of("report"), extra);
  }

  @Test
  @DisplayName("report writes the tidy CSV of the headline, counted by hand, and JSON of the same")
  void tidyCsvAndJson() throws Exception {
    register.notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2020, 6, 1), 7, 2));
    register.notify(Submissions.of("E08000035", "SERIOUS_HARM", LocalDate.of(2020, 6, 1), 8, 1));
    register.notify(Submissions.of("E08000035", "DEATH", LocalDate.of(2021, 1, 10), 1, 1));
    Path csv = tmp.resolve("report.csv");
    CommandRun run =
        report(
            "--from",
            "2020-01-01",
            "--to",
            "2020-12-31",
            "--as-at",
            "2021-03-31",
            "--out",
            csv.toString());
    assertThat(run.code()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("table_id,row_code,column_code,value");
    assertThat(lines)
        .contains(
            "H,NOTIFICATIONS,COUNT,2",
            "H,DEATH,COUNT,1",
            "H,SERIOUS_HARM,COUNT,1",
            "H,OTHER,COUNT,0",
            "H,CHILDREN,COUNT,3",
            "H,LAS_NOTIFYING,COUNT,2",
            "H,LATE_NOTIFICATIONS,COUNT,1");
    Path json = tmp.resolve("report.json");
    assertThat(
            report(
                    "--from",
                    "2020-01-01",
                    "--to",
                    "2020-12-31",
                    "--la",
                    "E08000035",
                    "--format",
                    "json",
                    "--out",
                    json.toString())
                .code())
        .isZero();
    assertThat(Files.readString(json)).contains("\"H\":{\"NOTIFICATIONS\":{\"COUNT\":\"1\"}");
    // For publication: every count of 1 or 2 becomes c.
    Path published = tmp.resolve("published.csv");
    assertThat(
            report(
                    "--from",
                    "2020-01-01",
                    "--to",
                    "2020-12-31",
                    "--as-at",
                    "2021-03-31",
                    "--suppress",
                    "--out",
                    published.toString())
                .code())
        .isZero();
    assertThat(Files.readAllLines(published))
        .contains("H,NOTIFICATIONS,COUNT,c", "H,OTHER,COUNT,0", "H,CHILDREN,COUNT,3")
        .noneMatch(l -> l.endsWith(",1") || l.endsWith(",2"));
  }

  @Test
  @DisplayName(
      "report --format xlsx and --format ods write workbooks that POI and odfdom read back")
  void workbooks() throws Exception {
    register.notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2020, 6, 1), 7, 2));
    register.notify(Submissions.of("E08000035", "SERIOUS_HARM", LocalDate.of(2020, 6, 1), 8, 1));
    Path xlsx = tmp.resolve("report.xlsx");
    CommandRun x =
        report(
            "--from",
            "2020-01-01",
            "--to",
            "2020-12-31",
            "--as-at",
            "2021-03-31",
            "--format",
            "xlsx",
            "--out",
            xlsx.toString());
    assertThat(x.code()).as(x.err()).isZero();
    try (InputStream in = Files.newInputStream(xlsx);
        XSSFWorkbook book = new XSSFWorkbook(in)) {
      // A cover, contents and notes, then the tables in words: the headline first.
      assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("Cover");
      assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("Contents");
      assertThat(book.getSheetAt(2).getSheetName()).isEqualTo("Notes");
      Sheet h = book.getSheetAt(3);
      assertThat(h.getRow(1).getCell(0).getStringCellValue())
          .startsWith("This worksheet contains one table.");
      assertThat(h.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Breakdown");
      assertThat(h.getRow(3).getCell(0).getStringCellValue())
          .isNotEqualTo("NOTIFICATIONS")
          .containsIgnoringCase("notified");
      assertThat(h.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(2.0);
    }
    Path ods = tmp.resolve("report.ods");
    CommandRun o =
        report(
            "--from",
            "2020-01-01",
            "--to",
            "2020-12-31",
            "--la",
            "E08000035",
            "--format",
            "ods",
            "--out",
            ods.toString());
    assertThat(o.code()).as(o.err()).isZero();
    try (OdfSpreadsheetDocument doc = OdfSpreadsheetDocument.loadDocument(ods.toFile())) {
      assertThat(doc.getTableList(false).get(0).getTableName()).isEqualTo("Cover");
      OdfTable cover = doc.getTableList(false).get(0);
      StringBuilder coverText = new StringBuilder();
      for (int r = 0; r < cover.getRowCount(); r++) {
        coverText.append(cover.getCellByPosition(0, r).getStringValue()).append('\n');
      }
      assertThat(coverText.toString()).contains("Leeds").contains("1 January 2020");
      OdfTable h = doc.getTableList(false).get(3);
      assertThat(h.getCellByPosition(0, 3).getStringValue()).isNotEqualTo("NOTIFICATIONS");
      assertThat(h.getCellByPosition(1, 3).getValueType()).isEqualTo("float");
      assertThat(h.getCellByPosition(1, 3).getDoubleValue()).isEqualTo(1.0);
    }
    Path pdf = tmp.resolve("report.pdf");
    assertThat(
            report(
                    "--from",
                    "2020-01-01",
                    "--to",
                    "2020-12-31",
                    "--format",
                    "pdf",
                    "--out",
                    pdf.toString())
                .code())
        .isZero();
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
          .contains("Headline figures")
          .contains("Serious incidents notified 2");
    }
    Path html = tmp.resolve("report.html");
    assertThat(
            report(
                    "--from",
                    "2020-01-01",
                    "--to",
                    "2020-12-31",
                    "--format",
                    "html",
                    "--out",
                    html.toString())
                .code())
        .isZero();
    assertThat(Files.readString(html)).contains("<caption>Headline figures</caption>");
  }

  @Test
  @DisplayName("bad requests exit 2 with one line saying what to change")
  void badRequests() {
    String out = tmp.resolve("r.csv").toString();
    CommandRun backwards = report("--from", "2020-12-31", "--to", "2020-01-01", "--out", out);
    assertThat(backwards.code()).isEqualTo(2);
    assertThat(backwards.err()).contains("must be the same as or after its start");
    CommandRun unknownLa =
        report("--from", "2020-01-01", "--to", "2020-12-31", "--la", "E99999999", "--out", out);
    assertThat(unknownLa.err()).contains("E99999999 is not a local authority's GSS code");
    CommandRun format =
        report("--from", "2020-01-01", "--to", "2020-12-31", "--format", "docx", "--out", out);
    assertThat(format.code()).isEqualTo(2);
    assertThat(format.err())
        .contains("--format docx is not known: use csv, json, ods, xlsx, html or pdf");
    CommandRun spreadsheet =
        report("--from", "2020-01-01", "--to", "2020-12-31", "--format", "xls", "--out", out);
    assertThat(spreadsheet.code()).isEqualTo(2);
    assertThat(spreadsheet.err()).contains("--format xls is not known");
    CommandRun asAt =
        report("--from", "2020-01-01", "--to", "2020-12-31", "--as-at", "2019-12-31", "--out", out);
    assertThat(asAt.err()).contains("as-at date cannot be before the period starts");
    CommandRun nowhere =
        report("--from", "2020-01-01", "--to", "2020-12-31", "--out", "/no/such/folder/r.csv");
    assertThat(nowhere.err()).contains("cannot write /no/such/folder/r.csv");
    // Buckinghamshire county council ended on 31 March 2020.
    CommandRun ended =
        report("--from", "2021-01-01", "--to", "2021-12-31", "--la", "E10000002", "--out", out);
    assertThat(ended.code()).isEqualTo(2);
    assertThat(ended.err()).contains("was not in operation between 2021-01-01 and 2021-12-31");
  }

  @Test
  @DisplayName(
      "dates out of the report's range, or a period of more than 10 years, exit 2 with one line")
  void boundedPeriod() {
    String out = tmp.resolve("r.csv").toString();
    for (String bad : new String[] {"+999999999-12-31", "-999999999-01-01", "0001-01-01"}) {
      CommandRun from = report("--from", bad, "--to", "2020-12-31", "--out", out);
      assertThat(from.code()).isEqualTo(2);
      assertThat(from.err().strip().lines()).hasSize(1);
      assertThat(from.err())
          .contains(
              "--from '"
                  + bad
                  + "' must be a real date written as YYYY-MM-DD, from 2000-01-01 to 2100-12-31");
    }
    CommandRun asAt =
        report("--from", "2020-01-01", "--to", "2020-12-31", "--as-at", "9999-12-31", "--out", out);
    assertThat(asAt.code()).isEqualTo(2);
    assertThat(asAt.err()).contains("--as-at '9999-12-31' must be a real date");
    CommandRun eleven = report("--from", "2010-01-01", "--to", "2020-12-31", "--out", out);
    assertThat(eleven.code()).isEqualTo(2);
    assertThat(eleven.err().strip().lines()).hasSize(1);
    assertThat(eleven.err())
        .contains(
            "The period can be at most 10 years: starting on 2010-01-01, it must end on or before"
                + " 2019-12-31");
    assertThat(java.nio.file.Files.exists(tmp.resolve("r.csv"))).isFalse();
    CommandRun ten =
        report("--from", "2011-01-01", "--to", "2020-12-31", "--as-at", "2021-03-31", "--out", out);
    assertThat(ten.code()).as(ten.err()).isZero();
  }
}
