package uk.gov.observatory.analytics;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Panel's report as it publishes it: the report's tables laid out and titled as the annual
 * report prints them (Table 1 to Table 8, Chart 1, Graph 3, Graph 4 and the report's other
 * figures), every code shown by its label, each table with the paragraph that carries its figures
 * in sentences. Every format (the HTML page, the PDF, the workbooks) is written from one of these.
 *
 * <p>Values are the figures as published (disclosure-controlled where the report is for
 * publication): a whole number ("94"), a percentage with one decimal ("21.2"), a symbol ("c",
 * "low", "z", "x") or blank. Each format writes them its own way (thousands separators on a page, a
 * number as a number in a workbook).
 *
 * @param title the report's title, e.g. "Serious incident notifications: 2020"
 * @param area where it covers, in words ("England", "North West")
 * @param from the first incident date counted
 * @param to the last incident date counted
 * @param asAt the date the data is read as at
 * @param comparatorPeriod the comparator period in words (e.g. "2019"), or null when none
 * @param tables the tables in the report's order
 * @param revisions what changed since the last published edition of the same period and area
 */
public record PublishedReport(
    String title,
    String area,
    LocalDate from,
    LocalDate to,
    LocalDate asAt,
    String comparatorPeriod,
    List<Table> tables,
    List<Revision> revisions) {

  /** How a column's figures are measured. */
  public enum Unit {
    NUMBER,
    PERCENT,
    WORKING_DAYS
  }

  /**
   * What a row is: a heading over the rows below it, a row, a row within the one above, a total.
   */
  public enum RowKind {
    HEADING,
    ROW,
    SUBROW,
    TOTAL
  }

  /**
   * A column: its heading in words, its unit, and its code in the tidy data (REPORT-SPEC, e.g.
   * {@code PERCENT}; never shown to a reader; null where the column is not one of the report's,
   * such as a comparator period's).
   */
  public record Column(String label, Unit unit, String id) {

    /** A column with no code. */
    public Column(String label, Unit unit) {
      this(label, unit, null);
    }
  }

  /**
   * A row: its label in words, what kind it is, a value for each column (blank where none), and its
   * code in the tidy data (REPORT-SPEC, e.g. {@code BAND_1_15}; never shown to a reader; null for a
   * heading).
   */
  public record Row(String label, RowKind kind, List<String> values, String id) {

    /** A row with no code. */
    public Row(String label, RowKind kind, List<String> values) {
      this(label, kind, values, null);
    }
  }

  /**
   * A table as the report prints it.
   *
   * @param id the table's id in the tidy data (REPORT-SPEC), never shown to a reader
   * @param number its number in the report ("Table 6", "Chart 1", "Graph 3"), or null
   * @param title its title in words
   * @param paragraph the paragraph carrying its figures in sentences (generated, then edited)
   * @param columns its columns, left to right (the row labels' column not included)
   * @param rows its rows, top to bottom
   * @param footnotes its footnotes, in order
   * @param chart its chart, or null when it has none
   * @param rowHeading the heading of the row labels' column ("Working days range"), or blank
   */
  public record Table(
      String id,
      String number,
      String title,
      String paragraph,
      List<Column> columns,
      List<Row> rows,
      List<String> footnotes,
      Charts.Chart chart,
      String rowHeading) {

    /** A table whose row labels' column has no heading of its own. */
    public Table(
        String id,
        String number,
        String title,
        String paragraph,
        List<Column> columns,
        List<Row> rows,
        List<String> footnotes,
        Charts.Chart chart) {
      this(id, number, title, paragraph, columns, rows, footnotes, chart, "");
    }

    /** The number and the title, as a caption: "Table 6: Timeliness of rapid reviews 2020". */
    public String caption() {
      return number == null ? title : number + ": " + title;
    }

    /** The same table with another paragraph. */
    public Table withParagraph(String text) {
      return new Table(id, number, title, text, columns, rows, footnotes, chart, rowHeading);
    }

    /** The row with this code in the tidy data, if the table has it. */
    public java.util.Optional<Row> row(String rowId) {
      return rows.stream().filter(r -> rowId.equals(r.id())).findFirst();
    }

    /** The index of the column with this code in the tidy data, or -1. */
    public int column(String columnId) {
      for (int i = 0; i < columns.size(); i++) {
        if (columnId.equals(columns.get(i).id())) {
          return i;
        }
      }
      return -1;
    }

    /** The value of a row and a column by their codes, or blank where the table has none. */
    public String value(String rowId, String columnId) {
      int c = column(columnId);
      return c < 0 ? "" : row(rowId).map(r -> r.values().get(c)).orElse("");
    }
  }

  /** A figure that changed since the last published edition. */
  public record Revision(String table, String row, String column, String before, String after) {}

  /** The paragraphs by table id. */
  public Map<String, String> paragraphs() {
    Map<String, String> out = new LinkedHashMap<>();
    tables.forEach(t -> out.put(t.id(), t.paragraph()));
    return out;
  }

  /** The same report with the paragraphs given (by table id); a table not named keeps its own. */
  public PublishedReport withParagraphs(Map<String, String> text) {
    return new PublishedReport(
        title,
        area,
        from,
        to,
        asAt,
        comparatorPeriod,
        tables.stream()
            .map(t -> t.withParagraph(text.getOrDefault(t.id(), t.paragraph())))
            .toList(),
        revisions);
  }

  /** The same report listing these revisions. */
  public PublishedReport withRevisions(List<Revision> changed) {
    return new PublishedReport(
        title, area, from, to, asAt, comparatorPeriod, tables, List.copyOf(changed));
  }
}
