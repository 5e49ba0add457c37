package uk.gov.observatory.learning.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.gov.observatory.learning.InvalidAnalysisException.Problem;

/**
 * The learning module's CSV files (a coding frame, codings, resolutions), read strictly: UTF-8 (a
 * leading BOM is accepted), RFC 4180, a header naming exactly the file's columns (in any order).
 * Every problem names the file, its line and column, the value and what is allowed.
 */
public final class LearningCsv {

  private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  /** A data row: the line it starts on and its values by column (stripped). */
  public record Row(long line, Map<String, String> values) {
    public String get(String column) {
      return values.get(column);
    }
  }

  private LearningCsv() {}

  /** The field a problem names: "codings.csv line 4, column code". */
  public static String field(String file, long line, String column) {
    return file + " line " + line + (column == null ? "" : ", column " + column);
  }

  /** A problem with a value in a row. */
  public static Problem problem(String file, Row row, String column, String message) {
    String value = row.get(column);
    return new Problem(
        field(file, row.line(), column),
        (value == null || value.isEmpty() ? "(blank)" : "'" + value + "'") + ": " + message);
  }

  /**
   * The rows of {@code csv}; adds problems (and returns what it could read) when it is not valid.
   */
  public static List<Row> read(
      String file, Reader csv, List<String> columns, List<Problem> problems) {
    List<Row> rows = new ArrayList<>();
    List<String> header = null;
    String text;
    try {
      java.io.StringWriter all = new java.io.StringWriter();
      csv.transferTo(all);
      text = all.toString();
    } catch (IOException | UncheckedIOException e) {
      problems.add(
          new Problem(field(file, 0, null), "cannot be read (it must be UTF-8 text): " + e));
      return rows;
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Integer> lineStarts = new ArrayList<>();
    lineStarts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lineStarts.add(i + 1);
      }
    }
    try (CSVParser parser = READ.parse(new java.io.StringReader(text))) {
      for (CSVRecord record : parser) {
        int at =
            java.util.Collections.binarySearch(lineStarts, (int) record.getCharacterPosition());
        long line = at >= 0 ? at + 1 : -at - 1;
        if (header == null) {
          header = new ArrayList<>();
          for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip();
            header.add(name);
          }
          List<String> missing = new ArrayList<>(columns);
          missing.removeAll(header);
          List<String> unknown = new ArrayList<>(header);
          unknown.removeAll(columns);
          if (!missing.isEmpty() || !unknown.isEmpty() || header.size() != columns.size()) {
            problems.add(
                new Problem(
                    field(file, line, null),
                    "the header row must name the columns "
                        + String.join(", ", columns)
                        + (missing.isEmpty()
                            ? ""
                            : " (missing: " + String.join(", ", missing) + ")")
                        + (unknown.isEmpty()
                            ? ""
                            : " (not a column: " + String.join(", ", unknown) + ")")));
            return rows;
          }
          continue;
        }
        if (record.size() != header.size()) {
          problems.add(
              new Problem(
                  field(file, line, null),
                  "has "
                      + record.size()
                      + " fields but the header has "
                      + header.size()
                      + ": check for a missing or extra comma"));
          continue;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          values.put(header.get(i), record.get(i).strip());
        }
        rows.add(new Row(line, values));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      problems.add(
          new Problem(
              field(file, 0, null),
              "is not valid CSV (UTF-8, comma-separated, a quoted field closed by a \")"));
      return rows;
    }
    if (header == null) {
      problems.add(
          new Problem(
              field(file, 1, null),
              "the file is empty: it needs a header row naming " + String.join(", ", columns)));
    }
    return rows;
  }
}
