package uk.gov.observatory.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.SyntheticCsv;

/**
 * The import reads its files a row at a time into staging tables, yet stays all or nothing: an
 * error on the very last line of a large file (after every staging page and COPY chunk before it
 * has gone to the database) refuses the whole import, naming that file and line.
 */
@RegisterTest
class ImportStreamingTest {

  static final int NOTIFICATIONS = 12_000;

  @Autowired StandardCsv standard;
  @Autowired JdbcTemplate jdbc;

  @TempDir Path tmp;

  long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  static int lastLine(Path file) throws IOException {
    return Files.readAllLines(file).size();
  }

  static void replaceLine(Path file, int line, String from, String to) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    String old = lines.get(line - 1);
    assertThat(old).containsPattern(from);
    lines.set(line - 1, old.replaceFirst(from, to));
    Files.write(file, lines);
  }

  long imports() {
    return count("select count(*) from audit_entry where action = 'IMPORTED'");
  }

  void assertNothingStored(long importsBefore) {
    assertThat(count("select count(*) from notification")).isZero();
    assertThat(count("select count(*) from child")).isZero();
    assertThat(imports()).isEqualTo(importsBefore);
  }

  @Test
  @DisplayName("an error on the last line of notifications.csv refuses the whole import, naming it")
  void errorOnTheLastLineOfNotifications() throws IOException {
    SyntheticCsv.Files2 set = SyntheticCsv.write(tmp, NOTIFICATIONS, 6);
    int last = lastLine(set.notifications());
    assertThat(last).isEqualTo(NOTIFICATIONS + 1);
    replaceLine(set.notifications(), last, "E[0-9]{8}", "E99999999");

    long before = imports();
    StandardCsv.Imported result = standard.importFrom(tmp, false, ImportProgress.NONE);

    assertThat(result.stored()).isFalse();
    assertThat(result.problems())
        .extracting(ImportProblem::toString)
        .singleElement()
        .asString()
        .startsWith("notifications.csv:" + last + ":la_code: E99999999: ");
    assertNothingStored(before);
  }

  @Test
  @DisplayName("an error on the last line of children.csv refuses the whole import, naming it")
  void errorOnTheLastLineOfChildren() throws IOException {
    SyntheticCsv.Files2 set = SyntheticCsv.write(tmp, NOTIFICATIONS, 6);
    int last = lastLine(set.children());
    replaceLine(set.children(), last, ",(MALE|FEMALE|NOT_KNOWN),", ",BOY,");

    long before = imports();
    StandardCsv.Imported result = standard.importFrom(tmp, false, ImportProgress.NONE);

    assertThat(result.stored()).isFalse();
    assertThat(result.problems())
        .extracting(ImportProblem::toString)
        .singleElement()
        .asString()
        .startsWith("children.csv:" + last + ":gender: BOY: ");
    assertNothingStored(before);
  }

  @Test
  @DisplayName("a quote left open on the last line is refused with its line, nothing stored")
  void unclosedQuoteOnTheLastLine() throws IOException {
    SyntheticCsv.Files2 set = SyntheticCsv.write(tmp, NOTIFICATIONS, 6);
    Files.writeString(
        set.children(),
        Files.readString(set.children()) + "SYN-2020-99999,1,\"MALE,3,\n",
        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);

    long before = imports();
    StandardCsv.Imported result = standard.importFrom(tmp, false, ImportProgress.NONE);

    assertThat(result.stored()).isFalse();
    assertThat(result.problems())
        .extracting(ImportProblem::toString)
        .anySatisfy(p -> assertThat(p).startsWith("children.csv:").contains("quoted field"));
    assertNothingStored(before);
  }

  @Test
  @DisplayName("the same files without the error import whole, every row in file order")
  void withoutTheErrorEverythingIsStored() throws IOException {
    SyntheticCsv.Files2 set = SyntheticCsv.write(tmp, NOTIFICATIONS, 6);

    StandardCsv.Imported result = standard.importFrom(tmp, false, ImportProgress.NONE);

    assertThat(result.problems()).isEmpty();
    assertThat(result.notifications()).isEqualTo(NOTIFICATIONS);
    assertThat(result.children()).isEqualTo(set.childRows());
    assertThat(count("select count(*) from notification")).isEqualTo(NOTIFICATIONS);
    assertThat(count("select count(*) from child")).isEqualTo(set.childRows());
    // The report's read model was made again for all of them before the import committed (V29),
    // in bulk, as one at a time would.
    assertThat(count("select count(*) from report_read_model_pending")).isZero();
    assertThat(count("select count(*) from report_case")).isEqualTo(NOTIFICATIONS);
    assertThat(count("select count(*) from report_child")).isEqualTo(set.childRows());
    assertThat(
            count(
                "select count(*) from (select * from report_case_source except"
                    + " select * from report_case) d"))
        .isZero();
    assertThat(
            count(
                "select count(*) from (select * from report_child_source except"
                    + " select * from report_child) d"))
        .isZero();
    // No staging table outlives the import's transaction.
    assertThat(count("select count(*) from pg_class where relname like 'import\\_%'")).isZero();
  }
}
