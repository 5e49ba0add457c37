package uk.gov.observatory.notification;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way the system writes CSV (the data standard's files, the register's download, the
 * report's tidy CSV and open data): RFC 4180, every cell safe to open in a spreadsheet.
 *
 * <p>A spreadsheet runs a cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab
 * or a carriage return as a formula (CSV or formula injection, OWASP). Such a cell is written with
 * one leading apostrophe ({@code '=HYPERLINK(...)}), which a spreadsheet shows as text; a plain
 * number ({@code -3}, {@code -2.5}) is left as it is, as a spreadsheet reads it as a number and
 * runs nothing. So that what the system writes reads back exactly, a cell that already begins with
 * apostrophes followed by one of those characters gets one more, and {@link #restore} (which {@link
 * CsvTable#read} applies to every value imported) removes exactly one.
 */
public final class CsvCells implements Flushable, Closeable {

  /** How the files are written: RFC 4180 (CRLF line ends, quotes only where needed). */
  public static final CSVFormat FORMAT = CSVFormat.RFC4180;

  /** A value a spreadsheet would run: apostrophes (none or more) then a formula character. */
  private static final Pattern RUNNABLE = Pattern.compile("^'*[=+\\-@\\t\\r]");

  /** A plain decimal number, which a spreadsheet reads as a number, never as a formula. */
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private final CSVPrinter printer;

  private CsvCells(CSVPrinter printer) {
    this.printer = printer;
  }

  /** A CSV writer to {@code out}, whose first row is {@code header}. */
  public static CsvCells printer(Appendable out, List<String> header) throws IOException {
    return new CsvCells(
        new CSVPrinter(out, FORMAT.builder().setHeader(header.toArray(String[]::new)).get()));
  }

  /** A CSV writer to {@code out}, whose first row is {@code header}. */
  public static CsvCells printer(Appendable out, String... header) throws IOException {
    return printer(out, List.of(header));
  }

  /** Writes one row, each value {@link #neutralise neutralised}; null is written blank. */
  public void printRecord(Object... values) throws IOException {
    printRecord(Arrays.asList(values));
  }

  /** Writes one row, each value {@link #neutralise neutralised}; null is written blank. */
  public void printRecord(Iterable<?> values) throws IOException {
    List<String> cells = new ArrayList<>();
    for (Object v : values) {
      cells.add(neutralise(v));
    }
    printer.printRecord(cells);
  }

  @Override
  public void flush() throws IOException {
    printer.flush();
  }

  @Override
  public void close() throws IOException {
    printer.close();
  }

  /**
   * The cell as written: its text ({@code ""} for null), with one leading apostrophe when a
   * spreadsheet would run it (it begins, after any apostrophes, with {@code =}, {@code +}, {@code
   * -}, {@code @}, a tab or a carriage return) and it is not a plain number.
   */
  public static String neutralise(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (RUNNABLE.matcher(text).find() && !NUMBER.matcher(text).matches()) {
      return "'" + text;
    }
    return text;
  }

  /**
   * The value {@link #neutralise} was given: one leading apostrophe removed when what follows is
   * apostrophes (none or more) then {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
   * return; any other value as it is.
   */
  public static String restore(String cell) {
    if (cell != null && cell.startsWith("'") && RUNNABLE.matcher(cell.substring(1)).find()) {
      return cell.substring(1);
    }
    return cell;
  }
}
