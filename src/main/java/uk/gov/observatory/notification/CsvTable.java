package uk.gov.observatory.notification;

import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
   * it (file, line, column, value, reason) and returns null. Holds every row in memory: for small
   * files; a file that can be large is read with {@link #stream}.
   */
  public static CsvTable read(
      Path dir,
      String file,
      List<String> known,
      List<String> required,
      List<ImportProblem> problems) {
    List<Row> rows = new ArrayList<>();
    List<String> header = stream(dir, file, known, required, problems, rows::add);
    return header == null ? null : new CsvTable(header, rows);
  }

  /**
   * Reads {@code file} from {@code dir} as {@link #read} does, but one row at a time: each data row
   * is handed to {@code each} as soon as it is parsed, so memory does not grow with the file.
   * Returns the header, or null when the file could not be read whole (any problem with the file
   * itself or a control character in a value: each added to {@code problems}); rows already handed
   * on are then to be thrown away by the caller.
   */
  public static List<String> stream(
      Path dir,
      String file,
      List<String> known,
      List<String> required,
      List<ImportProblem> problems,
      Consumer<Row> each) {
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
    int before = problems.size();
    List<String> header = null;
    boolean empty = true;
    try (LineCounting text = open(path);
        CSVParser parser = READ.parse(text)) {
      var it = parser.iterator();
      while (it.hasNext()) {
        CSVRecord record = it.next();
        long line = text.lineOf(record.getCharacterPosition());
        if (header == null) {
          if (record.size() == 1 && record.get(0).isBlank() && !it.hasNext()) {
            break; // only blank: the file is empty
          }
          empty = false;
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
          if (raw.indexOf('\n') >= 0) {
            fieldLine += raw.chars().filter(ch -> ch == '\n').count();
          }
          values.put(header.get(i), CsvCells.restore(raw));
        }
        each.accept(new Row(line, values));
      }
    } catch (IOException | UncheckedIOException e) {
      Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
      if (cause instanceof CharacterCodingException) {
        // Not UTF-8: that is the file's one problem, whatever was found before the bad bytes.
        problems.subList(before, problems.size()).clear();
        problems.add(notUtf8(file, path));
        return null;
      }
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
    if (empty) {
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
    if (problems.size() > before) {
      return null;
    }
    return header == null ? List.of() : List.copyOf(header);
  }

  /** The file as text, decoded strictly as UTF-8, without a leading BOM. */
  private static LineCounting open(Path path) throws IOException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    PushbackReader in =
        new PushbackReader(
            new InputStreamReader(
                new BufferedInputStream(Files.newInputStream(path), 1 << 16), decoder),
            1);
    int first = in.read();
    if (first >= 0 && first != '\uFEFF') {
      in.unread(first);
    }
    return new LineCounting(in);
  }

  /**
   * A reader that notes where each line starts, so that a record's character position (which the
   * parser gives) can be told as a line number. It keeps only the line starts not yet passed, a
   * buffer's worth at most: records are asked for in order.
   */
  private static final class LineCounting extends FilterReader {
    private final ArrayDeque<Long> starts = new ArrayDeque<>();
    private long position;
    private long line = 1;

    LineCounting(Reader in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        position++;
        if (c == '\n') {
          starts.addLast(position);
        }
      }
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      for (int i = 0; i < n; i++) {
        if (buffer[offset + i] == '\n') {
          starts.addLast(position + i + 1);
        }
      }
      if (n > 0) {
        position += n;
      }
      return n;
    }

    /** The line (from 1) of the character at {@code at}; never asked of an earlier one. */
    long lineOf(long at) {
      while (!starts.isEmpty() && starts.peekFirst() <= at) {
        starts.pollFirst();
        line++;
      }
      return line;
    }
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

  /** The file's first byte sequence that is not UTF-8, as a problem naming its line. */
  private static ImportProblem notUtf8(String file, Path path) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    long line = 1;
    String value = "";
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
      java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(1 << 16);
      boolean end = false;
      while (!end) {
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        end = n < 0;
        if (n > 0) {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
        int from = bytes.position();
        var result = decoder.decode(bytes, chars, end);
        for (int i = from; i < bytes.position(); i++) {
          if (bytes.get(i) == '\n') {
            line++;
          }
        }
        if (result.isError()) {
          value = String.format("0x%02X", bytes.get(bytes.position()) & 0xff);
          break;
        }
        chars.clear();
        bytes.compact();
      }
    } catch (IOException e) {
      return new ImportProblem(file, 0, "-", "", "cannot be read: " + e.getMessage());
    }
    return new ImportProblem(
        file,
        line,
        "-",
        value,
        "the file is not UTF-8: save it as UTF-8 (CSV UTF-8 in a spreadsheet) and import"
            + " again");
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
