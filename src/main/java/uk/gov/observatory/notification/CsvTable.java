package uk.gov.observatory.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.gov.observatory.reference.TextInput;

/**
 * One CSV file of DATA-STANDARD.md section 5, read strictly: every problem with the file itself
 * (missing, not UTF-8, empty, unknown or missing columns, a row with the wrong number of fields, an
 * unclosed quote) is reported as an {@link ImportProblem} naming its line. The rows' values are
 * checked by the caller.
 */
public final class CsvTable {

  private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  /** A CSV row with the line it starts on, by column name (null for a column not in the file). */
  public record Row(long line, Map<String, String> values) {
    public String get(String column) {
      return values.get(column);
    }
  }

  private final List<String> header;
  private final List<Row> rows;

  private CsvTable(List<String> header, List<Row> rows) {
    this.header = List.copyOf(header);
    this.rows = List.copyOf(rows);
  }

  /** The columns the header names, in its order. */
  public List<String> header() {
    return header;
  }

  /** The data rows, in file order. */
  public List<Row> rows() {
    return rows;
  }

  /** A {@code ;}-separated code list; blank is the empty list. */
  public static List<String> split(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.asList(value.split(";", -1));
  }

  /**
   * Reads {@code file} from {@code dir}: UTF-8 (a leading BOM is accepted), RFC 4180, a header
   * naming only {@code known} columns and at least the {@code required} ones. On any problem adds
   * it (file, line, column, value, reason) and returns null.
   */
  public static CsvTable read(
      Path dir,
      String file,
      List<String> known,
      List<String> required,
      List<ImportProblem> problems) {
    Path path = dir.resolve(file);
    if (!Files.isRegularFile(path)) {
      problems.add(
          new ImportProblem(
              file,
              0,
              "-",
              "",
              "is missing: an import needs notifications.csv and children.csv in " + dir));
      return null;
    }
    String text;
    try {
      text = decodeUtf8(file, Files.readAllBytes(path), problems);
    } catch (IOException e) {
      problems.add(new ImportProblem(file, 0, "-", "", "cannot be read: " + e.getMessage()));
      return null;
    }
    if (text == null) {
      return null;
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      problems.add(
          new ImportProblem(
              file,
              1,
              "-",
              "",
              "the file is empty: it needs a header row naming its columns ("
                  + String.join(",", required)
                  + " at least)"));
      return null;
    }
    long[] lineStarts = lineStarts(text);
    int before = problems.size();
    List<Row> rows = new ArrayList<>();
    List<String> header = null;
    try (CSVParser parser = READ.parse(new java.io.StringReader(text))) {
      var it = parser.iterator();
      while (it.hasNext()) {
        CSVRecord record = it.next();
        long line = lineOf(lineStarts, record.getCharacterPosition());
        if (header == null) {
          header = checkHeader(file, line, record, known, required, problems);
          if (header == null) {
            return null;
          }
          continue;
        }
        if (record.size() != header.size()) {
          problems.add(
              new ImportProblem(
                  file,
                  line,
                  "-",
                  "",
                  "has "
                      + record.size()
                      + " fields but the header has "
                      + header.size()
                      + ": check for a missing or extra comma"));
          continue;
        }
        Map<String, String> values = new LinkedHashMap<>();
        long fieldLine = line;
        for (int i = 0; i < header.size(); i++) {
          String raw = record.get(i);
          int bad = TextInput.firstRefused(raw);
          if (bad >= 0) {
            problems.add(controlCharacter(file, fieldLine, header.get(i), raw, bad));
          }
          fieldLine += raw.chars().filter(ch -> ch == '\n').count();
          values.put(header.get(i), CsvCells.restore(raw));
        }
        rows.add(new Row(line, values));
      }
    } catch (IOException | UncheckedIOException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      long line = lineOfParserMessage(message);
      problems.add(
          new ImportProblem(
              file,
              line,
              "-",
              "",
              "is not valid CSV: a quoted field is not closed (every \" that opens a field needs a"
                  + " closing \") ["
                  + message
                  + "]"));
      return null;
    }
    if (problems.size() > before) {
      return null;
    }
    return new CsvTable(header == null ? List.of() : header, rows);
  }

  private static List<String> checkHeader(
      String file,
      long line,
      CSVRecord record,
      List<String> known,
      List<String> required,
      List<ImportProblem> problems) {
    List<String> header = new ArrayList<>();
    boolean ok = true;
    for (String raw : record) {
      String name = raw.strip();
      if (!known.contains(name)) {
        problems.add(
            new ImportProblem(
                file,
                line,
                name,
                name,
                "is not a column of "
                    + file
                    + ": allowed columns are "
                    + String.join(", ", known)));
        ok = false;
      } else if (header.contains(name)) {
        problems.add(
            new ImportProblem(
                file, line, name, name, "is repeated in the header: give each column once"));
        ok = false;
      }
      header.add(name);
    }
    for (String r : required) {
      if (!header.contains(r)) {
        problems.add(
            new ImportProblem(
                file,
                line,
                r,
                "",
                "is missing from the header: "
                    + file
                    + " needs the columns "
                    + String.join(", ", required)));
        ok = false;
      }
    }
    return ok ? header : null;
  }

  /** Columns whose values are identifying details: never shown in a problem. */
  private static final java.util.Set<String> WITHHELD =
      java.util.Set.copyOf(NotificationCsv.IDENTIFYING_CHILD_COLUMNS);

  private static ImportProblem controlCharacter(
      String file, long fieldLine, String column, String raw, int bad) {
    long line = fieldLine + raw.substring(0, bad).chars().filter(ch -> ch == '\n').count();
    String code = String.format("U+%04X", (int) raw.charAt(bad));
    String shown = WITHHELD.contains(column) ? NotificationRules.WITHHELD : escaped(raw);
    return new ImportProblem(
        file,
        line,
        column,
        shown,
        "contains the control character "
            + code
            + " (character "
            + (bad + 1)
            + "): remove it; a value is text, with at most tabs and line breaks");
  }

  /**
   * {@code value} with each control character written {@code \\uXXXX}, so that a problem prints on
   * one line and shows what is there.
   */
  public static String escaped(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (Character.isISOControl(ch)) {
        b.append(String.format("\\u%04X", (int) ch));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  /** Decodes strictly; a byte sequence that is not UTF-8 is a problem naming its line. */
  private static String decodeUtf8(String file, byte[] bytes, List<ImportProblem> problems) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      int bad = firstInvalidByte(bytes);
      long line = 1;
      for (int i = 0; i < bad && i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      String value = bad < bytes.length ? String.format("0x%02X", bytes[bad] & 0xff) : "";
      problems.add(
          new ImportProblem(
              file,
              line,
              "-",
              value,
              "the file is not UTF-8: save it as UTF-8 (CSV UTF-8 in a spreadsheet) and import"
                  + " again"));
      return null;
    }
  }

  private static int firstInvalidByte(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    var result = decoder.decode(in, out, true);
    return result.isError() ? in.position() : bytes.length;
  }

  private static long[] lineStarts(String text) {
    List<Long> starts = new ArrayList<>();
    starts.add(0L);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add((long) i + 1);
      }
    }
    return starts.stream().mapToLong(Long::longValue).toArray();
  }

  private static long lineOf(long[] lineStarts, long position) {
    int i = Arrays.binarySearch(lineStarts, position);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  /** commons-csv says "(line N)" in its parse errors. */
  private static long lineOfParserMessage(String message) {
    var m = java.util.regex.Pattern.compile("line (\\d+)").matcher(message);
    long line = 0;
    while (m.find()) {
      line = Long.parseLong(m.group(1));
    }
    return line;
  }
}
