package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.library.DocumentDetails;
import uk.gov.observatory.library.DocumentType;
import uk.gov.observatory.library.LibraryDocuments;
import uk.gov.observatory.library.NewDocument;
import uk.gov.observatory.library.PdfFile;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.TestPdfs;

/** {@code library search} as a person runs it: the CSV of the published documents found. */
@RegisterTest
class LibrarySearchCommandTest {

  @Autowired LibraryDocuments documents;
  @Autowired DatabaseOwner owner;
  @TempDir Path tmp;

  @Test
  void writesTheHitsWithTheirPagesAndMarkedSnippetsAndRefusesAnUnknownFacet() throws Exception {
    long together =
        add(
            "Child Q: a local review",
            List.of("INFORMATION_SHARING"),
            true,
            "Introduction to the review of the family.",
            "Agencies were not working together when the first concerns arose.",
            "The health visitor noted signs of neglect.",
            "Working together again was the aim of the plan.");
    add(
        "Older children at risk",
        List.of("CRITICAL_THINKING"),
        true,
        "Practitioners worked alone, not together.");
    add(
        "A draft on working together",
        List.of("INFORMATION_SHARING"),
        false,
        "Working together, in a draft.");
    Path csv = tmp.resolve("hits.csv");

    CommandRun run =
        CommandRun.onDatabase(
            owner,
            List.of("library", "search", "\"working together\""),
            "--facet",
            "theme=INFORMATION_SHARING",
            "--limit",
            "5",
            "--out",
            csv.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("1 of 1 documents found");
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("rank,id,title,score,pages,snippet");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1))
        .matches("1," + together + ",Child Q: a local review,[0-9]+\\.[0-9]{6},2;4,.*")
        .containsIgnoringCase("**working together**");

    CommandRun bad =
        CommandRun.onDatabase(
            owner,
            List.of("library", "search", "neglect"),
            "--facet",
            "theme=NOT_A_THEME",
            "--out",
            tmp.resolve("bad.csv").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--facet theme").contains("NOT_A_THEME");
    assertThat(tmp.resolve("bad.csv")).doesNotExist();
    CommandRun unknown =
        CommandRun.of("library", "search", "neglect", "--facet", "colour=red", "--out", "x.csv");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("colour=red").contains("theme");
  }

  private long add(String title, List<String> themes, boolean publish, String... pages) {
    Viewer secretariat = Viewer.system("panel.secretariat");
    long id =
        documents
            .add(
                new NewDocument(
                    new DocumentDetails(
                        DocumentType.THEMATIC,
                        title,
                        LocalDate.of(2021, 3, 1),
                        null,
                        null,
                        null,
                        null,
                        themes,
                        null,
                        null,
                        null,
                        null),
                    null,
                    null,
                    new PdfFile("report.pdf", TestPdfs.of(pages))),
                secretariat)
            .id();
    if (publish) {
      documents.publish(id, null, secretariat);
    }
    return id;
  }
}
