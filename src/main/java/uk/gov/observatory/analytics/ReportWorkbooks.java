package uk.gov.observatory.analytics;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;
import org.odftoolkit.odfdom.doc.table.OdfTableCell;
import org.odftoolkit.odfdom.dom.OdfContentDom;
import org.odftoolkit.odfdom.dom.element.text.TextAElement;
import org.odftoolkit.odfdom.dom.element.text.TextPElement;
import org.odftoolkit.odfdom.dom.style.OdfStyleFamily;
import org.odftoolkit.odfdom.incubator.doc.number.OdfNumberStyle;
import org.odftoolkit.odfdom.incubator.doc.office.OdfOfficeAutomaticStyles;
import org.odftoolkit.odfdom.incubator.doc.style.OdfStyle;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.reference.Region;
import uk.gov.observatory.web.Fmt;

/**
 * A published report as a spreadsheet workbook, XLSX or ODS, following the Government Analysis
 * Function's guidance on releasing statistics in spreadsheets:
 *
 * <ul>
 *   <li>a cover sheet: the title in A1, then the period, the as-at date and the area (UK dates),
 *       the source, what each symbol means and whom to contact, all in column A;
 *   <li>a contents sheet: each sheet's name (a link to it) and its table's title;
 *   <li>a notes sheet: every footnote once, numbered "note 1", "note 2"..., each referred to as
 *       "[note N]" in the title of the tables it belongs to;
 *   <li>one sheet a table, named by its number and title (at most 31 characters, each its own): the
 *       title in A1, a line saying how many tables the sheet has, then the table from row 3 with a
 *       header row of labelled columns and a row a label; a row within another is labelled with
 *       both ("Known to children's social care: child in need"), so no row relies on indentation
 *       and no heading row is left blank;
 *   <li>a revisions sheet when figures changed since the last published edition.
 * </ul>
 *
 * <p>Figures are numbers (percentages too, 21.2 not 0.212) shown with thousands separators and the
 * published decimal places; a symbol is text in square brackets ("[c]"); a blank figure (none
 * applies) is "[z]". No merged cells, no blank rows or cells inside a table, no codes.
 */
public final class ReportWorkbooks {

  /** A plain decimal: no exponent, no leading zeros, no sign but minus, at most 15 digits. */
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,14})(\\.[0-9]{1,14})?");

  /** A number written with thousands separators: "1,234" or "12,345.6". */
  private static final Pattern GROUPED =
      Pattern.compile("-?[1-9][0-9]{0,2}(,[0-9]{3})+(\\.[0-9]+)?");

  static final String COVER = "Cover";
  static final String CONTENTS = "Contents";
  static final String NOTES = "Notes";
  static final String REVISIONS = "Revisions";

  /** The most characters a sheet's name may have (Excel's limit). */
  static final int NAME_LIMIT = 31;

  /** The symbols a figure may be, and what each means (GSS). */
  static final Map<String, String> SYMBOLS = new LinkedHashMap<>();

  static {
    SYMBOLS.put(
        "c",
        "confidential: a count of 1 or 2, or a figure that would reveal one, and its percentage");
    SYMBOLS.put("low", "a percentage that rounds to 0.0 but is not zero");
    SYMBOLS.put("z", "not applicable");
    SYMBOLS.put("x", "not available");
  }

  static final String SOURCE =
      "The national register of serious child safeguarding incidents in England (Observatory):"
          + " local authorities' notifications to the Child Safeguarding Practice Review Panel,"
          + " with their rapid reviews and local child safeguarding practice reviews. Figures are"
          + " controlled for disclosure.";

  static final String CONTACT =
      "The Child Safeguarding Practice Review Panel's secretariat:"
          + " observatory-support@example.gov.uk (an example address while the service is being"
          + " built)";

  /** The heading of a table's first column, the rows' labels. */
  static final String ROW_HEADING = "Breakdown";

  private ReportWorkbooks() {}

  /** Whether a value is written as a numeric cell. */
  public static boolean isNumber(String value) {
    return value != null && (NUMBER.matcher(value).matches() || GROUPED.matcher(value).matches());
  }

  /** The decimal places a numeric value is shown with: "33.3" has 1. */
  static int scale(String number) {
    int dot = number.indexOf('.');
    return dot < 0 ? 0 : number.length() - dot - 1;
  }

  /** The number format for a scale, with thousands separators: "#,##0", "#,##0.0"... */
  static String format(int scale) {
    return scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale);
  }

  // ---------------------------------------------------------------- the workbook, format-free

  /** What a cell holds: text, a number (with its decimal places), or a link to a sheet. */
  record WCell(String text, Double number, int scale, String link, boolean strong) {

    static WCell text(String s) {
      return new WCell(s, null, 0, null, false);
    }

    static WCell strong(String s) {
      return new WCell(s, null, 0, null, true);
    }

    static WCell link(String sheet) {
      return new WCell(sheet, null, 0, sheet, false);
    }

    /** A published figure: a number as a number, a symbol in brackets, blank as "[z]". */
    static WCell figure(String value) {
      if (value == null || value.isBlank()) {
        return text("[z]");
      }
      String v = value.strip();
      if (isNumber(v)) {
        String plain = v.replace(",", "");
        return new WCell(
            plain, Double.parseDouble(plain), ReportWorkbooks.scale(plain), null, false);
      }
      return text(SYMBOLS.containsKey(v) ? "[" + v + "]" : v);
    }
  }

  /**
   * One sheet: its name, its rows (the first its title), the row its table's header is on (or -1
   * when it has no table) and its columns' widths in characters.
   */
  record WSheet(String name, List<List<WCell>> rows, int headerRow, List<Integer> widths) {}

  /** The workbook's title (for the file's properties) and its sheets, in order. */
  record Workbook(String title, List<WSheet> sheets) {}

  /** The published report as its workbook: cover, contents, notes, a sheet a table, revisions. */
  static Workbook workbook(PublishedReport report) {
    // Notes: every footnote once, numbered in the order the tables give them.
    Map<String, Integer> notes = new LinkedHashMap<>();
    for (PublishedReport.Table t : report.tables()) {
      for (String f : t.footnotes() == null ? List.<String>of() : t.footnotes()) {
        if (f != null && !f.isBlank()) {
          notes.putIfAbsent(f.strip(), notes.size() + 1);
        }
      }
    }
    Set<String> taken = new HashSet<>();
    for (String fixed : List.of(COVER, CONTENTS, NOTES, REVISIONS)) {
      taken.add(fixed.toLowerCase(Locale.ROOT));
    }
    List<WSheet> tables = new ArrayList<>();
    List<List<WCell>> contents = new ArrayList<>();
    contents.add(List.of(WCell.strong("Contents")));
    contents.add(List.of(WCell.text("This worksheet contains one table.")));
    contents.add(List.of(WCell.strong("Sheet name"), WCell.strong("Table title")));
    contents.add(
        List.of(
            WCell.link(NOTES),
            WCell.text(
                notes.isEmpty()
                    ? "Notes to the tables (these tables have none)"
                    : "Notes to the tables")));
    for (PublishedReport.Table t : report.tables()) {
      String name = sheetName(t, taken);
      tables.add(tableSheet(name, t, notes));
      contents.add(List.of(WCell.link(name), WCell.text(t.caption())));
    }
    boolean revised = report.revisions() != null && !report.revisions().isEmpty();
    if (revised) {
      contents.add(
          List.of(
              WCell.link(REVISIONS),
              WCell.text("Figures changed since the last published edition")));
    }
    List<WSheet> sheets = new ArrayList<>();
    sheets.add(cover(report, revised));
    sheets.add(new WSheet(CONTENTS, contents, 2, List.of(36, 90)));
    sheets.add(notesSheet(notes));
    sheets.addAll(tables);
    if (revised) {
      sheets.add(revisionsSheet(report.revisions()));
    }
    return new Workbook(report.title(), sheets);
  }

  static WSheet cover(PublishedReport report, boolean revised) {
    List<List<WCell>> rows = new ArrayList<>();
    String period = Fmt.dateOf(report.from()) + " to " + Fmt.dateOf(report.to());
    rows.add(List.of(WCell.strong(report.title())));
    rows.add(
        List.of(
            WCell.text(
                "The tables of the Child Safeguarding Practice Review Panel's report on serious"
                    + " incident notifications for "
                    + report.area()
                    + ": incidents from "
                    + period
                    + ", as the register stood on "
                    + Fmt.dateOf(report.asAt())
                    + ".")));
    heading(rows, "Period covered", "Incidents from " + period);
    heading(rows, "Data as at", Fmt.dateOf(report.asAt()));
    heading(rows, "Area", report.area());
    if (report.comparatorPeriod() != null && !report.comparatorPeriod().isBlank()) {
      heading(rows, "Comparator period", report.comparatorPeriod());
    }
    heading(rows, "Source", SOURCE);
    rows.add(List.of(WCell.strong("Symbols used")));
    rows.add(
        List.of(WCell.text("Some cells show a symbol in square brackets instead of a figure:")));
    SYMBOLS.forEach((s, words) -> rows.add(List.of(WCell.text("[" + s + "] " + words))));
    heading(
        rows,
        "Notes",
        "Notes to the tables are on the Notes sheet; a table's title refers to them as [note 1],"
            + " [note 2] and so on.");
    if (revised) {
      heading(
          rows,
          "Revisions",
          "Some figures changed since the last published edition: the Revisions sheet lists them.");
    }
    heading(rows, "Contact", CONTACT);
    return new WSheet(COVER, rows, -1, List.of(120));
  }

  private static void heading(List<List<WCell>> rows, String heading, String text) {
    rows.add(List.of(WCell.strong(heading)));
    rows.add(List.of(WCell.text(text)));
  }

  static WSheet notesSheet(Map<String, Integer> notes) {
    List<List<WCell>> rows = new ArrayList<>();
    rows.add(List.of(WCell.strong("Notes")));
    if (notes.isEmpty()) {
      rows.add(
          List.of(WCell.text("This worksheet contains no table: these tables have no notes.")));
      return new WSheet(NOTES, rows, -1, List.of(100));
    }
    rows.add(List.of(WCell.text("This worksheet contains one table.")));
    rows.add(List.of(WCell.strong("Note number"), WCell.strong("Note text")));
    notes.forEach((text, n) -> rows.add(List.of(WCell.text("note " + n), WCell.text(text))));
    return new WSheet(NOTES, rows, 2, List.of(14, 110));
  }

  static WSheet revisionsSheet(List<PublishedReport.Revision> revisions) {
    List<List<WCell>> rows = new ArrayList<>();
    rows.add(List.of(WCell.strong("Revisions: figures changed since the last published edition")));
    rows.add(List.of(WCell.text("This worksheet contains one table.")));
    rows.add(
        List.of(
            WCell.strong("Table"),
            WCell.strong("Row"),
            WCell.strong("Column"),
            WCell.strong("Previously published"),
            WCell.strong("Now")));
    for (PublishedReport.Revision r : revisions) {
      rows.add(
          List.of(
              WCell.text(r.table()),
              WCell.text(r.row()),
              WCell.text(r.column()),
              WCell.figure(r.before()),
              WCell.figure(r.after())));
    }
    return new WSheet(REVISIONS, rows, 2, List.of(40, 50, 40, 22, 22));
  }

  static WSheet tableSheet(String name, PublishedReport.Table t, Map<String, Integer> notes) {
    List<List<WCell>> rows = new ArrayList<>();
    StringBuilder title = new StringBuilder(t.caption());
    for (String f : t.footnotes() == null ? List.<String>of() : t.footnotes()) {
      if (f != null && !f.isBlank()) {
        title.append(" [note ").append(notes.get(f.strip())).append(']');
      }
    }
    rows.add(List.of(WCell.strong(title.toString())));
    List<List<WCell>> body = new ArrayList<>();
    String parent = null;
    boolean symbols = false;
    for (PublishedReport.Row r : t.rows()) {
      boolean empty = r.values().stream().allMatch(v -> v == null || v.isBlank());
      String label = r.label();
      switch (r.kind()) {
        case HEADING -> {
          parent = r.label();
          if (empty) {
            continue; // a heading without figures names the rows below it instead
          }
        }
        case SUBROW -> label = parent == null ? label : parent + ": " + lower(label);
        default -> parent = r.label();
      }
      List<WCell> line = new ArrayList<>();
      line.add(WCell.text(label));
      for (int i = 0; i < t.columns().size(); i++) {
        WCell c = WCell.figure(i < r.values().size() ? r.values().get(i) : "");
        symbols |= c.number() == null;
        line.add(c);
      }
      body.add(line);
    }
    rows.add(
        List.of(
            WCell.text(
                "This worksheet contains one table."
                    + (symbols
                        ? " A symbol in square brackets stands in for a figure: the cover sheet"
                            + " says what each means."
                        : ""))));
    List<WCell> header = new ArrayList<>();
    header.add(WCell.strong(ROW_HEADING));
    List<Integer> widths = new ArrayList<>();
    widths.add(60);
    for (PublishedReport.Column c : t.columns()) {
      header.add(WCell.strong(columnHeading(c)));
      widths.add(Math.max(14, Math.min(40, columnHeading(c).length() + 2)));
    }
    rows.add(header);
    rows.addAll(body);
    return new WSheet(name, rows, 2, widths);
  }

  /** A column's heading, saying its unit when its label does not. */
  static String columnHeading(PublishedReport.Column c) {
    String label = c.label();
    String l = label.toLowerCase(Locale.ROOT);
    if (c.unit() == PublishedReport.Unit.PERCENT && !l.contains("%") && !l.contains("percent")) {
      return label + " (%)";
    }
    if (c.unit() == PublishedReport.Unit.WORKING_DAYS && !l.contains("working day")) {
      return label + " (working days)";
    }
    return label;
  }

  /** A label after a colon: its first letter lower case unless it starts an acronym or name. */
  private static String lower(String label) {
    if (label.length() > 1
        && Character.isUpperCase(label.charAt(0))
        && Character.isLowerCase(label.charAt(1))) {
      return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
    return label;
  }

  /**
   * A table's sheet name: its number and title ("Table 6 Timeliness of rapid reviews"), without the
   * characters a sheet name may not have, cut at a word to 31 characters, and made its own.
   */
  static String sheetName(PublishedReport.Table t, Set<String> taken) {
    String words =
        t.number() == null || t.number().isBlank() ? t.title() : t.number() + " " + t.title();
    // An apostrophe would need escaping in every link to the sheet: a typographic one does not.
    String clean =
        words
            .replace('\'', '\u2019')
            .replaceAll("[\\[\\]:*?/\\\\]", " ")
            .replaceAll("\\s+", " ")
            .strip();
    if (clean.isEmpty()) {
      clean = "Table";
    }
    String name = cut(clean, NAME_LIMIT);
    int n = 2;
    while (taken.contains(name.toLowerCase(Locale.ROOT))) {
      String suffix = " " + n++;
      name = cut(clean, NAME_LIMIT - suffix.length()) + suffix;
    }
    taken.add(name.toLowerCase(Locale.ROOT));
    return name;
  }

  /** Words a cut name does not end on. */
  private static final Set<String> SMALL_WORDS =
      Set.of("a", "an", "and", "by", "for", "in", "of", "on", "or", "the", "to", "with");

  private static String cut(String words, int limit) {
    if (words.length() <= limit) {
      return words;
    }
    int space = words.lastIndexOf(' ', limit);
    String cut =
        (space > limit / 2 ? words.substring(0, space) : words.substring(0, limit)).strip();
    int last = cut.lastIndexOf(' ');
    while (last > limit / 2
        && SMALL_WORDS.contains(cut.substring(last + 1).toLowerCase(Locale.ROOT))) {
      cut = cut.substring(0, last).strip();
      last = cut.lastIndexOf(' ');
    }
    return cut;
  }

  // ---------------------------------------------------------------- a Report, laid out first

  private static final ReferenceData PLACES = ReferenceData.fromClasspath();

  /** Where a report covers, in words: England, a region's or a local authority's name. */
  static String areaName(ReportRequest r) {
    if (r == null) {
      return "England";
    }
    if (r.laCode() != null) {
      return PLACES.localAuthority(r.laCode()).map(LocalAuthority::name).orElse(r.laCode());
    }
    if (r.regionCode() != null) {
      return PLACES.regions().stream()
          .filter(g -> g.code().equals(r.regionCode()))
          .map(Region::name)
          .findFirst()
          .orElse(r.regionCode());
    }
    return "England";
  }

  /** The report as an Office Open XML workbook (.xlsx), laid out as the Panel publishes it. */
  public static void xlsx(Report report, OutputStream out) throws IOException {
    xlsx(AnnualReportLayout.lay(report, null, areaName(report.request())), out);
  }

  /** The report as an OpenDocument spreadsheet (.ods), laid out as the Panel publishes it. */
  public static void ods(Report report, OutputStream out) throws IOException {
    ods(AnnualReportLayout.lay(report, null, areaName(report.request())), out);
  }

  // ---------------------------------------------------------------- XLSX

  /** The published report as an Office Open XML workbook (.xlsx). */
  public static void xlsx(PublishedReport report, OutputStream out) throws IOException {
    Workbook w = workbook(report);
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      book.getProperties().getCoreProperties().setTitle(w.title());
      book.getProperties().getCoreProperties().setCreator("Observatory");
      Font bold = book.createFont();
      bold.setBold(true);
      CellStyle strong = book.createCellStyle();
      strong.setFont(bold);
      strong.setWrapText(false);
      Font big = book.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);
      CellStyle title = book.createCellStyle();
      title.setFont(big);
      Font underline = book.createFont();
      underline.setUnderline(Font.U_SINGLE);
      underline.setColor(org.apache.poi.ss.usermodel.IndexedColors.BLUE.getIndex());
      CellStyle link = book.createCellStyle();
      link.setFont(underline);
      Map<Integer, CellStyle> numbers = new HashMap<>();
      var helper = book.getCreationHelper();
      for (WSheet s : w.sheets()) {
        org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet(s.name());
        for (int j = 0; j < s.widths().size(); j++) {
          sheet.setColumnWidth(j, Math.min(255, s.widths().get(j)) * 256);
        }
        for (int i = 0; i < s.rows().size(); i++) {
          Row row = sheet.createRow(i);
          List<WCell> line = s.rows().get(i);
          for (int j = 0; j < line.size(); j++) {
            WCell c = line.get(j);
            var cell = row.createCell(j);
            if (c.number() != null) {
              cell.setCellValue(c.number());
              cell.setCellStyle(
                  numbers.computeIfAbsent(
                      c.scale(),
                      k -> {
                        CellStyle style = book.createCellStyle();
                        style.setDataFormat(book.createDataFormat().getFormat(format(k)));
                        return style;
                      }));
            } else {
              cell.setCellValue(c.text());
              if (c.link() != null) {
                Hyperlink h = helper.createHyperlink(HyperlinkType.DOCUMENT);
                h.setAddress("'" + c.link() + "'!A1");
                cell.setHyperlink(h);
                cell.setCellStyle(link);
              } else if (i == 0 && j == 0) {
                cell.setCellStyle(title);
              } else if (c.strong()) {
                cell.setCellStyle(strong);
              }
            }
          }
        }
      }
      book.write(out);
    }
    out.flush();
  }

  // ---------------------------------------------------------------- ODS

  /** The published report as an OpenDocument spreadsheet (.ods). */
  public static void ods(PublishedReport report, OutputStream out) throws IOException {
    Workbook w = workbook(report);
    try (OdfSpreadsheetDocument doc = OdfSpreadsheetDocument.newSpreadsheetDocument()) {
      doc.getOfficeMetadata().setTitle(w.title());
      // A new document has one empty sheet: it becomes the cover.
      List<OdfTable> existing = doc.getTableList(false);
      for (int i = 1; i < existing.size(); i++) {
        existing.get(i).remove();
      }
      Map<Integer, String> styles = new HashMap<>();
      boolean first = true;
      for (WSheet s : w.sheets()) {
        int width = s.rows().stream().mapToInt(List::size).max().orElse(1);
        OdfTable sheet;
        if (first && !existing.isEmpty()) {
          sheet = existing.get(0);
        } else {
          sheet = OdfTable.newTable(doc, s.rows().size(), width);
        }
        first = false;
        sheet.setTableName(s.name());
        for (int j = 0; j < s.widths().size(); j++) {
          // about 2 mm a character
          sheet.getColumnByIndex(j).setWidth(Math.min(255, s.widths().get(j)) * 2L);
        }
        for (int i = 0; i < s.rows().size(); i++) {
          List<WCell> line = s.rows().get(i);
          for (int j = 0; j < line.size(); j++) {
            WCell c = line.get(j);
            OdfTableCell cell = sheet.getCellByPosition(j, i);
            if (c.number() != null) {
              cell.setDoubleValue(c.number());
              cell.getOdfElement()
                  .setTableStyleNameAttribute(
                      styles.computeIfAbsent(c.scale(), k -> odsNumberStyle(doc, k)));
              cell.setDisplayText(displayed(c));
            } else if (c.link() != null) {
              cell.getOdfElement().setOfficeValueTypeAttribute("string");
              TextPElement p = cell.getOdfElement().newTextPElement();
              TextAElement a = p.newTextAElement("#'" + c.link() + "'.A1", "simple");
              a.setTextContent(c.text());
            } else {
              cell.setStringValue(c.text());
            }
          }
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

  /** A number as a spreadsheet shows it: thousands separators, its decimal places. */
  static String displayed(WCell c) {
    return String.format(Locale.UK, "%,." + c.scale() + "f", c.number());
  }

  /**
   * A cell style showing numbers with thousands separators and {@code scale} decimal places:
   * odfdom's own {@code setFormatString} adds a number style a cell but links none of them to the
   * cell.
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
