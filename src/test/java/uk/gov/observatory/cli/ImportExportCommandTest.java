package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.observatory.support.SyntheticCsv;
import uk.gov.observatory.support.SyntheticReviewsCsv;

/**
 * The jar's import and export commands, run as a person runs them, on an embedded database in a
 * data folder of their own.
 */
class ImportExportCommandTest {

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
    // The test configuration makes throw-away databases; a person's data folder persists.
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
      "import refuses a bad set with every error and exit 1; a good set imports; export writes it back")
  void importThenExport() throws Exception {
    String data = tmp.resolve("data").toString();
    Path in = tmp.resolve("in");
    SyntheticCsv.Files2 set = SyntheticCsv.write(in, 60, 6);
    String good = Files.readString(set.notifications());
    Files.writeString(set.notifications(), good.replaceFirst(",DEATH,", ",DEAD,"));

    Run refused = run("import", in.toString(), "--data-dir", data);
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err())
        .containsPattern("notifications\\.csv:\\d+:notification_type: DEAD: ")
        .contains("nothing was stored");

    Files.writeString(set.notifications(), good);
    Run imported = run("import", in.toString(), "--data-dir", data);
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out())
        .contains("Imported 60 notifications with " + set.childRows() + " children");

    Run again = run("import", in.toString(), "--data-dir", data);
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("is already in the register: import with --replace");
    assertThat(run("import", in.toString(), "--replace", "--data-dir", data).out())
        .contains("(60 replaced)");

    Path out = tmp.resolve("out");
    Run exported = run("export", out.toString(), "--data-dir", data);
    assertThat(exported.code()).as(exported.err()).isZero();
    assertThat(exported.out())
        .contains("Exported 60 notifications")
        .contains("without identifying details");
    assertThat(Files.readAllLines(out.resolve("notifications.csv"))).hasSize(61);
    assertThat(Files.readAllLines(out.resolve("children.csv")))
        .hasSize(set.childRows() + 1)
        .first()
        .isEqualTo("notification_ref,child_seq,gender,age_years,ethnicity");
  }

  @Test
  @DisplayName(
      "all four files of 1,300 notifications import (exit 0, counts in the summary); export ->"
          + " import into a fresh database -> export gives the same bytes; a bad review row stores"
          + " nothing")
  void allFourFilesRoundTrip() throws Exception {
    Path in = tmp.resolve("in");
    SyntheticReviewsCsv.Written set = SyntheticReviewsCsv.write(in, 1300, 6);
    SyntheticReviewsCsv.Counts counts = set.counts();
    String data = tmp.resolve("data").toString();

    // A bad row in lcsprs.csv: nothing of any file is stored.
    String lcsprs = Files.readString(set.lcsprs());
    Files.writeString(
        set.lcsprs(), lcsprs.replaceFirst("\nSYN-LCSPR-0002,[A-Z_]+,", "\nSYN-LCSPR-0002,SOON,"));
    Run refused = run("import", in.toString(), "--data-dir", data);
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err())
        .contains("lcsprs.csv:3:publication_status: SOON: is not an allowed value")
        .contains("Import refused: 1 error(s); nothing was stored.");
    Files.writeString(set.lcsprs(), lcsprs);

    Run imported = run("import", in.toString(), "--data-dir", data);
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out())
        .contains(
            "Imported 1300 notifications with "
                + set.notifications().childRows()
                + " children, "
                + counts.rapidReviews()
                + " rapid reviews and "
                + counts.lcsprs()
                + " LCSPRs from");

    Path first = tmp.resolve("first");
    Run exported = run("export", first.toString(), "--identifying", "--data-dir", data);
    assertThat(exported.code()).as(exported.err()).isZero();
    assertThat(exported.out())
        .contains(
            "Exported 1300 notifications, "
                + counts.rapidReviews()
                + " rapid reviews and "
                + counts.lcsprs()
                + " LCSPRs");

    String fresh = tmp.resolve("fresh").toString();
    Run again = run("import", first.toString(), "--data-dir", fresh);
    assertThat(again.code()).as(again.err()).isZero();
    Path second = tmp.resolve("second");
    assertThat(run("export", second.toString(), "--identifying", "--data-dir", fresh).code())
        .isZero();
    for (String file :
        new String[] {"notifications.csv", "children.csv", "rapid_reviews.csv", "lcsprs.csv"}) {
      assertThat(Files.readAllBytes(second.resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(first.resolve(file)));
    }
    assertThat(Files.readAllLines(second.resolve("lcsprs.csv"))).hasSize(counts.lcsprs() + 1);

    Run replaced = run("import", first.toString(), "--replace", "--data-dir", fresh);
    assertThat(replaced.code()).as(replaced.err()).isZero();
    assertThat(replaced.out())
        .contains(
            "(1300 replaced; also replaced: "
                + counts.rapidReviews()
                + " rapid reviews, "
                + counts.lcsprs()
                + " LCSPRs)");
  }

  @Test
  @DisplayName(
      "every command explains itself with --help; a folder that does not exist is a clear error")
  void help() {
    for (String command : new String[] {"serve", "import", "export", "calendar"}) {
      Run help = run(command, "--help");
      assertThat(help.code()).isZero();
      assertThat(help.out()).contains("Usage: observatory " + command);
    }
    assertThat(run("import", "--help").out())
        .contains("--data-dir")
        .contains("--db-url")
        .contains("--replace")
        .contains("rapid_reviews.csv, lcsprs.csv");
    Run missing = run("import", tmp.resolve("nope").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("is not a folder");
    Run unknown = run("frobnicate");
    assertThat(unknown.code()).isNotZero();
    assertThat(unknown.err()).contains("frobnicate");
  }

  @Test
  @DisplayName(
      "export --identifying writes children's names a spreadsheet would run with a leading"
          + " apostrophe; import reads them back as they were; export again gives the same bytes")
  void formulaNamesNeutralised() throws Exception {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    List<String> names =
        List.of("=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "-3");
    StringBuilder n =
        new StringBuilder(
            "notification_ref,la_code,incident_date,aware_date,notified_date,notification_type,"
                + "death_category,harm_category,imd_decile,case_characteristics,"
                + "domestic_abuse_pattern,csc_involvement,court_order,living_arrangement,"
                + "covid_factors\n");
    StringBuilder c =
        new StringBuilder(
            "notification_ref,child_seq,gender,age_years,ethnicity,child_name,date_of_birth\n");
    for (int i = 0; i < names.size(); i++) {
      n.append("F-")
          .append(i)
          .append(
              ",E09000033,2020-06-01,2020-06-02,2020-06-05,DEATH,SUDI,,3,,,NONE,NONE,AT_HOME,\n");
      c.append("F-")
          .append(i)
          .append(",1,MALE,0,WBRI,\"")
          .append(names.get(i).replace("\"", "\"\""))
          .append("\",\n");
    }
    Files.writeString(in.resolve("notifications.csv"), n);
    Files.writeString(in.resolve("children.csv"), c);
    String data = tmp.resolve("data").toString();
    Run imported = run("import", in.toString(), "--data-dir", data);
    assertThat(imported.code()).as(imported.err()).isZero();

    Path first = tmp.resolve("first");
    assertThat(run("export", first.toString(), "--identifying", "--data-dir", data).code())
        .isZero();
    assertThat(Files.readAllLines(first.resolve("children.csv")))
        .containsExactly(
            "notification_ref,child_seq,gender,age_years,ethnicity,child_name,date_of_birth",
            "F-0,1,MALE,0,WBRI,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",",
            "F-1,1,MALE,0,WBRI,'+cmd|' /C calc'!A0,",
            "F-2,1,MALE,0,WBRI,'-2+3,",
            "F-3,1,MALE,0,WBRI,'@SUM(A1),",
            "F-4,1,MALE,0,WBRI,-3,");

    String fresh = tmp.resolve("fresh").toString();
    Run again = run("import", first.toString(), "--data-dir", fresh);
    assertThat(again.code()).as(again.err()).isZero();
    Path second = tmp.resolve("second");
    assertThat(run("export", second.toString(), "--identifying", "--data-dir", fresh).code())
        .isZero();
    for (String file : new String[] {"notifications.csv", "children.csv"}) {
      assertThat(Files.readAllBytes(second.resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(first.resolve(file)));
    }

    // A NUL in a file is an import error naming the place, not a database failure.
    Files.writeString(
        first.resolve("children.csv"),
        Files.readString(first.resolve("children.csv"))
            .replace("F-4,1,MALE,0,WBRI", "F-4,1,MA\u0000LE,0,WBRI"));
    Run refused = run("import", first.toString(), "--replace", "--data-dir", fresh);
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err())
        .contains("children.csv:6:gender: MA\\u0000LE: contains the control character U+0000")
        .contains("nothing was stored")
        .doesNotContain("22021")
        .doesNotContain("PSQLException")
        .doesNotContain("\u0000");
  }
}
