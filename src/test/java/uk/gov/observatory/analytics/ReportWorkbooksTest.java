package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;
import org.odftoolkit.odfdom.doc.table.OdfTableCell;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.analytics.PublishedReport.Column;
import uk.gov.observatory.analytics.PublishedReport.RowKind;
import uk.gov.observatory.analytics.PublishedReport.Unit;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.CodesInText;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;

/**
 * The XLSX and ODS workbooks, read back with the libraries that wrote them, follow the Government
 * Analysis Function's guidance on releasing statistics in spreadsheets: a cover sheet, a contents
 * sheet with links, a notes sheet, a sheet a table named by its title, each table's title in A1, a
 * line saying how many tables, labelled columns, numbers as numbers, symbols as text, no merged
 * cells, no blank rows or cells inside a table, no codes.
 */
@RegisterTest
class ReportWorkbooksTest {

  @Autowired NotificationRegister register;
  @Autowired Reports reports;

  /** A cell read back: its kind (n number, s text, b blank), what it shows, its link. */
  record Read(String kind, String text, Double number, String format, String link) {
    boolean blank() {
      return kind.equals("b") || (kind.equals("s") && text.isBlank());
    }
  }

  /** A workbook read back: its sheets in order, each a list of rows of cells. */
  record Book(Map<String, List<List<Read>>> sheets, int merged) {}

  static Book xlsx(byte[] bytes) throws Exception {
    Map<String, List<List<Read>>> sheets = new LinkedHashMap<>();
    int merged = 0;
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      for (Sheet sheet : book) {
        merged += sheet.getNumMergedRegions();
        List<List<Read>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
          Row row = sheet.getRow(r);
          List<Read> cells = new ArrayList<>();
          if (row != null) {
            for (int c = 0; c < row.getLastCellNum(); c++) {
              var cell = row.getCell(c);
              if (cell == null || cell.getCellType() == CellType.BLANK) {
                cells.add(new Read("b", "", null, null, null));
              } else if (cell.getCellType() == CellType.NUMERIC) {
                cells.add(
                    new Read(
                        "n",
                        "",
                        cell.getNumericCellValue(),
                        cell.getCellStyle().getDataFormatString(),
                        null));
              } else {
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                cells.add(
                    new Read(
                        "s",
                        cell.getStringCellValue(),
                        null,
                        null,
                        cell.getHyperlink() == null ? null : cell.getHyperlink().getAddress()));
              }
            }
          }
          rows.add(cells);
        }
        sheets.put(sheet.getSheetName(), rows);
      }
    }
    return new Book(sheets, merged);
  }

  static Book ods(byte[] bytes) throws Exception {
    Map<String, List<List<Read>>> sheets = new LinkedHashMap<>();
    int merged = 0;
    try (OdfSpreadsheetDocument doc =
        OdfSpreadsheetDocument.loadDocument(new ByteArrayInputStream(bytes))) {
      NodeList all = doc.getContentDom().getElementsByTagName("table:table-cell");
      for (int i = 0; i < all.getLength(); i++) {
        String span = ((Element) all.item(i)).getAttribute("table:number-columns-spanned");
        String rows = ((Element) all.item(i)).getAttribute("table:number-rows-spanned");
        if ((!span.isEmpty() && !span.equals("1")) || (!rows.isEmpty() && !rows.equals("1"))) {
          merged++;
        }
      }
      for (OdfTable sheet : doc.getTableList(false)) {
        List<List<Read>> rows = new ArrayList<>();
        for (int r = 0; r < sheet.getRowCount(); r++) {
          List<Read> cells = new ArrayList<>();
          for (int c = 0; c < sheet.getColumnCount(); c++) {
            OdfTableCell cell = sheet.getCellByPosition(c, r);
            String type = cell.getValueType();
            NodeList links = cell.getOdfElement().getElementsByTagName("text:a");
            String link =
                links.getLength() == 0
                    ? null
                    : ((Element) links.item(0)).getAttribute("xlink:href");
            if (type == null) {
              assertThat(cell.getDisplayText()).isEmpty();
              cells.add(new Read("b", "", null, null, null));
            } else if (type.equals("float")) {
              cells.add(new Read("n", "", cell.getDoubleValue(), cell.getFormatString(), null));
            } else {
              assertThat(type).isEqualTo("string");
              cells.add(new Read("s", cell.getStringValue(), null, null, link));
            }
          }
          // odfdom pads rows to the widest: trailing blanks are not cells
          while (!cells.isEmpty() && cells.get(cells.size() - 1).kind().equals("b")) {
            cells.remove(cells.size() - 1);
          }
          rows.add(cells);
        }
        sheets.put(sheet.getTableName(), rows);
      }
    }
    return new Book(sheets, merged);
  }

  /** A report in the general shape: headings, rows within rows, totals, notes, symbols. */
  static PublishedReport general() {
    List<Column> timeliness =
        List.of(
            new Column("Rapid reviews received", Unit.NUMBER),
            new Column("Not yet received as at 31 March 2021", Unit.NUMBER),
            new Column("Totals", Unit.NUMBER),
            new Column("%", Unit.PERCENT),
            new Column("Most outstanding", Unit.WORKING_DAYS),
            new Column("2018-19 comparator No. of reviews", Unit.NUMBER));
    PublishedReport.Table t6 =
        new PublishedReport.Table(
            "T6",
            "Table 6",
            "Timeliness of rapid reviews 2020",
            "Of 482 rapid reviews...",
            timeliness,
            List.of(
                new PublishedReport.Row(
                    "15 working days or fewer",
                    RowKind.ROW,
                    List.of("1234", "c", "1,240", "21.2", "", "3")),
                new PublishedReport.Row(
                    "More than 15 working days", RowKind.HEADING, List.of("", "", "", "", "", "")),
                new PublishedReport.Row(
                    "16 to 25 working days",
                    RowKind.SUBROW,
                    List.of("5", "0", "5", "low", "x", "z")),
                new PublishedReport.Row(
                    "60 working days or more",
                    RowKind.SUBROW,
                    List.of("c", "4", "c", "c", "280", "1")),
                new PublishedReport.Row(
                    "Total", RowKind.TOTAL, List.of("1,245", "9", "1,254", "100.0", "280", "4"))),
            List.of(
                "Requested completion date in the period.", "Working days exclude bank holidays."),
            null);
    PublishedReport.Table t7 =
        new PublishedReport.Table(
            "T7",
            "Table 7",
            "Timeliness of rapid reviews outside an authorised extension",
            "",
            List.of(new Column("Number", Unit.NUMBER)),
            List.of(new PublishedReport.Row("Total", RowKind.TOTAL, List.of("12"))),
            List.of("Working days exclude bank holidays."),
            null);
    PublishedReport.Table t7again =
        new PublishedReport.Table(
            "T7B",
            "Table 7",
            "Timeliness of rapid reviews outside an authorised extension",
            "",
            List.of(new Column("Number", Unit.NUMBER)),
            List.of(new PublishedReport.Row("Total", RowKind.TOTAL, List.of("13"))),
            List.of(),
            null);
    return new PublishedReport(
        "Serious incident notifications: 2020",
        "England",
        LocalDate.of(2020, 1, 1),
        LocalDate.of(2020, 12, 31),
        LocalDate.of(2021, 3, 31),
        "2018-19",
        List.of(
            t6,
            t7,
            t7again,
            new PublishedReport.Table(
                "D3",
                null,
                "The Panel's view",
                "",
                List.of(
                    new Column("Number", Unit.NUMBER), new Column("Share of all", Unit.PERCENT)),
                List.of(new PublishedReport.Row("Agree", RowKind.ROW, List.of("40", "95.2"))),
                List.of(),
                null)),
        List.of(new PublishedReport.Revision("Table 6", "Total", "Totals", "1,250", "1,254")));
  }

  static byte[] xlsxOf(PublishedReport r) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportWorkbooks.xlsx(r, bytes);
    return bytes.toByteArray();
  }

  static byte[] odsOf(PublishedReport r) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportWorkbooks.ods(r, bytes);
    return bytes.toByteArray();
  }

  /** What a workbook shows, sheet by sheet, cell by cell: text, or a number and its format. */
  static Map<String, List<List<String>>> shown(Book book) {
    Map<String, List<List<String>>> out = new LinkedHashMap<>();
    book.sheets()
        .forEach(
            (name, rows) ->
                out.put(
                    name,
                    rows.stream()
                        .map(
                            r ->
                                r.stream()
                                    .map(
                                        c ->
                                            c.kind().equals("n")
                                                ? c.number() + " as " + c.format()
                                                : c.text())
                                    .toList())
                        .toList()));
    return out;
  }

  static String text(List<List<Read>> rows) {
    StringBuilder s = new StringBuilder();
    rows.forEach(r -> r.forEach(c -> s.append(c.text()).append('\n')));
    return s.toString();
  }

  /**
   * What every workbook of a published report keeps, whichever format: the guidance's sheets in
   * order, the cover's facts, the contents' links, the notes, and each table sheet's shape.
   */
  static void followsTheGuidance(Book book, PublishedReport report) {
    assertThat(book.merged()).as("merged cells").isZero();
    List<String> names = new ArrayList<>(book.sheets().keySet());
    assertThat(names.subList(0, 3)).containsExactly("Cover", "Contents", "Notes");
    boolean revised = !report.revisions().isEmpty();
    List<String> tableSheets = names.subList(3, names.size() - (revised ? 1 : 0));
    assertThat(tableSheets).hasSameSizeAs(report.tables());
    if (revised) {
      assertThat(names.get(names.size() - 1)).isEqualTo("Revisions");
    }
    Set<String> lower = new HashSet<>();
    for (String n : names) {
      assertThat(n.length()).as(n).isLessThanOrEqualTo(31);
      assertThat(n).as(n).doesNotContainPattern("[\\[\\]:*?/\\\\]");
      assertThat(lower.add(n.toLowerCase(Locale.ROOT))).as("%s is its own", n).isTrue();
    }

    // The cover: the title in A1, everything in column A, UK dates, symbols, source, contact.
    List<List<Read>> cover = book.sheets().get("Cover");
    assertThat(cover.get(0).get(0).text()).isEqualTo(report.title());
    assertThat(cover).allMatch(r -> r.size() <= 1);
    String coverText = text(cover);
    assertThat(coverText)
        .contains(uk.gov.observatory.web.Fmt.dateOf(report.from()))
        .contains(uk.gov.observatory.web.Fmt.dateOf(report.to()))
        .contains(uk.gov.observatory.web.Fmt.dateOf(report.asAt()))
        .contains(report.area())
        .contains("Source")
        .contains("[c] confidential")
        .contains("[low] ")
        .contains("[z] not applicable")
        .contains("[x] not available")
        .contains("Contact")
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");

    // Contents: a row a sheet after the cover and contents, its name a link to it, its title.
    List<List<Read>> contents = book.sheets().get("Contents");
    assertThat(contents.get(0).get(0).text()).isEqualTo("Contents");
    assertThat(contents.get(1).get(0).text()).isEqualTo("This worksheet contains one table.");
    assertThat(contents.get(2)).extracting(Read::text).containsExactly("Sheet name", "Table title");
    List<List<Read>> listed = contents.subList(3, contents.size());
    assertThat(listed)
        .extracting(r -> r.get(0).text())
        .containsExactlyElementsOf(names.subList(2, names.size()));
    for (List<Read> r : listed) {
      assertThat(r.get(0).link()).as("link to %s", r.get(0).text()).contains(r.get(0).text());
      assertThat(r.get(1).text()).isNotBlank();
    }
    for (int i = 0; i < report.tables().size(); i++) {
      assertThat(listed.get(i + 1).get(1).text()).isEqualTo(report.tables().get(i).caption());
    }

    // Notes: each footnote once, numbered; each table's title refers to its notes.
    Map<String, String> noteNumbers = new LinkedHashMap<>();
    List<List<Read>> notes = book.sheets().get("Notes");
    assertThat(notes.get(0).get(0).text()).isEqualTo("Notes");
    if (notes.size() > 2) {
      assertThat(notes.get(2)).extracting(Read::text).containsExactly("Note number", "Note text");
      for (List<Read> r : notes.subList(3, notes.size())) {
        assertThat(r.get(0).text()).matches("note [0-9]+");
        noteNumbers.put(r.get(1).text(), r.get(0).text());
      }
    }
    Set<String> footnotes = new HashSet<>();
    report.tables().forEach(t -> footnotes.addAll(t.footnotes()));
    assertThat(noteNumbers.keySet()).containsExactlyInAnyOrderElementsOf(footnotes);

    // Each table sheet: title (with its notes) in A1, how many tables in A2, the table from A3.
    for (int i = 0; i < report.tables().size(); i++) {
      PublishedReport.Table t = report.tables().get(i);
      List<List<Read>> sheet = book.sheets().get(tableSheets.get(i));
      String title = sheet.get(0).get(0).text();
      assertThat(title).startsWith(t.caption());
      for (String f : t.footnotes()) {
        assertThat(title).contains("[" + noteNumbers.get(f) + "]");
      }
      assertThat(sheet.get(0)).hasSize(1);
      assertThat(sheet.get(1).get(0).text()).startsWith("This worksheet contains one table.");
      List<Read> header = sheet.get(2);
      assertThat(header).hasSize(t.columns().size() + 1).noneMatch(Read::blank);
      for (int c = 0; c < t.columns().size(); c++) {
        assertThat(header.get(c + 1).text()).startsWith(t.columns().get(c).label());
      }
      List<List<Read>> body = sheet.subList(3, sheet.size());
      long shown =
          t.rows().stream()
              .filter(
                  r ->
                      r.kind() != RowKind.HEADING
                          || r.values().stream().anyMatch(v -> !v.isBlank()))
              .count();
      assertThat(body).as("no blank rows, no heading without figures").hasSize((int) shown);
      int b = 0;
      for (PublishedReport.Row r : t.rows()) {
        if (r.kind() == RowKind.HEADING && r.values().stream().allMatch(String::isBlank)) {
          continue;
        }
        List<Read> line = body.get(b++);
        assertThat(line).hasSize(t.columns().size() + 1).noneMatch(Read::blank);
        assertThat(line.get(0).text()).contains(r.label().substring(1));
        for (int c = 0; c < t.columns().size(); c++) {
          String v = r.values().get(c).strip();
          Read cell = line.get(c + 1);
          if (ReportWorkbooks.isNumber(v)) {
            String plain = v.replace(",", "");
            assertThat(cell.kind()).as("%s is a number", v).isEqualTo("n");
            assertThat(cell.number()).isEqualTo(Double.parseDouble(plain));
            assertThat(cell.format())
                .isEqualTo(ReportWorkbooks.format(ReportWorkbooks.scale(plain)));
          } else {
            assertThat(cell.kind()).isEqualTo("s");
            assertThat(cell.text()).isEqualTo(v.isEmpty() ? "[z]" : "[" + v + "]");
          }
        }
      }
    }
    // No code a person would read.
    StringBuilder all = new StringBuilder(String.join("\n", names));
    book.sheets().values().forEach(s -> all.append(text(s)));
    assertThat(CodesInText.in(all.toString())).isEmpty();
    assertThat(all.toString()).doesNotContain("REPORT-SPEC").doesNotContain("row_code");
  }

  @Test
  @DisplayName(
      "a report in the general shape (headings, rows within rows, totals, notes, a comparator,"
          + " symbols, revisions) follows the guidance in XLSX and in ODS")
  void generalShape() throws Exception {
    PublishedReport report = general();
    for (Book book : List.of(xlsx(xlsxOf(report)), ods(odsOf(report)))) {
      followsTheGuidance(book, report);
      List<String> names = new ArrayList<>(book.sheets().keySet());
      // Named by number and title, cut at a word to 31 characters, each its own.
      assertThat(names)
          .containsExactly(
              "Cover",
              "Contents",
              "Notes",
              "Table 6 Timeliness of rapid",
              "Table 7 Timeliness of rapid",
              "Table 7 Timeliness of rapid 2",
              "The Panel\u2019s view",
              "Revisions");
      assertThat(book.sheets().get("The Panel\u2019s view").get(2))
          .extracting(Read::text)
          .containsExactly("Breakdown", "Number", "Share of all (%)");
      List<List<Read>> t6 = book.sheets().get("Table 6 Timeliness of rapid");
      assertThat(t6.get(0).get(0).text())
          .isEqualTo("Table 6: Timeliness of rapid reviews 2020 [note 1] [note 2]");
      assertThat(book.sheets().get("Table 7 Timeliness of rapid").get(0).get(0).text())
          .endsWith("[note 2]");
      assertThat(t6.get(1).get(0).text()).contains("symbol in square brackets");
      assertThat(t6.get(2))
          .extracting(Read::text)
          .containsExactly(
              "Breakdown",
              "Rapid reviews received",
              "Not yet received as at 31 March 2021",
              "Totals",
              "%",
              "Most outstanding (working days)",
              "2018-19 comparator No. of reviews");
      // The heading without figures names the rows within it instead of a blank row.
      assertThat(t6.subList(3, t6.size()))
          .extracting(r -> r.get(0).text())
          .containsExactly(
              "15 working days or fewer",
              "More than 15 working days: 16 to 25 working days",
              "More than 15 working days: 60 working days or more",
              "Total");
      assertThat(t6.get(3).get(1).number()).isEqualTo(1234.0);
      assertThat(t6.get(3).get(3).number()).isEqualTo(1240.0);
      assertThat(t6.get(3).get(4).number()).isEqualTo(21.2);
      assertThat(t6.get(4).get(4).text()).isEqualTo("[low]");
      assertThat(text(book.sheets().get("Cover")))
          .contains("Comparator period")
          .contains("2018-19");
      assertThat(book.sheets().get("Revisions").get(3))
          .extracting(r -> r.kind().equals("n") ? String.valueOf(r.number()) : r.text())
          .containsExactly("Table 6", "Total", "Totals", "1250.0", "1254.0");
    }
  }

  @Test
  @DisplayName(
      "the report of 2020 laid out for publication follows the guidance in XLSX and in ODS,"
          + " every figure as the layout publishes it, no code in any cell")
  void reportOf2020() throws Exception {
    register.notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2020, 6, 1), 7, 2));
    register.notify(Submissions.of("E08000035", "SERIOUS_HARM", LocalDate.of(2020, 6, 1), 8, 1));
    register.notify(Submissions.of("E08000035", "SERIOUS_HARM", LocalDate.of(2020, 9, 3), 2, 3));
    register.notify(Submissions.of("E08000035", "DEATH", LocalDate.of(2021, 1, 10), 1, 1));
    Report report =
        DisclosureControl.apply(
            reports.report(
                new ReportRequest(
                    LocalDate.of(2020, 1, 1),
                    LocalDate.of(2020, 12, 31),
                    LocalDate.of(2021, 3, 31),
                    null,
                    null),
                Viewer.system("test")));
    PublishedReport published = AnnualReportLayout.lay(report, null, "England");
    assertThat(published.tables()).hasSizeGreaterThan(5);
    Book x = xlsx(xlsxOf(published));
    Book o = ods(odsOf(published));
    followsTheGuidance(x, published);
    followsTheGuidance(o, published);
    // The same workbook from the report itself (the command line's and the page's path).
    ByteArrayOutputStream direct = new ByteArrayOutputStream();
    ReportWorkbooks.xlsx(report, direct);
    assertThat(shown(xlsx(direct.toByteArray()))).isEqualTo(shown(x));
    ByteArrayOutputStream directOds = new ByteArrayOutputStream();
    ReportWorkbooks.ods(report, directOds);
    assertThat(shown(ods(directOds.toByteArray()))).isEqualTo(shown(o));
    // The two formats hold the same cells.
    assertThat(shown(o)).isEqualTo(shown(x));
  }
}
