package uk.gov.observatory.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.SyntheticCsv;

@RegisterTest
class NotificationCsvTest {

  @Autowired NotificationCsv csv;
  @Autowired JdbcTemplate jdbc;
  @Autowired DatabaseOwner owner;
  @Autowired NotificationRegister register;

  @TempDir Path tmp;

  long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  ImportResult importFrom(Path dir) {
    return csv.importFrom(dir, false, ImportProgress.NONE);
  }

  static void replaceLine(Path file, int line, String from, String to) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    String old = lines.get(line - 1);
    assertThat(old).containsPattern(from);
    lines.set(line - 1, old.replaceFirst(from, to));
    Files.write(file, lines);
  }

  static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName(
      "1,300 notifications with about 1,500 children import, and export -> import -> export is byte-identical")
  void largeSetRoundTrips() throws IOException {
    SyntheticCsv.Files2 set = SyntheticCsv.write(tmp.resolve("in"), 1300, 6);
    assertThat(set.childRows()).isBetween(1450, 1550);

    ImportResult result = importFrom(tmp.resolve("in"));
    assertThat(result.problems()).isEmpty();
    assertThat(result.notifications()).isEqualTo(1300);
    assertThat(count("notification")).isEqualTo(1300);
    assertThat(count("child")).isEqualTo(set.childRows());

    Path first = tmp.resolve("first");
    assertThat(csv.exportTo(first, true)).isEqualTo(1300);
    assertThat(Files.readAllLines(first.resolve("notifications.csv"))).hasSize(1301);
    assertThat(Files.readAllLines(first.resolve("children.csv"))).hasSize(set.childRows() + 1);

    EmptyRegister.empty(owner.jdbc());
    assertThat(importFrom(first).problems()).isEmpty();
    Path second = tmp.resolve("second");
    csv.exportTo(second, true);
    assertThat(Files.readAllBytes(second.resolve("notifications.csv")))
        .isEqualTo(Files.readAllBytes(first.resolve("notifications.csv")));
    assertThat(Files.readAllBytes(second.resolve("children.csv")))
        .isEqualTo(Files.readAllBytes(first.resolve("children.csv")));
  }

  @Test
  @DisplayName("the same set with one bad row stores nothing and names that row")
  void oneBadRowStoresNothing() throws IOException {
    SyntheticCsv.Files2 set = SyntheticCsv.write(tmp, 1300, 6);
    replaceLine(set.notifications(), 701, "E[0-9]{8}", "E99999999");

    ImportResult result = importFrom(tmp);
    assertThat(result.stored()).isFalse();
    assertThat(result.problems())
        .extracting(ImportProblem::toString)
        .singleElement()
        .asString()
        .startsWith("notifications.csv:701:la_code: E99999999: ")
        .contains("GSS code");
    assertThat(count("notification")).isZero();
    assertThat(count("child")).isZero();
  }

  @Test
  @DisplayName(
      "every error is reported, not only the first, each as FILE:LINE:COLUMN: VALUE: reason")
  void everyErrorReported() throws IOException {
    SyntheticCsv.Files2 set = SyntheticCsv.write(tmp, 40, 6);
    replaceLine(set.notifications(), 3, ",(DEATH|SERIOUS_HARM|OTHER),", ",DEAD,");
    replaceLine(set.children(), 10, ",(MALE|FEMALE|NOT_KNOWN),[0-9]+,", ",MALE,18,");
    Files.writeString(
        set.children(), "SYN-99999,1,MALE,3,,,\n", java.nio.file.StandardOpenOption.APPEND);

    List<String> problems =
        importFrom(tmp).problems().stream().map(ImportProblem::toString).toList();
    assertThat(problems).hasSize(3);
    assertThat(problems.get(0))
        .startsWith("notifications.csv:3:notification_type: DEAD: ")
        .contains("DEATH, SERIOUS_HARM, OTHER");
    assertThat(problems.get(1)).startsWith("children.csv:10:age_years: 18: ").contains("0 to 17");
    assertThat(problems.get(2))
        .startsWith("children.csv:" + (set.childRows() + 2) + ":notification_ref: SYN-99999: ")
        .contains("no notification");
    assertThat(count("notification")).isZero();
  }

  static final String HEADER =
      "notification_ref,la_code,incident_date,aware_date,notified_date,notification_type,death_category,"
          + "harm_category,imd_decile,case_characteristics,domestic_abuse_pattern,csc_involvement,court_order,"
          + "living_arrangement,covid_factors\n";
  static final String ROW_A =
      "A-1,E09000033,2020-06-01,2020-06-02,2020-06-05,DEATH,SUDI,,3,,,NONE,NONE,AT_HOME,\n";
  static final String ROW_B =
      "B-2,E08000035,2021-03-10,2021-03-10,2021-03-12,SERIOUS_HARM,,CSE,,,,CHILD_IN_NEED,NONE,AT_HOME,\n";
  static final String CHILDREN =
      "notification_ref,child_seq,gender,age_years,ethnicity\nA-1,1,MALE,0,WBRI\nB-2,1,FEMALE,15,\n";

  List<String> problems(String notifications, String children) throws IOException {
    write(tmp.resolve("notifications.csv"), notifications);
    write(tmp.resolve("children.csv"), children);
    List<String> p = importFrom(tmp).problems().stream().map(ImportProblem::toString).toList();
    assertThat(count("notification")).as("nothing stored").isZero();
    return p;
  }

  @Test
  @DisplayName("an unknown column is refused, naming the allowed columns")
  void unknownColumn() throws IOException {
    assertThat(problems(HEADER.replace("covid_factors", "covid"), CHILDREN))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("notifications.csv:1:covid: covid: ")
                    .contains("allowed columns"));
  }

  @Test
  @DisplayName("an unclosed quote is refused as invalid CSV")
  void unclosedQuote() throws IOException {
    assertThat(problems(HEADER + ROW_A + "B-2,\"E08000035,2021-03-10\n", CHILDREN))
        .singleElement()
        .asString()
        .startsWith("notifications.csv:")
        .contains("quoted field is not closed");
  }

  @Test
  @DisplayName("a file that is not UTF-8 is refused, naming the line")
  void notUtf8() throws IOException {
    write(tmp.resolve("notifications.csv"), HEADER + ROW_A + ROW_B);
    byte[] latin1 =
        "notification_ref,child_seq,gender,age_years,ethnicity,child_name\nA-1,1,MALE,0,WBRI,Zo\u00eb\nB-2,1,FEMALE,15,,\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(tmp.resolve("children.csv"), latin1);
    List<String> p = importFrom(tmp).problems().stream().map(ImportProblem::toString).toList();
    assertThat(p)
        .singleElement()
        .asString()
        .startsWith("children.csv:2:-: 0xEB: ")
        .contains("not UTF-8");
    assertThat(count("notification")).isZero();
  }

  @Test
  @DisplayName("yearly reports are not silently ignored by the import of notifications alone")
  void notYetImported() throws IOException {
    write(tmp.resolve("yearly_reports.csv"), "partnership_code,published_date\n");
    assertThat(problems(HEADER + ROW_A + ROW_B, CHILDREN))
        .singleElement()
        .asString()
        .startsWith("yearly_reports.csv:0:-: : is not read by the import of notifications alone");
  }

  @Test
  @DisplayName(
      "the import of notifications alone refuses review files rather than ignore them (the import"
          + " command reads them)")
  void reviewFilesNotIgnored() throws IOException {
    write(tmp.resolve("rapid_reviews.csv"), "notification_ref,decision\n");
    assertThat(problems(HEADER + ROW_A + ROW_B, CHILDREN))
        .singleElement()
        .asString()
        .startsWith("rapid_reviews.csv:0:-: : is not read by the import of notifications alone")
        .contains("import command");
  }

  @Test
  @DisplayName("an empty file is refused")
  void emptyFile() throws IOException {
    assertThat(problems("", CHILDREN))
        .singleElement()
        .asString()
        .startsWith("notifications.csv:1:-: : the file is empty");
  }

  @Test
  @DisplayName("duplicate references in a file are refused, naming the first line")
  void duplicateRefs() throws IOException {
    assertThat(problems(HEADER + ROW_A + ROW_B + ROW_A, CHILDREN))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("notifications.csv:4:notification_ref: A-1: ")
                    .contains("line 2"));
  }

  @Test
  @DisplayName("a notification without children and a child without its notification are refused")
  void orphans() throws IOException {
    assertThat(
            problems(
                HEADER + ROW_A + ROW_B,
                "notification_ref,child_seq,gender,age_years,ethnicity\nA-1,1,MALE,0,WBRI\nC-3,1,MALE,2,\n"))
        .containsExactly(
            "notifications.csv:3:notification_ref: B-2: has no children in children.csv: a notification names at least one child",
            "children.csv:3:notification_ref: C-3: has no notification in notifications.csv: every child belongs to a notification in the same import");
  }

  @Test
  @DisplayName("a UTF-8 byte order mark is accepted; importing the same refs again needs --replace")
  void bomAndReplace() throws IOException {
    write(tmp.resolve("notifications.csv"), "\uFEFF" + HEADER + ROW_A + ROW_B);
    write(tmp.resolve("children.csv"), CHILDREN);
    assertThat(importFrom(tmp).problems()).isEmpty();
    assertThat(count("notification")).isEqualTo(2);

    write(tmp.resolve("children.csv"), CHILDREN.replace("B-2,1,FEMALE,15,", "B-2,1,FEMALE,16,"));
    assertThat(importFrom(tmp).problems())
        .extracting(ImportProblem::toString)
        .containsExactly(
            "notifications.csv:2:notification_ref: A-1: is already in the register: import with --replace to replace it",
            "notifications.csv:3:notification_ref: B-2: is already in the register: import with --replace to replace it");
    assertThat(jdbc.queryForList("select age_years from child order by age_years", Integer.class))
        .containsExactly(0, 15);

    ImportResult replaced = csv.importFrom(tmp, true, ImportProgress.NONE);
    assertThat(replaced.problems()).isEmpty();
    assertThat(replaced.replaced()).isEqualTo(2);
    assertThat(count("notification")).isEqualTo(2);
    assertThat(jdbc.queryForList("select age_years from child order by age_years", Integer.class))
        .containsExactly(0, 16);
  }

  @Test
  @DisplayName("export leaves out names and dates of birth unless asked")
  void identifyingOnlyWhenAsked() throws IOException {
    write(tmp.resolve("notifications.csv"), HEADER + ROW_A);
    write(
        tmp.resolve("children.csv"),
        "notification_ref,child_seq,gender,age_years,ethnicity,child_name,date_of_birth\nA-1,1,MALE,0,WBRI,Synthetic Name,2020-01-15\n");
    assertThat(importFrom(tmp).problems()).isEmpty();
    csv.exportTo(tmp.resolve("plain"), false);
    csv.exportTo(tmp.resolve("full"), true);
    assertThat(Files.readString(tmp.resolve("plain/children.csv")))
        .doesNotContain("Synthetic Name")
        .doesNotContain("2020-01-15")
        .doesNotContain("child_name");
    assertThat(Files.readString(tmp.resolve("full/children.csv")))
        .contains("Synthetic Name")
        .contains("2020-01-15");
  }

  /** Names a spreadsheet would run as formulas (OWASP CSV injection), and two near misses. */
  static final List<String> RUNNABLE_NAMES =
      List.of(
          "=HYPERLINK(\"http://x\",\"y\")",
          "+cmd|' /C calc'!A0",
          "-2+3",
          "@SUM(A1)",
          "'=already quoted",
          "O'Brien");

  @Test
  @DisplayName(
      "children's names a spreadsheet would run (=, +, -, @) are exported with a leading"
          + " apostrophe, read back as they were, and export -> import -> export is byte-identical")
  void formulaNamesNeutralisedAndRoundTrip() throws IOException {
    // Stored as a person typed them (through the register, not a CSV file).
    List<String> refs = new ArrayList<>();
    for (String name : RUNNABLE_NAMES) {
      NotificationSubmission d = Submissions.death();
      NotificationSubmission.ChildSubmission c = d.children().get(0);
      refs.add(
          register
              .notify(
                  new NotificationSubmission(
                      d.notificationRef(),
                      d.laCode(),
                      d.incidentDate(),
                      d.awareDate(),
                      d.notifiedDate(),
                      d.notificationType(),
                      d.deathCategory(),
                      d.harmCategory(),
                      d.imdDecile(),
                      d.caseCharacteristics(),
                      d.domesticAbusePattern(),
                      d.cscInvolvement(),
                      d.courtOrder(),
                      d.livingArrangement(),
                      d.covidFactors(),
                      List.of(
                          new NotificationSubmission.ChildSubmission(
                              c.childSeq(), c.gender(), c.ageYears(), c.ethnicity(), name, null))))
              .ref());
    }

    Path first = tmp.resolve("first");
    csv.exportTo(first, true);
    String written = Files.readString(first.resolve("children.csv"));
    assertThat(written)
        .contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",")
        .contains(",'+cmd|' /C calc'!A0,")
        .contains(",'-2+3,")
        .contains(",'@SUM(A1),")
        .contains(",''=already quoted,")
        .contains(",O'Brien,")
        .doesNotContain(",=")
        .doesNotContain(",+")
        .doesNotContain(",-2")
        .doesNotContain(",@");

    EmptyRegister.empty(owner.jdbc());
    assertThat(importFrom(first).problems()).isEmpty();
    for (int i = 0; i < RUNNABLE_NAMES.size(); i++) {
      assertThat(register.find(refs.get(i)).orElseThrow().children().get(0).childName())
          .as("the name read back from the export")
          .isEqualTo(RUNNABLE_NAMES.get(i));
    }
    Path second = tmp.resolve("second");
    csv.exportTo(second, true);
    assertThat(Files.readAllBytes(second.resolve("children.csv")))
        .isEqualTo(Files.readAllBytes(first.resolve("children.csv")));
    assertThat(Files.readAllBytes(second.resolve("notifications.csv")))
        .isEqualTo(Files.readAllBytes(first.resolve("notifications.csv")));
  }

  @Test
  @DisplayName(
      "any cell a spreadsheet would run, tab- and CR-led ones included, is written with one leading"
          + " apostrophe and read back as it was; plain numbers are left as they are")
  void everyRunnableCellNeutralisedAndReadBack() throws IOException {
    List<String> values =
        List.of(
            "=1+1",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1+1",
            "\r=1+1",
            "\tleading tab",
            "\rleading CR",
            "''=two already",
            "'plain apostrophe",
            "-3",
            "-2.5",
            "12",
            "c",
            "z",
            "low",
            "");
    StringBuilder out = new StringBuilder();
    try (CsvCells printer = CsvCells.printer(out, "value")) {
      for (String v : values) {
        printer.printRecord(v);
      }
    }
    assertThat(out.toString())
        .startsWith("value\r\n'=1+1\r\n'+1\r\n'-2+3\r\n'@SUM(A1)\r\n'\t=1+1\r\n")
        .contains("\r\n\"'\r=1+1\"\r\n")
        .contains("\r\n'\tleading tab\r\n")
        .contains("\r\n'''=two already\r\n")
        .contains("\r\n'plain apostrophe\r\n")
        .endsWith("\r\n-3\r\n-2.5\r\n12\r\nc\r\nz\r\nlow\r\n\"\"\r\n");

    write(tmp.resolve("cells.csv"), out.toString());
    List<ImportProblem> problems = new ArrayList<>();
    CsvTable table = CsvTable.read(tmp, "cells.csv", List.of("value"), List.of("value"), problems);
    assertThat(problems).isEmpty();
    assertThat(table.rows()).extracting(r -> r.get("value")).containsExactlyElementsOf(values);

    StringBuilder again = new StringBuilder();
    try (CsvCells printer = CsvCells.printer(again, "value")) {
      for (CsvTable.Row r : table.rows()) {
        printer.printRecord(r.get("value"));
      }
    }
    assertThat(again.toString()).isEqualTo(out.toString());
  }

  @Test
  @DisplayName(
      "a NUL or other control character in an imported CSV is an import error naming file, line,"
          + " column and the value with the character escaped; nothing is stored")
  void controlCharactersRefused() throws IOException {
    List<String> p =
        problems(
            HEADER
                + ROW_A
                + ROW_B.replace("E08000035", "E0800\u00003")
                + ROW_A.replace("A-1", "C-3\u001b[2J"),
            "notification_ref,child_seq,gender,age_years,ethnicity,child_name\n"
                + "A-1,1,MALE,0,WBRI,\"Secret\u0000Name\"\n"
                + "B-2,1,FEMALE,15,,\"Two\nlines\tand a tab\"\n"
                + "B-2,2,FEMALE,15,\u0007,\n");
    assertThat(p)
        .containsExactly(
            "notifications.csv:3:la_code: E0800\\u00003: contains the control character U+0000"
                + " (character 6): remove it; a value is text, with at most tabs and line breaks",
            "notifications.csv:4:notification_ref: C-3\\u001B[2J: contains the control character"
                + " U+001B (character 4): remove it; a value is text, with at most tabs and line"
                + " breaks",
            "children.csv:2:child_name: [identifying detail withheld]: contains the control"
                + " character U+0000 (character 7): remove it; a value is text, with at most tabs"
                + " and line breaks",
            "children.csv:5:ethnicity: \\u0007: contains the control character U+0007 (character"
                + " 1): remove it; a value is text, with at most tabs and line breaks");
    assertThat(String.join("\n", p)).doesNotContain("Secret").doesNotContain("\u0000");
    assertThat(count("child")).isZero();
  }
}
