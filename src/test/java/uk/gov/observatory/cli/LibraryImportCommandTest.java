package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.synthetic.SyntheticLibrary;

/**
 * Issue 18: {@code library import DIR/library.csv} as a person runs it, on the test's database: the
 * good lines' documents are added and published; a bad line (a type not in the list, a date that is
 * not one, a missing PDF) and a line whose summary names a child of the register are each named by
 * their line number with what is wrong, exit 2, and nothing of them is stored. The same with --bulk
 * (the benchmark's loader).
 */
@RegisterTest
class LibraryImportCommandTest {

  @Autowired DatabaseOwner owner;
  @Autowired NotificationRegister register;

  @TempDir Path tmp;

  Path manifest;
  List<String> lines;

  @BeforeEach
  void fourReportsThenBadLines() throws IOException {
    // A child in the register named "Synthetic Name" (the check looks for it in every document).
    register.notify(
        Submissions.of("E08000035", "DEATH", LocalDate.of(2020, 3, 2), 3, 1), null, "alice");
    new SyntheticLibrary(ReferenceData.fromClasspath())
        .generate(4, 11, tmp, SyntheticLibrary.Progress.NONE);
    manifest = tmp.resolve("library.csv");
    lines = new ArrayList<>(Files.readAllLines(manifest, StandardCharsets.UTF_8));
    assertThat(lines).hasSize(5);
  }

  /** Line {@code n} (1-based, the header is 1) with its {@code column}'th cell replaced. */
  void replaceCell(int n, int column, String value) {
    org.apache.commons.csv.CSVRecord r = parse(lines.get(n - 1));
    List<String> cells = new ArrayList<>(r.toList());
    cells.set(column, value);
    lines.set(n - 1, csv(cells));
  }

  static org.apache.commons.csv.CSVRecord parse(String line) {
    try {
      return org.apache.commons.csv.CSVFormat.RFC4180
          .parse(new java.io.StringReader(line))
          .getRecords()
          .get(0);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String csv(List<String> cells) {
    List<String> quoted = new ArrayList<>();
    cells.forEach(c -> quoted.add('"' + c.replace("\"", "\"\"") + '"'));
    return String.join(",", quoted);
  }

  CommandRun importing(String... extra) throws IOException {
    Files.write(manifest, lines, StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(List.of("library", "import", manifest.toString()));
    command.addAll(List.of(extra));
    return CommandRun.onDatabase(owner, command);
  }

  List<String> storedTitles() {
    return owner
        .jdbc()
        .queryForList("select title from library_document order by title", String.class);
  }

  void badLines() {
    replaceCell(2, 1, "BOGUS"); // line 2: the type
    replaceCell(3, 3, "31/02/2021"); // line 3: the date
    // line 4: a summary naming the register's child; line 5: good
    replaceCell(4, 10, "A review of what happened to Synthetic Name and the family.");
    List<String> missing = new ArrayList<>(parse(lines.get(4)).toList());
    missing.set(0, "review-09999.pdf");
    missing.set(2, "[Synthetic] A document whose PDF is missing");
    lines.add(csv(missing)); // line 6: no such file
  }

  @Test
  @DisplayName("library import: good lines published; bad lines named by number, nothing stored")
  void namesBadLines() throws IOException {
    String goodTitle = parse(lines.get(4)).get(2);
    badLines();
    CommandRun r = importing();
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .contains("line 2: type: BOGUS is not a type")
        .contains("line 3: published: 31/02/2021 is not a date")
        .contains("line 4: ")
        .contains("line 6: file: there is no file review-09999.pdf");
    assertThat(r.err()).doesNotContain("line 5:").doesNotContain("Synthetic Name");
    assertThat(r.out()).contains("Published 1 of the 5 documents");
    assertThat(storedTitles()).containsExactly(goodTitle);
    assertThat(
            owner
                .jdbc()
                .queryForObject(
                    "select count(*) from library_document where status = 'PUBLISHED'"
                        + " and check_status = 'CLEAR' and page_count between 3 and 12",
                    Long.class))
        .isEqualTo(1);
    assertThat(owner.jdbc().queryForObject("select count(*) from library_page", Long.class))
        .isPositive();
  }

  @Test
  @DisplayName("library import --bulk: the same lines named, the same one document published")
  void bulkNamesBadLines() throws IOException {
    String goodTitle = parse(lines.get(4)).get(2);
    badLines();
    CommandRun r = importing("--bulk");
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .contains("line 2: type: BOGUS is not a type")
        .contains("line 3: published: 31/02/2021 is not a date")
        .contains("line 4: the identifying-details check found")
        .contains("line 6: file: there is no file review-09999.pdf");
    assertThat(r.err()).doesNotContain("line 5:").doesNotContain("Synthetic Name");
    assertThat(storedTitles()).containsExactly(goodTitle);
    // What the search reads: the weighted text of the document.
    assertThat(
            owner
                .jdbc()
                .queryForObject(
                    "select count(*) from library_document where search_tsv @@"
                        + " websearch_to_tsquery('english', 'fictitious')",
                    Long.class))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("library import of a good manifest publishes every line and exits 0")
  void goodManifest() throws IOException {
    CommandRun r = importing();
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Published 4 of the 4 documents");
    assertThat(storedTitles()).hasSize(4).allMatch(t -> t.startsWith("[Synthetic] "));
  }
}
