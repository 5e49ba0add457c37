package uk.gov.observatory.analytics;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;
import org.odftoolkit.odfdom.doc.table.OdfTableCell;
import org.odftoolkit.odfdom.dom.OdfContentDom;
import org.odftoolkit.odfdom.dom.style.OdfStyleFamily;
import org.odftoolkit.odfdom.incubator.doc.number.OdfNumberStyle;
import org.odftoolkit.odfdom.incubator.doc.office.OdfOfficeAutomaticStyles;
import org.odftoolkit.odfdom.incubator.doc.style.OdfStyle;

/**
 * A report as a spreadsheet workbook, XLSX or ODS: an "About" sheet with the request, then one
 * sheet a table, named by its id, with the table's title, a header row of column codes and one row
 * a row code. A value that is a plain decimal number is a numeric cell shown with the same decimal
 * places as the tidy CSV; any other value is text; a blank value is an empty cell.
 */
public final class ReportWorkbooks {

  /** A plain decimal: no exponent, no leading zeros, no sign but minus, at most 15 digits. */
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,14})(\\.[0-9]{1,14})?");

  static final String ABOUT = "About";
  static final String NOTE =
      "Table, row and column codes follow REPORT-SPEC.md; the same cells as tidy CSV:"
          + " table_id,row_code,column_code,value.";

  private ReportWorkbooks() {}

  /** Whether a value is written as a numeric cell. */
  public static boolean isNumber(String value) {
    return value != null && NUMBER.matcher(value).matches();
  }

  /** The decimal places a numeric value is shown with: "33.3" has 1. */
  static int scale(String number) {
    int dot = number.indexOf('.');
    return dot < 0 ? 0 : number.length() - dot - 1;
  }

  /** The number format for a scale: "0", "0.0", "0.00"... */
  static String format(int scale) {
    return scale == 0 ? "0" : "0." + "0".repeat(scale);
  }

  static List<String[]> about(Report report) {
    ReportRequest r = report.request();
    String area =
        r.laCode() != null
            ? "Local authority " + r.laCode()
            : r.regionCode() != null ? "Region " + r.regionCode() : "England";
    return List.of(
        new String[] {"Observatory report"},
        new String[] {"from", String.valueOf(r.from())},
        new String[] {"to", String.valueOf(r.to())},
        new String[] {"as_at", String.valueOf(r.asAt())},
        new String[] {"area", area},
        new String[] {"note", NOTE});
  }

  /** The report as an Office Open XML workbook (.xlsx). */
  public static void xlsx(Report report, OutputStream out) throws IOException {
    xlsx(about(report), sheets(report), out);
  }

  /** The published report as an Office Open XML workbook (.xlsx): a sheet a table, in words. */
  public static void xlsx(PublishedReport report, OutputStream out) throws IOException {
    xlsx(about(report), sheets(report), out);
  }

  /**
   * One sheet: its name, its title, its header row and its rows (the first value a row's label).
   */
  record Sheet(String name, String title, List<String> header, List<List<String>> rows) {}

  static List<Sheet> sheets(Report report) {
    List<Sheet> out = new java.util.ArrayList<>();
    for (Map.Entry<String, List<Cell>> t : report.tables().entrySet()) {
      TableGrid grid = TableGrid.of(t.getKey(), t.getValue());
      List<String> header = new java.util.ArrayList<>();
      header.add("row_code");
      header.addAll(grid.columns());
      List<List<String>> rows = new java.util.ArrayList<>();
      for (Map.Entry<String, Map<String, String>> line : grid.rows().entrySet()) {
        List<String> row = new java.util.ArrayList<>();
        row.add(line.getKey());
        grid.columns().forEach(c -> row.add(line.getValue().getOrDefault(c, "")));
        rows.add(row);
      }
      out.add(new Sheet(t.getKey(), grid.title(), header, rows));
    }
    return out;
  }

  static List<Sheet> sheets(PublishedReport report) {
    List<Sheet> out = new java.util.ArrayList<>();
    for (PublishedReport.Table t : report.tables()) {
      List<String> header = new java.util.ArrayList<>();
      header.add("");
      t.columns().forEach(c -> header.add(c.label()));
      List<List<String>> rows = new java.util.ArrayList<>();
      for (PublishedReport.Row r : t.rows()) {
        List<String> row = new java.util.ArrayList<>();
        row.add(r.label());
        row.addAll(r.values());
        rows.add(row);
      }
      out.add(new Sheet(t.id(), t.caption(), header, rows));
    }
    return out;
  }

  static List<String[]> about(PublishedReport report) {
    return List.of(
        new String[] {report.title()},
        new String[] {"Incidents from", uk.gov.observatory.web.Fmt.dateOf(report.from())},
        new String[] {"Incidents to", uk.gov.observatory.web.Fmt.dateOf(report.to())},
        new String[] {"As at", uk.gov.observatory.web.Fmt.dateOf(report.asAt())},
        new String[] {"Area", report.area()});
  }

  private static void xlsx(List<String[]> lines, List<Sheet> sheets, OutputStream out)
      throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      org.apache.poi.ss.usermodel.Sheet about = book.createSheet(ABOUT);
      for (int i = 0; i < lines.size(); i++) {
        Row row = about.createRow(i);
        for (int j = 0; j < lines.get(i).length; j++) {
          row.createCell(j).setCellValue(lines.get(i)[j]);
        }
      }
      Map<Integer, CellStyle> styles = new HashMap<>();
      for (Sheet s : sheets) {
        org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet(s.name());
        sheet.createRow(0).createCell(0).setCellValue(s.title());
        Row header = sheet.createRow(1);
        for (int j = 0; j < s.header().size(); j++) {
          header.createCell(j).setCellValue(s.header().get(j));
        }
        int r = 2;
        for (List<String> line : s.rows()) {
          Row row = sheet.createRow(r++);
          row.createCell(0).setCellValue(line.get(0));
          for (int j = 1; j < line.size(); j++) {
            String value = line.get(j);
            if (value == null || value.isEmpty()) {
              continue;
            }
            var cell = row.createCell(j);
            if (isNumber(value)) {
              cell.setCellValue(Double.parseDouble(value));
              cell.setCellStyle(
                  styles.computeIfAbsent(
                      scale(value),
                      k -> {
                        CellStyle style = book.createCellStyle();
                        style.setDataFormat(book.createDataFormat().getFormat(format(k)));
                        return style;
                      }));
            } else {
              cell.setCellValue(value);
            }
          }
        }
      }
      book.write(out);
    }
    out.flush();
  }

  /** The report as an OpenDocument spreadsheet (.ods). */
  public static void ods(Report report, OutputStream out) throws IOException {
    ods(about(report), sheets(report), out);
  }

  /** The published report as an OpenDocument spreadsheet (.ods): a sheet a table, in words. */
  public static void ods(PublishedReport report, OutputStream out) throws IOException {
    ods(about(report), sheets(report), out);
  }

  private static void ods(List<String[]> lines, List<Sheet> sheets, OutputStream out)
      throws IOException {
    try (OdfSpreadsheetDocument doc = OdfSpreadsheetDocument.newSpreadsheetDocument()) {
      // A new document has one empty sheet: it becomes "About".
      List<OdfTable> existing = doc.getTableList(false);
      OdfTable about = existing.isEmpty() ? OdfTable.newTable(doc) : existing.get(0);
      for (int i = 1; i < existing.size(); i++) {
        existing.get(i).remove();
      }
      about.setTableName(ABOUT);
      for (int i = 0; i < lines.size(); i++) {
        for (int j = 0; j < lines.get(i).length; j++) {
          about.getCellByPosition(j, i).setStringValue(lines.get(i)[j]);
        }
      }
      Map<Integer, String> styles = new HashMap<>();
      for (Sheet s : sheets) {
        OdfTable sheet = OdfTable.newTable(doc, s.rows().size() + 2, s.header().size());
        sheet.setTableName(s.name());
        sheet.getCellByPosition(0, 0).setStringValue(s.title());
        for (int j = 0; j < s.header().size(); j++) {
          sheet.getCellByPosition(j, 1).setStringValue(s.header().get(j));
        }
        int r = 2;
        for (List<String> line : s.rows()) {
          sheet.getCellByPosition(0, r).setStringValue(line.get(0));
          for (int j = 1; j < line.size(); j++) {
            String value = line.get(j);
            if (value == null || value.isEmpty()) {
              continue;
            }
            OdfTableCell cell = sheet.getCellByPosition(j, r);
            if (isNumber(value)) {
              cell.setDoubleValue(Double.parseDouble(value));
              cell.getOdfElement()
                  .setTableStyleNameAttribute(
                      styles.computeIfAbsent(scale(value), k -> odsNumberStyle(doc, k)));
              cell.setDisplayText(value);
            } else {
              cell.setStringValue(value);
            }
          }
          r++;
        }
      }
      doc.save(out);
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot write the ODS workbook: " + e.getMessage(), e);
    }
    out.flush();
  }

  /**
   * A cell style showing numbers with {@code scale} decimal places: odfdom's own {@code
   * setFormatString} adds a number style a cell but links none of them to the cell.
   */
  private static String odsNumberStyle(OdfSpreadsheetDocument doc, int scale) {
    try {
      OdfContentDom content = doc.getContentDom();
      OdfOfficeAutomaticStyles automatic = content.getOrCreateAutomaticStyles();
      String dataStyle = "N" + scale;
      automatic.appendChild(new OdfNumberStyle(content, format(scale), dataStyle));
      OdfStyle style = automatic.newStyle(OdfStyleFamily.TableCell);
      style.setStyleDataStyleNameAttribute(dataStyle);
      return style.getStyleNameAttribute();
    } catch (Exception e) {
      throw new IllegalStateException("cannot add a number style to the ODS workbook", e);
    }
  }
}
