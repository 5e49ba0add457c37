package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contacts command, run as a person runs it, on an embedded database in its own folder. */
class ContactsCommandTest {

  @TempDir Path tmp;
  String savedUrl;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ObservatoryCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void embeddedDatabaseInItsOwnFolder() {
    System.setProperty("observatory.database.ephemeral", "false");
    savedUrl = System.clearProperty("spring.datasource.url");
  }

  @AfterEach
  void restore() {
    System.clearProperty("observatory.database.ephemeral");
    if (savedUrl != null) {
      System.setProperty("spring.datasource.url", savedUrl);
    }
  }

  @Test
  @DisplayName(
      "contacts set/list/remove: a known GSS code and an email address, else exit 2 and nothing"
          + " changed")
  void contacts() {
    String data = tmp.resolve("data").toString();

    Run badEmail = run("contacts", "set", "E09000033", "lscp.example.org", "--data-dir", data);
    assertThat(badEmail.code()).isEqualTo(2);
    assertThat(badEmail.err())
        .contains("'lscp.example.org' does not look like an email address")
        .contains("Nothing was changed.");
    // Refused before the database was opened.
    assertThat(Files.exists(tmp.resolve("data"))).isFalse();

    Run badCode = run("contacts", "set", "E99999999", "lscp@example.org", "--data-dir", data);
    assertThat(badCode.code()).isEqualTo(2);
    assertThat(badCode.err())
        .contains("'E99999999' is not a local authority's GSS code")
        .contains("Nothing was changed.");

    Run set = run("contacts", "set", "E09000033", "lscp@example.org", "--data-dir", data);
    assertThat(set.code()).as(set.err()).isZero();
    assertThat(set.out()).contains("Reminders for E09000033 (Westminster) go to lscp@example.org.");
    Run replaced =
        run("contacts", "set", "E09000033", " safeguarding@example.org ", "--data-dir", data);
    assertThat(replaced.code()).as(replaced.err()).isZero();

    Run list = run("contacts", "list", "--data-dir", data);
    assertThat(list.code()).isZero();
    assertThat(list.out().lines())
        .containsExactly(
            "CODE       LOCAL AUTHORITY  EMAIL",
            "E09000033  Westminster      safeguarding@example.org");

    Run removeNone = run("contacts", "remove", "E08000035", "--data-dir", data);
    assertThat(removeNone.code()).isEqualTo(2);
    assertThat(removeNone.err()).contains("E08000035 has no contact");
    Run removed = run("contacts", "remove", "E09000033", "--data-dir", data);
    assertThat(removed.code()).isZero();
    assertThat(run("contacts", "list", "--data-dir", data).out()).contains("(no contacts");

    Run bare = run("contacts");
    assertThat(bare.code()).isEqualTo(2);
    assertThat(bare.err()).contains("set").contains("list").contains("remove");
  }
}
