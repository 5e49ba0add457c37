package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;
import org.odftoolkit.odfdom.doc.table.OdfTableCell;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;

/** The XLSX and ODS workbooks, read back with the libraries that wrote them, hold the tidy CSV. */
@RegisterTest
class ReportWorkbooksTest {

  @Autowired NotificationRegister register;
  @Autowired Reports reports;

  Report report;
  List<String> tidy;

  /** (table, row, column) of every tidy cell: some tables' grids have holes (D3's PERCENT). */
  Set<String> positions;

  @BeforeEach
  void report() throws Exception {
    register.notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2020, 6, 1), 7, 2));
    register.notify(Submissions.of("E08000035", "SERIOUS_HARM", LocalDate.of(2020, 6, 1), 8, 1));
    register.notify(Submissions.of("E08000035", "SERIOUS_HARM", LocalDate.of(2020, 9, 3), 2, 3));
    register.notify(Submissions.of("E08000035", "DEATH", LocalDate.of(2021, 1, 10), 1, 1));
    report =
        reports.report(
            new ReportRequest(
                LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 12, 31),
                LocalDate.of(2021, 3, 31),
                null,
                null),
            Viewer.system("test"));
    StringWriter csv = new StringWriter();
    ReportWriter.csv(report, csv);
    tidy = new ArrayList<>();
    positions = new HashSet<>();
    for (CSVRecord r :
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv.toString()))) {
      tidy.add(line(r.get(0), r.get(1), r.get(2), r.get(3)));
      positions.add(line(r.get(0), r.get(1), r.get(2), ""));
    }
    // The comparison means something only with many tables, numbers, percentages and blanks.
    assertThat(report.tables()).hasSizeGreaterThan(5);
    assertThat(tidy).hasSizeGreaterThan(50);
    assertThat(tidy).anyMatch(l -> l.endsWith("|2"));
    assertThat(tidy).anyMatch(l -> l.matches(".*\\|[0-9]+\\.[0-9]$"));
    assertThat(tidy).anyMatch(l -> l.endsWith("|"));
  }

  static String line(String table, String row, String column, String value) {
    return table + "|" + row + "|" + column + "|" + value;
  }

  /**
   * Adds a cell read back from a workbook. A grid position the report has no cell for must be
   * empty, and is not a cell.
   */
  void readBack(List<String> back, String table, String row, String column, String value) {
    if (positions.contains(line(table, row, column, ""))) {
      back.add(line(table, row, column, value));
    } else {
      assertThat(value).as("%s %s %s is not a cell of the report", table, row, column).isEmpty();
    }
  }

  @Test
  @DisplayName("the XLSX workbook, read back with POI, holds exactly the tidy CSV's cells")
  void xlsxHoldsTheTidyCells() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportWorkbooks.xlsx(report, bytes);
    DataFormatter formatter = new DataFormatter(Locale.ROOT);
    List<String> back = new ArrayList<>();
    List<String> sheets = new ArrayList<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
      Sheet about = book.getSheetAt(0);
      assertThat(about.getSheetName()).isEqualTo("About");
      List<String> aboutText = new ArrayList<>();
      about.forEach(r -> r.forEach(c -> aboutText.add(c.getStringCellValue())));
      assertThat(aboutText)
          .containsSequence("from", "2020-01-01")
          .containsSequence("to", "2020-12-31")
          .containsSequence("as_at", "2021-03-31")
          .containsSequence("area", "England");
      assertThat(String.join(" ", aboutText)).contains("REPORT-SPEC.md");
      for (int s = 1; s < book.getNumberOfSheets(); s++) {
        Sheet sheet = book.getSheetAt(s);
        String table = sheet.getSheetName();
        sheets.add(table);
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
            .isEqualTo(TableTitles.of(table));
        Row header = sheet.getRow(1);
        assertThat(header.getCell(0).getStringCellValue()).isEqualTo("row_code");
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
          Row row = sheet.getRow(r);
          String rowCode = row.getCell(0).getStringCellValue();
          for (int c = 1; c < header.getLastCellNum(); c++) {
            String column = header.getCell(c).getStringCellValue();
            var cell = row.getCell(c);
            String value;
            if (cell == null || cell.getCellType() == CellType.BLANK) {
              value = "";
            } else if (cell.getCellType() == CellType.NUMERIC) {
              value = formatter.formatCellValue(cell);
              assertThat(cell.getNumericCellValue()).isEqualTo(Double.parseDouble(value));
            } else {
              assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
              value = cell.getStringCellValue();
              assertThat(ReportWorkbooks.isNumber(value)).as("%s is text", value).isFalse();
            }
            readBack(back, table, rowCode, column, value);
          }
        }
      }
    }
    assertThat(sheets).containsExactlyElementsOf(report.tables().keySet());
    assertThat(back).containsExactlyElementsOf(tidy);
  }

  @Test
  @DisplayName("the ODS workbook, read back with odfdom, holds exactly the tidy CSV's cells")
  void odsHoldsTheTidyCells() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportWorkbooks.ods(report, bytes);
    List<String> back = new ArrayList<>();
    List<String> sheets = new ArrayList<>();
    try (OdfSpreadsheetDocument doc =
        OdfSpreadsheetDocument.loadDocument(new ByteArrayInputStream(bytes.toByteArray()))) {
      List<OdfTable> tables = doc.getTableList(false);
      OdfTable about = tables.get(0);
      assertThat(about.getTableName()).isEqualTo("About");
      List<String> aboutText = new ArrayList<>();
      for (int r = 0; r < 6; r++) {
        for (int c = 0; c < 2; c++) {
          aboutText.add(about.getCellByPosition(c, r).getStringValue());
        }
      }
      assertThat(aboutText)
          .containsSequence("from", "2020-01-01")
          .containsSequence("to", "2020-12-31")
          .containsSequence("as_at", "2021-03-31")
          .containsSequence("area", "England");
      assertThat(String.join(" ", aboutText)).contains("REPORT-SPEC.md");
      for (OdfTable sheet : tables.subList(1, tables.size())) {
        String table = sheet.getTableName();
        sheets.add(table);
        assertThat(sheet.getCellByPosition(0, 0).getStringValue()).isEqualTo(TableTitles.of(table));
        assertThat(sheet.getCellByPosition(0, 1).getStringValue()).isEqualTo("row_code");
        List<String> columns = new ArrayList<>();
        for (int c = 1; c < sheet.getColumnCount(); c++) {
          columns.add(sheet.getCellByPosition(c, 1).getStringValue());
        }
        for (int r = 2; r < sheet.getRowCount(); r++) {
          String rowCode = sheet.getCellByPosition(0, r).getStringValue();
          for (int c = 1; c <= columns.size(); c++) {
            OdfTableCell cell = sheet.getCellByPosition(c, r);
            String type = cell.getValueType();
            String value;
            if (type == null) {
              value = cell.getDisplayText();
              assertThat(value).isEmpty();
            } else if (type.equals("float")) {
              value = cell.getDisplayText();
              assertThat(cell.getDoubleValue()).isEqualTo(Double.parseDouble(value));
              // Shown with the tidy value's decimal places, so a spreadsheet shows 50.0 as 50.0.
              assertThat(cell.getFormatString())
                  .isEqualTo(ReportWorkbooks.format(ReportWorkbooks.scale(value)));
            } else {
              assertThat(type).isEqualTo("string");
              value = cell.getStringValue();
              assertThat(ReportWorkbooks.isNumber(value)).as("%s is text", value).isFalse();
            }
            readBack(back, table, rowCode, columns.get(c - 1), value);
          }
        }
      }
    }
    assertThat(sheets).containsExactlyElementsOf(report.tables().keySet());
    assertThat(back).containsExactlyElementsOf(tidy);
  }
}
