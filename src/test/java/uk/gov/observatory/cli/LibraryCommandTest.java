package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.library.CheckStatus;
import uk.gov.observatory.library.DocumentStatus;
import uk.gov.observatory.library.DocumentType;
import uk.gov.observatory.library.LibraryDocument;
import uk.gov.observatory.library.LibraryDocuments;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.notification.NotificationSubmission;
import uk.gov.observatory.notification.NotificationSubmission.ChildSubmission;
import uk.gov.observatory.review.Lcspr;
import uk.gov.observatory.review.Lcsprs;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestPdfs;

/**
 * {@code library add} and {@code library publish} as a person runs them (issue 18's command line
 * contract), against the test's own database: the id printed; publication refused with exit code 2
 * and the pages and lines found; an override; bad input refused by option, nothing stored.
 */
@RegisterTest
class LibraryCommandTest {

  @Autowired DatabaseOwner owner;
  @Autowired NotificationRegister register;
  @Autowired Lcsprs lcsprs;
  @Autowired Accounts accounts;
  @Autowired Viewers viewers;
  @Autowired LibraryDocuments documents;
  @TempDir Path tmp;

  Lcspr lcspr;

  @BeforeEach
  void anLcsprOfAChildNamedInTheReport() {
    Notification n =
        register.notify(
            new NotificationSubmission(
                null,
                "E09000033",
                "2026-06-01",
                "2026-06-01",
                "2026-06-04",
                "DEATH",
                "SUDI",
                null,
                null,
                List.of(),
                null,
                "NONE",
                "NONE",
                "AT_HOME",
                List.of(),
                List.of(
                    new ChildSubmission(
                        "1", "MALE", "0", null, "Tobias Wrenfield", "2026-01-15"))));
    TestAccounts.create(accounts, "westminster.partnership", Role.PARTNERSHIP, "E09000033");
    lcspr =
        lcsprs.initiate(
            null,
            List.of(n.ref()),
            LocalDate.of(2026, 7, 1),
            viewers.of("westminster.partnership"));
  }

  CommandRun library(String sub, String... extra) {
    return CommandRun.onDatabase(owner, List.of("library", sub), extra);
  }

  Path pdf(String name, List<List<String>> pages) throws IOException {
    Path file = tmp.resolve(name);
    Files.write(file, TestPdfs.pages(pages));
    return file;
  }

  int documents() {
    return owner.jdbc().queryForObject("select count(*) from library_document", Integer.class);
  }

  @Test
  @DisplayName(
      "add prints the id; publish refuses with exit 2 and 'page 2, line 2: a child's name';"
          + " --override-reason publishes it, audited")
  void addThenPublishBlockedThenOverride() throws IOException {
    Path report =
        pdf(
            "report.pdf",
            List.of(
                List.of("Local child safeguarding practice review", "Baby T"),
                List.of("Findings", "Tobias was not seen after the first visit.")));
    CommandRun added =
        library(
            "add",
            report.toString(),
            "--title",
            "Baby T: safer sleep",
            "--published",
            "2026-10-01",
            "--lcspr",
            lcspr.ref(),
            "--summary",
            "Unsafe sleep in a crisis.",
            "--themes",
            "CRITICAL_THINKING;INFORMATION_SHARING");
    assertThat(added.code()).as(added.err()).isZero();
    assertThat(added.out().strip()).matches("[0-9]+");
    long id = Long.parseLong(added.out().strip());
    assertThat(added.err()).contains("page 2, line 2: a child's name");
    LibraryDocument d = documents.find(id, viewers.of("westminster.partnership")).orElseThrow();
    assertThat(d.details().type()).isEqualTo(DocumentType.LCSPR);
    assertThat(d.details().themes()).containsExactly("CRITICAL_THINKING", "INFORMATION_SHARING");
    assertThat(d.details().categories()).containsExactly("SUDI");
    assertThat(d.details().ageBands()).containsExactly("UNDER_1");
    assertThat(d.lcsprRef()).isEqualTo(lcspr.ref());

    CommandRun refused = library("publish", String.valueOf(id));
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.out().strip()).isEqualTo("page 2, line 2: a child's name");
    assertThat(refused.err()).contains("not published").doesNotContain("Tobias");
    assertThat(documents.published(id)).isEmpty();

    CommandRun overridden =
        library(
            "publish",
            String.valueOf(id),
            "--override-reason",
            "The family agreed to the name being used");
    assertThat(overridden.code()).as(overridden.err()).isZero();
    assertThat(overridden.out()).contains("Published document " + id);
    LibraryDocument published = documents.published(id).orElseThrow();
    assertThat(published.status()).isEqualTo(DocumentStatus.PUBLISHED);
    assertThat(
            owner
                .jdbc()
                .queryForObject(
                    "select count(*) from audit_entry where record_type = 'library_document'"
                        + " and record_ref = ? and actor like 'cli:%' and details like ?",
                    Integer.class,
                    String.valueOf(id),
                    "%The family agreed to the name being used%"))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("a clean document is added and published with exit 0")
  void aCleanDocumentPublishes() throws IOException {
    Path report = pdf("briefing.pdf", List.of(List.of("Learning about neglect in the pandemic")));
    CommandRun added =
        library(
            "add",
            report.toString(),
            "--title",
            "Neglect in the pandemic",
            "--published",
            "2026-09-30",
            "--type",
            "briefing",
            "--la",
            "E08000035");
    assertThat(added.code()).as(added.err()).isZero();
    long id = Long.parseLong(added.out().strip());
    CommandRun published = library("publish", String.valueOf(id));
    assertThat(published.code()).as(published.err()).isZero();
    LibraryDocument d = documents.published(id).orElseThrow();
    assertThat(d.details().type()).isEqualTo(DocumentType.BRIEFING);
    assertThat(d.regionCode()).isEqualTo("E12000003");
    assertThat(
            documents
                .find(id, uk.gov.observatory.access.Viewer.system("test"))
                .orElseThrow()
                .checkStatus())
        .isEqualTo(CheckStatus.CLEAR);
  }

  @Test
  @DisplayName("bad input is refused by option with exit 2, and nothing is stored")
  void badInputIsRefusedByOption() throws IOException {
    Path report = pdf("r.pdf", List.of(List.of("Text")));
    CommandRun badDate =
        library("add", report.toString(), "--title", "T", "--published", "1/10/2026");
    assertThat(badDate.code()).isEqualTo(2);
    assertThat(badDate.err()).contains("--published '1/10/2026' is not a date");

    CommandRun badType =
        library(
            "add", report.toString(), "--title", "T", "--published", "2026-10-01", "--type", "X");
    assertThat(badType.code()).isEqualTo(2);
    assertThat(badType.err()).contains("--type 'X'", "NATIONAL_REVIEW");

    CommandRun missing =
        library(
            "add", tmp.resolve("nope.pdf").toString(), "--title", "T", "--published", "2026-10-01");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");

    Path notPdf = tmp.resolve("notes.pdf");
    Files.writeString(notPdf, "just words");
    CommandRun service =
        library(
            "add",
            notPdf.toString(),
            "--title",
            "T",
            "--published",
            "2027-01-01",
            "--type",
            "SCR",
            "--la",
            "E99999999",
            "--themes",
            "BRAVERY");
    assertThat(service.code()).isEqualTo(2);
    assertThat(service.err())
        .contains(
            "--published: The date the document was published cannot be in the future",
            "--la: 'E99999999' is not a local authority's code",
            "--themes: 'BRAVERY' is not allowed",
            "FILE: The file is not a PDF",
            "Refused: nothing was stored.");

    CommandRun noLcspr =
        library(
            "add",
            report.toString(),
            "--title",
            "T",
            "--published",
            "2026-10-01",
            "--lcspr",
            "LCSPR-2020-99999");
    assertThat(noLcspr.code()).isEqualTo(2);
    assertThat(noLcspr.err()).contains("--lcspr: There is no LCSPR LCSPR-2020-99999");

    CommandRun noDocument = library("publish", "424242");
    assertThat(noDocument.code()).isEqualTo(2);
    assertThat(noDocument.err()).contains("no document 424242");
    assertThat(documents()).isZero();
  }
}
