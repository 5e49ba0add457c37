package uk.gov.observatory.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One writer per table of the review module: every {@code insert into}, {@code update}, {@code
 * delete from}, {@code copy} or {@code truncate} on a review table in the application's source (its
 * Java's SQL strings, and any SQL file but the migrations) is issued by the table's one writer. The
 * review import, the pages and the API all write through the review repository; the benchmark's
 * bulk copy of the register ({@code cli/BenchCommand}) is the one named exception.
 */
class ReviewTablesOneWriterTest {

  private static final String REVIEW_REPOSITORY =
      "uk/gov/observatory/review/internal/ReviewRepository";

  /** Each review table and the one class that writes it. */
  static final Map<String, String> WRITERS =
      Map.ofEntries(
          Map.entry("rapid_review", REVIEW_REPOSITORY),
          Map.entry("rapid_review_version", REVIEW_REPOSITORY),
          Map.entry("challenge", REVIEW_REPOSITORY),
          Map.entry("challenge_message", REVIEW_REPOSITORY),
          Map.entry("lcspr", REVIEW_REPOSITORY),
          Map.entry("lcspr_notification", REVIEW_REPOSITORY),
          Map.entry("lcspr_recommendation", REVIEW_REPOSITORY),
          Map.entry("case_event", REVIEW_REPOSITORY),
          Map.entry("timeliness_policy_period", REVIEW_REPOSITORY),
          // The reminders' own tables, each with its own small repository.
          Map.entry("partnership_contact", "uk/gov/observatory/review/internal/ReminderRepository"),
          Map.entry("outbox_email", "uk/gov/observatory/review/internal/OutboxRepository"),
          // Partnerships' yearly reports exist only as imported rows: their import is their writer.
          Map.entry("yearly_report", "uk/gov/observatory/review/internal/YearlyReportCsv"));

  /**
   * The one exception: the benchmark multiplies the register in place with {@code insert into ...
   * select} over these tables (its table names chosen at run time), to time reports on a large
   * register. It is a tool for measuring, never run by the service.
   */
  static final String BENCH = "uk/gov/observatory/cli/BenchCommand";

  /** What a write whose table is named at run time ("insert into " + table) is reported as. */
  static final String RUN_TIME = "(named at run time)";

  static final Set<String> BENCH_TABLES =
      Set.of("rapid_review", "lcspr", "lcspr_notification", RUN_TIME);

  /** A statement in a source that writes a table. */
  record Write(String source, String table, String statement) {
    @Override
    public String toString() {
      return source + " writes " + table + ": " + statement;
    }
  }

  @Test
  @DisplayName(
      "no review table is written outside its one writer (the review repository for the review"
          + " records), the benchmark's bulk copy being the one named exception")
  void everyReviewTableHasOneWriter() throws IOException {
    List<Write> all = writesIn(Path.of("src/main/java"), Path.of("src/main/resources"));
    List<Write> strays = strays(all);
    assertThat(strays).as("writes to review tables outside their writer").isEmpty();
    // The scan sees the writers themselves (so a scan that finds nothing cannot pass unnoticed)...
    assertThat(all)
        .anySatisfy(
            w -> {
              assertThat(w.source()).isEqualTo(REVIEW_REPOSITORY);
              assertThat(w.table()).isEqualTo("rapid_review");
            });
    // ...and the exception is still needed: the benchmark does write review tables.
    assertThat(all).anySatisfy(w -> assertThat(w.source()).isEqualTo(BENCH));
  }

  @Test
  @DisplayName(
      "a test of the test: an insert or update on a review table planted in another class is"
          + " reported with the class and the table")
  void aPlantedWriteIsReported() {
    String planted =
        "package uk.gov.observatory.web;\n"
            + "class Planted {\n"
            + "  // update lcspr set status = 'X' -- a comment is not a statement\n"
            + "  void a(org.springframework.jdbc.core.JdbcTemplate jdbc) {\n"
            + "    jdbc.update(\"select id from lcspr where id = ? for update\", 1);\n"
            + "    jdbc.update(\n"
            + "        \"insert into rapid_review (notification_ref, status)\"\n"
            + "            + \" values (?, 'DRAFT')\", \"SIN-1\");\n"
            + "    jdbc.update(\"UPDATE  lcspr\\n SET status = ? where id = ?\", \"X\", 1);\n"
            + "    jdbc.update(\"delete from \" + \"case_event where id = ?\", 1);\n"
            + "    jdbc.update(\"insert into \" + table() + \" select 1\");\n"
            + "    jdbc.update(\"insert into notification_ref_counter values (1)\");\n"
            + "  }\n"
            + "}\n";
    List<Write> found = strays(javaWrites("uk/gov/observatory/web/Planted", planted));
    assertThat(found)
        .extracting(Write::source, Write::table)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("uk/gov/observatory/web/Planted", "rapid_review"),
            org.assertj.core.groups.Tuple.tuple("uk/gov/observatory/web/Planted", "lcspr"),
            org.assertj.core.groups.Tuple.tuple("uk/gov/observatory/web/Planted", "case_event"),
            org.assertj.core.groups.Tuple.tuple("uk/gov/observatory/web/Planted", RUN_TIME));
    assertThat(found.get(0).toString())
        .isEqualTo(
            "uk/gov/observatory/web/Planted writes rapid_review: insert into rapid_review"
                + " (notification_ref, status) values (?, 'DRAFT')");
    // The same writes in the repository are its own; in the benchmark, only its bulk copy's.
    assertThat(strays(javaWrites(REVIEW_REPOSITORY, planted)))
        .extracting(Write::table)
        .containsExactly(RUN_TIME);
    assertThat(strays(javaWrites(BENCH, planted)))
        .extracting(Write::table)
        .containsExactly("case_event");
    // SQL files are read as they are.
    assertThat(strays(sqlWrites("db/reset.sql", "truncate table challenge_message;\n")))
        .extracting(Write::source, Write::table)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("db/reset.sql", "challenge_message"));
  }

  // The scan

  /** The writes to review tables no writer of theirs issues. */
  static List<Write> strays(List<Write> writes) {
    List<Write> out = new ArrayList<>();
    for (Write w : writes) {
      boolean own = w.source().equals(WRITERS.get(w.table()));
      boolean bench = w.source().equals(BENCH) && BENCH_TABLES.contains(w.table());
      if (!own && !bench) {
        out.add(w);
      }
    }
    return out;
  }

  /** Every write to a review table (or to a table named at run time) in the sources. */
  static List<Write> writesIn(Path java, Path resources) throws IOException {
    List<Write> out = new ArrayList<>();
    Map<Path, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(java)) {
      s.filter(p -> p.toString().endsWith(".java")).forEach(p -> files.put(p, null));
    }
    for (Path p : files.keySet()) {
      String name = java.relativize(p).toString().replace('\\', '/').replaceAll("\\.java$", "");
      out.addAll(javaWrites(name, Files.readString(p, StandardCharsets.UTF_8)));
    }
    try (Stream<Path> s = Files.walk(resources)) {
      for (Path p : s.filter(x -> x.toString().endsWith(".sql")).sorted().toList()) {
        String name = resources.relativize(p).toString().replace('\\', '/');
        if (!name.startsWith("db/migration/")) {
          out.addAll(sqlWrites(name, Files.readString(p, StandardCharsets.UTF_8)));
        }
      }
    }
    return out;
  }

  private static final Pattern WRITE =
      Pattern.compile(
          "\\b(insert\\s+into|(?<!for\\s)(?<!do\\s)update|delete\\s+from|copy|truncate(?:\\s+table)?"
              + "(?:\\s+only)?)\\s+\"?([a-z_][a-z0-9_]*)\"?",
          Pattern.CASE_INSENSITIVE);

  /** A literal that ends with the verb: the table follows as an expression. */
  private static final Pattern WRITE_TO_EXPRESSION =
      Pattern.compile(
          "\\b(insert\\s+into|delete\\s+from|truncate(?:\\s+table)?)\\s*$",
          Pattern.CASE_INSENSITIVE);

  static List<Write> sqlWrites(String source, String sql) {
    return writes(source, List.of(new Literal(sql, false)));
  }

  /** The writes in a Java source's string literals (adjacent ones joined by + read as one). */
  static List<Write> javaWrites(String source, String text) {
    return writes(source, literals(text));
  }

  private static List<Write> writes(String source, List<Literal> statements) {
    List<Write> out = new ArrayList<>();
    for (Literal l : statements) {
      String shown = l.text().strip().replaceAll("\\s+", " ");
      Matcher m = WRITE.matcher(l.text());
      while (m.find()) {
        String table = m.group(2).toLowerCase(Locale.ROOT);
        if (WRITERS.containsKey(table)) {
          out.add(new Write(source, table, shown));
        }
      }
      if (l.followedByExpression() && WRITE_TO_EXPRESSION.matcher(l.text()).find()) {
        out.add(new Write(source, RUN_TIME, shown));
      }
    }
    return out;
  }

  /** A string, or strings joined by +, and whether a non-literal expression is added after it. */
  record Literal(String text, boolean followedByExpression) {}

  /**
   * The string literals of Java source (comments skipped, text blocks and escapes read), those
   * joined by {@code +} with only white space between read as one.
   */
  static List<Literal> literals(String src) {
    List<Literal> out = new ArrayList<>();
    StringBuilder current = null;
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
        while (i < n && src.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
        int end = src.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '\'') {
        i++;
        while (i < n && src.charAt(i) != '\'') {
          i += src.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
      } else if (c == '"') {
        StringBuilder s = new StringBuilder();
        if (src.startsWith("\"\"\"", i)) {
          int end = src.indexOf("\"\"\"", i + 3);
          end = end < 0 ? n : end;
          s.append(src, i + 3, end);
          i = end + 3;
        } else {
          i++;
          while (i < n && src.charAt(i) != '"') {
            if (src.charAt(i) == '\\' && i + 1 < n) {
              char e = src.charAt(i + 1);
              s.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
              i += 2;
            } else {
              s.append(src.charAt(i++));
            }
          }
          i++;
        }
        if (current == null) {
          current = s;
        } else {
          current.append(s);
        }
        // What follows: + and another literal continue it; anything else ends it.
        int j = i;
        while (j < n && Character.isWhitespace(src.charAt(j))) {
          j++;
        }
        if (j < n && src.charAt(j) == '+') {
          int k = j + 1;
          while (k < n && Character.isWhitespace(src.charAt(k))) {
            k++;
          }
          if (k < n && src.charAt(k) == '"') {
            i = k;
            continue;
          }
          out.add(new Literal(current.toString(), true));
        } else {
          out.add(new Literal(current.toString(), false));
        }
        current = null;
      } else {
        i++;
      }
    }
    return out;
  }
}
