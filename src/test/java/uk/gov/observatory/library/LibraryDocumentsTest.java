package uk.gov.observatory.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.library.InvalidDocumentException.Problem;
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
 * The library's documents on real PostgreSQL: a PDF's text page by page, the identifying-details
 * check (pages and lines, never what), publication refused until a redacted PDF or an override with
 * a reason, who may do what, and bad input named field by field with nothing stored.
 *
 * <p>The register: a Westminster notification whose child is "Amelia Hartley-Quinn", born 5 March
 * 2019, covered by an LCSPR; a Leeds notification whose child is "Oswin Blackthorne" (all
 * synthetic).
 */
@RegisterTest
class LibraryDocumentsTest {

  static final String WESTMINSTER = "E09000033";
  static final String LEEDS = "E08000035";
  static final LocalDate INCIDENT = LocalDate.of(2026, 6, 1);
  static final LocalDate PUBLISHED_ON = LocalDate.of(2026, 11, 2);

  @Autowired LibraryDocuments documents;
  @Autowired NotificationRegister register;
  @Autowired Lcsprs lcsprs;
  @Autowired Accounts accounts;
  @Autowired Viewers viewers;
  @Autowired DatabaseOwner owner;

  Notification westminster;
  Notification leeds;
  Lcspr westminsterLcspr;
  Lcspr leedsLcspr;

  static NotificationSubmission notification(
      String la, String name, String dateOfBirth, String age) {
    return new NotificationSubmission(
        null,
        la,
        INCIDENT.toString(),
        INCIDENT.toString(),
        INCIDENT.plusDays(3).toString(),
        "SERIOUS_HARM",
        null,
        "NONFATAL_NEGLECT",
        null,
        List.of(),
        null,
        "NONE",
        "NONE",
        "AT_HOME",
        List.of(),
        List.of(new ChildSubmission("1", "FEMALE", age, null, name, dateOfBirth)));
  }

  @BeforeEach
  void register() {
    westminster =
        register.notify(notification(WESTMINSTER, "Amelia Hartley-Quinn", "2019-03-05", "7"));
    leeds = register.notify(notification(LEEDS, "Oswin Blackthorne", "2012-10-21", "13"));
    TestAccounts.create(accounts, "westminster.partnership", Role.PARTNERSHIP, WESTMINSTER);
    TestAccounts.create(accounts, "leeds.partnership", Role.PARTNERSHIP, LEEDS);
    TestAccounts.create(accounts, "panel.secretariat", Role.PANEL_SECRETARIAT);
    TestAccounts.create(accounts, "panel.member", Role.PANEL_MEMBER);
    westminsterLcspr =
        lcsprs.initiate(null, List.of(westminster.ref()), INCIDENT.plusMonths(1), westminster());
    leedsLcspr =
        lcsprs.initiate(
            null, List.of(leeds.ref()), INCIDENT.plusMonths(1), as("leeds.partnership"));
  }

  Viewer as(String username) {
    return viewers.of(username);
  }

  Viewer westminster() {
    return as("westminster.partnership");
  }

  Viewer secretariat() {
    return as("panel.secretariat");
  }

  static DocumentDetails details(DocumentType type, String title) {
    return new DocumentDetails(
        type, title, PUBLISHED_ON, null, null, null, null, null, null, null, null, null);
  }

  static DocumentDetails withSummary(DocumentDetails d, String summary) {
    return new DocumentDetails(
        d.type(),
        d.title(),
        d.publishedOn(),
        d.laCode(),
        d.reviewModel(),
        d.ageBands(),
        d.categories(),
        d.themes(),
        d.keywords(),
        summary,
        d.learning(),
        d.recommendations());
  }

  /** Page 1 clean; page 2 with the child's first name on its third line. */
  static byte[] reportNamingTheChildOnPage2() {
    return TestPdfs.pages(
        List.of(
            List.of(
                "Local child safeguarding practice review",
                "Child A: a review of neglect and missed appointments"),
            List.of(
                "2. The family and the agencies",
                "Health visiting and the GP saw the family four times.",
                "Amelia was not brought to three appointments in the spring.",
                "Nobody asked why.")));
  }

  static byte[] redacted() {
    return TestPdfs.pages(
        List.of(
            List.of(
                "Local child safeguarding practice review",
                "Child A: a review of neglect and missed appointments"),
            List.of(
                "2. The family and the agencies",
                "Health visiting and the GP saw the family four times.",
                "Child A was not brought to three appointments in the spring.",
                "Nobody asked why.")));
  }

  LibraryDocument addLcsprReport(byte[] pdf) {
    return documents.add(
        new NewDocument(
            details(null, "Child A: neglect and missed appointments"),
            westminsterLcspr.ref(),
            null,
            new PdfFile("child-a.pdf", pdf)),
        westminster());
  }

  int count(String sql, Object... args) {
    return owner.jdbc().queryForObject(sql, Integer.class, args);
  }

  @Test
  @DisplayName(
      "an LCSPR's report naming its child on page 2, line 3 is refused publication with that page"
          + " and line; the redacted PDF passes and publishes")
  void aPlantedNameIsRefusedWithItsPageAndLineAndARedactedPdfPublishes() {
    LibraryDocument added = addLcsprReport(reportNamingTheChildOnPage2());

    // Its text, page by page; the LCSPR's details filled in where left blank.
    assertThat(added.status()).isEqualTo(DocumentStatus.DRAFT);
    assertThat(added.textStatus()).isEqualTo(TextStatus.TEXT);
    assertThat(added.pageCount()).isEqualTo(2);
    assertThat(added.details().type()).isEqualTo(DocumentType.LCSPR);
    assertThat(added.lcsprRef()).isEqualTo(westminsterLcspr.ref());
    assertThat(added.notificationRefs()).containsExactly(westminster.ref());
    assertThat(added.details().laCode()).isEqualTo(WESTMINSTER);
    assertThat(added.regionCode()).isEqualTo("E12000007");
    assertThat(added.details().ageBands()).containsExactly("AGE_5_9");
    assertThat(added.details().categories()).containsExactly("NONFATAL_NEGLECT");
    assertThat(count("select count(*) from library_page where document_id = ?", added.id()))
        .isEqualTo(2);
    assertThat(
            count(
                "select count(*) from library_page where document_id = ? and page_no = 2"
                    + " and tsv @@ to_tsquery('english', 'appointment')",
                added.id()))
        .isEqualTo(1);

    // The check found the name on page 2, line 3, and says so without saying it.
    assertThat(added.checkStatus()).isEqualTo(CheckStatus.BLOCKED);
    assertThat(added.findings())
        .containsExactly(new Finding(Finding.Part.PDF, 2, 3, Finding.Kind.NAME));
    PublicationBlockedException refused =
        catchThrowableOfType(
            PublicationBlockedException.class,
            () -> documents.publish(added.id(), null, westminster()));
    assertThat(refused.findings())
        .containsExactly(new Finding(Finding.Part.PDF, 2, 3, Finding.Kind.NAME));
    assertThat(refused.getMessage()).contains("page 2, line 3: a child's name");
    assertThat(refused.getMessage()).doesNotContain("Amelia");
    assertThat(documents.find(added.id(), westminster()).orElseThrow().status())
        .isEqualTo(DocumentStatus.DRAFT);
    assertThat(documents.published(added.id())).isEmpty();

    // A redacted version: checked again, clear, and the partnership publishes it.
    byte[] redactedPdf = redacted();
    LibraryDocument replaced =
        documents.replacePdf(
            added.id(),
            new PdfFile("child-a-redacted.pdf", redactedPdf),
            documents.find(added.id(), westminster()).orElseThrow().version(),
            westminster());
    assertThat(replaced.checkStatus()).isEqualTo(CheckStatus.CLEAR);
    assertThat(replaced.findings()).isEmpty();
    assertThat(replaced.pdfFilename()).isEqualTo("child-a-redacted.pdf");
    LibraryDocument published = documents.publish(added.id(), null, westminster());
    assertThat(published.status()).isEqualTo(DocumentStatus.PUBLISHED);
    assertThat(published.publishedAt()).isNotNull();
    assertThat(documents.published(added.id())).isPresent();
    assertThat(documents.publishedPdf(added.id()).orElseThrow()).isEqualTo(redactedPdf);
  }

  @Test
  @DisplayName(
      "the check reads the metadata too (the summary's line 2), finds a date of birth in any"
          + " usual form, and a name broken over two lines")
  void theSummaryAndDatesOfBirthAreChecked() {
    LibraryDocument summary =
        documents.add(
            new NewDocument(
                withSummary(
                    details(null, "Child A: neglect"),
                    "The review looked at four agencies.\n\nThe Hartley-Quinn family moved twice."),
                westminsterLcspr.ref(),
                null,
                new PdfFile("a.pdf", redacted())),
            westminster());
    assertThat(summary.findings())
        .containsExactly(new Finding(Finding.Part.SUMMARY, null, 2, Finding.Kind.NAME));
    assertThatThrownBy(() -> documents.publish(summary.id(), null, westminster()))
        .isInstanceOf(PublicationBlockedException.class)
        .hasMessageContaining("the summary, line 2: a child's name");

    LibraryDocument dates =
        documents.add(
            new NewDocument(
                details(null, "Child A: a chronology"),
                westminsterLcspr.ref(),
                null,
                new PdfFile(
                    "b.pdf",
                    TestPdfs.pages(
                        List.of(
                            List.of("Chronology"),
                            List.of(
                                "Child A was born on 5 March 2019 at 34 weeks.",
                                "Seen by the GP on 05/03/2020.",
                                "Records give her birthday as 05/03/19.",
                                "The review began on 5",
                                "March 2019 and ended later."))))),
            westminster());
    assertThat(dates.findings())
        .containsExactly(
            new Finding(Finding.Part.PDF, 2, 1, Finding.Kind.DATE_OF_BIRTH),
            new Finding(Finding.Part.PDF, 2, 3, Finding.Kind.DATE_OF_BIRTH),
            new Finding(Finding.Part.PDF, 2, 4, Finding.Kind.DATE_OF_BIRTH));
  }

  @Test
  @DisplayName(
      "a document that is no LCSPR's report is checked against every child in the register; an"
          + " LCSPR's report only against its own children")
  void otherDocumentsAreCheckedAgainstTheWholeRegister() {
    byte[] naming = TestPdfs.of("National review", "Oswin Blackthorne was known to the school.");
    LibraryDocument thematic =
        documents.add(
            new NewDocument(
                details(DocumentType.THEMATIC, "Neglect of teenagers"),
                null,
                null,
                new PdfFile("t.pdf", naming)),
            secretariat());
    assertThat(thematic.findings())
        .containsExactly(new Finding(Finding.Part.PDF, 2, 1, Finding.Kind.NAME));

    LibraryDocument report = addLcsprReport(naming);
    assertThat(report.findings()).isEmpty();
    assertThat(report.checkStatus()).isEqualTo(CheckStatus.CLEAR);
  }

  @Test
  @DisplayName(
      "the secretariat overrides the check with a reason: published, and the audit log names the"
          + " reason and who; a partnership may not override")
  void anOverrideIsAuditedWithItsReasonAndActor() {
    LibraryDocument added = addLcsprReport(reportNamingTheChildOnPage2());
    assertThatThrownBy(() -> documents.publish(added.id(), "It is fine", westminster()))
        .isInstanceOf(DocumentNotPermittedException.class);
    assertThat(documents.find(added.id(), secretariat()).orElseThrow().status())
        .isEqualTo(DocumentStatus.DRAFT);

    String reason = "The name is a different, fictional child in a quoted case study (checked)";
    LibraryDocument published = documents.publish(added.id(), "  " + reason + " ", secretariat());
    assertThat(published.status()).isEqualTo(DocumentStatus.PUBLISHED);
    assertThat(published.checkStatus()).isEqualTo(CheckStatus.OVERRIDDEN);
    assertThat(published.overrideReason()).isEqualTo(reason);
    assertThat(published.overriddenBy()).isEqualTo("panel.secretariat");
    assertThat(
            count(
                "select count(*) from audit_entry where actor = 'panel.secretariat'"
                    + " and record_type = 'library_document' and record_ref = ?"
                    + " and details like '%overridden%' and details like ?",
                String.valueOf(added.id()), "%" + "a different, fictional child" + "%"))
        .isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a scanned PDF (pictures, no text) is NO_TEXT and blocked with no findings; only an override"
          + " publishes it")
  void aScannedPdfHasNoTextAndIsBlocked() {
    LibraryDocument scanned =
        documents.add(
            new NewDocument(
                details(DocumentType.SCR, "Serious case review: Child B (2012)"),
                null,
                null,
                new PdfFile("scan.pdf", TestPdfs.scanned(2))),
            secretariat());
    assertThat(scanned.textStatus()).isEqualTo(TextStatus.NO_TEXT);
    assertThat(scanned.pageCount()).isEqualTo(2);
    assertThat(scanned.checkStatus()).isEqualTo(CheckStatus.BLOCKED);
    assertThat(scanned.findings()).isEmpty();
    assertThat(scanned.checkLabel()).isEqualTo("Blocked: the PDF has no text to check");
    assertThatThrownBy(() -> documents.publish(scanned.id(), null, secretariat()))
        .isInstanceOf(PublicationBlockedException.class)
        .hasMessageContaining("no text to check");
    LibraryDocument published =
        documents.publish(scanned.id(), "Read in full by the secretariat: no names", secretariat());
    assertThat(published.status()).isEqualTo(DocumentStatus.PUBLISHED);
    assertThat(published.checkStatus()).isEqualTo(CheckStatus.OVERRIDDEN);

    // Its details can still be edited: the override covers the unreadable PDF, not new findings.
    LibraryDocument edited =
        documents.update(
            scanned.id(),
            withSummary(published.details(), "Neglect over many years."),
            published.version(),
            secretariat());
    assertThat(edited.status()).isEqualTo(DocumentStatus.PUBLISHED);
    assertThat(edited.checkStatus()).isEqualTo(CheckStatus.OVERRIDDEN);
    assertThat(edited.details().summary()).isEqualTo("Neglect over many years.");
    assertThatThrownBy(
            () ->
                documents.update(
                    scanned.id(),
                    withSummary(edited.details(), "Oswin Blackthorne's family."),
                    edited.version(),
                    secretariat()))
        .isInstanceOf(PublicationBlockedException.class)
        .hasMessageContaining("the summary, line 1: a child's name");
    assertThat(documents.find(scanned.id(), secretariat()).orElseThrow().details().summary())
        .isEqualTo("Neglect over many years.");
  }

  @Test
  @DisplayName(
      "neither the audit log nor the stored findings ever hold a child's name or date of birth")
  void theAuditLogNeverHoldsTheName() {
    long mark =
        owner.jdbc().queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);
    LibraryDocument added = addLcsprReport(reportNamingTheChildOnPage2());
    LibraryDocument withSummary =
        documents.update(
            added.id(),
            withSummary(added.details(), "Amelia Hartley-Quinn, born 5 March 2019."),
            added.version(),
            westminster());
    assertThat(withSummary.findings()).hasSize(3);
    documents.check(added.id(), secretariat());
    assertThatThrownBy(() -> documents.publish(added.id(), null, westminster()))
        .isInstanceOf(PublicationBlockedException.class);
    for (String secret : List.of("Amelia", "Hartley", "Quinn", "2019-03-05", "5 March 2019")) {
      assertThat(
              count(
                  "select count(*) from audit_entry where id > ? and concat_ws(' ', actor,"
                      + " record_ref, before_state, after_state, details) ilike ?",
                  mark,
                  "%" + secret + "%"))
          .as(secret)
          .isZero();
      assertThat(
              count(
                  "select count(*) from library_document where check_findings::text ilike ?",
                  "%" + secret + "%"))
          .isZero();
    }
    // The register's screening was audited, naming the notification read, not its child.
    assertThat(
            count(
                "select count(*) from audit_entry where id > ? and record_type = 'notification'"
                    + " and details like ? and details like '%library document%'",
                mark, "%" + westminster.ref() + "%"))
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  @DisplayName(
      "a partnership manages only its own LCSPRs' reports: another authority's is out of reach"
          + " (not listed, not found, every change refused), and it adds no other document")
  void aPartnershipCannotTouchAnotherAuthoritysDocument() {
    long mark =
        owner.jdbc().queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);
    LibraryDocument leedsReport =
        documents.add(
            new NewDocument(
                details(null, "Leeds: Child C"),
                leedsLcspr.ref(),
                null,
                new PdfFile("c.pdf", redacted())),
            as("leeds.partnership"));
    LibraryDocument mine = addLcsprReport(redacted());
    Viewer w = westminster();

    assertThat(documents.list(w)).extracting(LibraryDocument::id).containsExactly(mine.id());
    assertThat(documents.list(secretariat()))
        .extracting(LibraryDocument::id)
        .containsExactly(mine.id(), leedsReport.id());
    assertThat(documents.list(as("panel.member"))).isEmpty();
    assertThat(documents.find(leedsReport.id(), w)).isEmpty();
    assertThat(documents.pdf(leedsReport.id(), w)).isEmpty();
    assertThatThrownBy(() -> documents.publish(leedsReport.id(), null, w))
        .isInstanceOf(DocumentNotPermittedException.class);
    assertThatThrownBy(
            () ->
                documents.update(leedsReport.id(), leedsReport.details(), leedsReport.version(), w))
        .isInstanceOf(DocumentNotPermittedException.class);
    assertThatThrownBy(
            () ->
                documents.replacePdf(
                    leedsReport.id(), new PdfFile("x.pdf", redacted()), leedsReport.version(), w))
        .isInstanceOf(DocumentNotPermittedException.class);
    assertThatThrownBy(() -> documents.withdraw(leedsReport.id(), "no", w))
        .isInstanceOf(DocumentNotPermittedException.class);
    InvalidDocumentException notMine =
        catchThrowableOfType(
            InvalidDocumentException.class,
            () ->
                documents.add(
                    new NewDocument(
                        details(null, "Leeds again"),
                        leedsLcspr.ref(),
                        null,
                        new PdfFile("c.pdf", redacted())),
                    w));
    assertThat(notMine.problems()).extracting(Problem::field).containsExactly("lcsprRef");
    assertThatThrownBy(
            () ->
                documents.add(
                    new NewDocument(details(DocumentType.BRIEFING, "A briefing"), null, null, null),
                    w))
        .isInstanceOf(DocumentNotPermittedException.class);
    assertThat(documents.find(leedsReport.id(), secretariat()).orElseThrow().status())
        .isEqualTo(DocumentStatus.DRAFT);
    assertThat(
            owner
                .jdbc()
                .queryForList(
                    "select coalesce(record_ref, '-') || ' ' || details from audit_entry"
                        + " where actor = 'westminster.partnership' and action = 'ACCESS_REFUSED'"
                        + " and record_type = 'library_document' and id > ?",
                    String.class,
                    mark))
        .hasSize(5);
  }

  @Test
  @DisplayName("bad input names each field and what is allowed; nothing is stored")
  void badInputNamesEachField() {
    DocumentDetails bad =
        new DocumentDetails(
            null,
            " ",
            LocalDate.of(2026, 11, 27),
            "E99999999",
            null,
            List.of("AGE_100"),
            List.of("SUDI", "FLU"),
            List.of("CRITICAL_THINKING", "BRAVERY"),
            List.of("neglect"),
            null,
            null,
            null);
    InvalidDocumentException e =
        catchThrowableOfType(
            InvalidDocumentException.class,
            () ->
                documents.add(
                    new NewDocument(bad, null, null, new PdfFile("x.pdf", "hello".getBytes())),
                    secretariat()));
    assertThat(e.problems())
        .extracting(Problem::field)
        .containsExactly(
            "type", "title", "publishedOn", "laCode", "ageBands", "categories", "themes", "pdf");
    List<String> messages = new ArrayList<>();
    e.problems().forEach(p -> messages.add(p.message()));
    assertThat(messages.get(0)).contains("NATIONAL_REVIEW");
    assertThat(messages.get(2)).contains("future");
    assertThat(messages.get(4)).contains("'AGE_100' is not allowed", "UNDER_1");
    assertThat(messages.get(5)).contains("'FLU'").doesNotContain("'SUDI'");
    assertThat(messages.get(6)).contains("'BRAVERY'", "LEADERSHIP_CULTURE");
    assertThat(messages.get(7)).contains("not a PDF");

    String longTitle = "x".repeat(301);
    InvalidDocumentException tooLong =
        catchThrowableOfType(
            InvalidDocumentException.class,
            () ->
                documents.add(
                    new NewDocument(
                        new DocumentDetails(
                            DocumentType.BRIEFING,
                            longTitle,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null),
                        null,
                        null,
                        new PdfFile("x.pdf", "%PDF-1.7 broken".getBytes())),
                    secretariat()));
    assertThat(tooLong.problems())
        .extracting(Problem::field)
        .containsExactly("title", "publishedOn", "pdf");
    assertThat(tooLong.problems().get(0).message()).contains("at most 300");
    assertThat(count("select count(*) from library_document")).isZero();
    assertThat(count("select count(*) from library_page")).isZero();
  }

  @Test
  @DisplayName(
      "the weighted search text: the title A, summary B, recommendations C, the PDF's text D;"
          + " kept up to date by an edit")
  void theSearchTextIsWeighted() {
    LibraryDocument d =
        documents.add(
            new NewDocument(
                new DocumentDetails(
                    DocumentType.NATIONAL_REVIEW,
                    "Hidden harm in lockdown",
                    PUBLISHED_ON,
                    LEEDS,
                    ReviewModel.SYSTEMS,
                    List.of("UNDER_1"),
                    List.of("NONFATAL_NEGLECT"),
                    List.of("CRITICAL_THINKING"),
                    List.of("bruising"),
                    "Infants were unseen.",
                    "Visits stopped.",
                    "Restart home visits."),
                null,
                "analysis:12",
                new PdfFile("n.pdf", TestPdfs.of("Fathers were invisible to services."))),
            secretariat());
    assertThat(d.regionCode()).isEqualTo("E12000003");
    assertThat(d.sourceRef()).isEqualTo("analysis:12");
    String weighted =
        "select count(*) from library_document where id = ? and search_tsv @@ to_tsquery('english',"
            + " ?)";
    String tsv =
        owner
            .jdbc()
            .queryForObject(
                "select search_tsv::text from library_document where id = ?", String.class, d.id());
    assertThat(count(weighted, d.id(), "lockdown:A")).as(tsv).isEqualTo(1);
    assertThat(count(weighted, d.id(), "infants:B & bruising:B & visits:B")).as(tsv).isEqualTo(1);
    assertThat(count(weighted, d.id(), "restart:C")).isEqualTo(1);
    assertThat(count(weighted, d.id(), "father:D")).isEqualTo(1);
    assertThat(count(weighted, d.id(), "lockdown:D")).isZero();

    DocumentDetails edited =
        new DocumentDetails(
            DocumentType.NATIONAL_REVIEW,
            "Hidden harm during the pandemic",
            PUBLISHED_ON,
            LEEDS,
            ReviewModel.SYSTEMS,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            null,
            null);
    documents.update(d.id(), edited, d.version(), secretariat());
    assertThat(count(weighted, d.id(), "lockdown")).isZero();
    assertThat(count(weighted, d.id(), "pandemic:A")).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a published document whose edit the check blocks is refused and stays as it was; a"
          + " withdrawn one leaves the public library, with its reason audited")
  void aBlockedEditOfAPublishedDocumentIsRefused() {
    LibraryDocument added = addLcsprReport(redacted());
    LibraryDocument published = documents.publish(added.id(), null, westminster());
    PublicationBlockedException refused =
        catchThrowableOfType(
            PublicationBlockedException.class,
            () ->
                documents.update(
                    added.id(),
                    withSummary(published.details(), "About Amelia."),
                    published.version(),
                    westminster()));
    assertThat(refused.getMessage()).contains("the summary, line 1: a child's name");
    LibraryDocument after = documents.find(added.id(), westminster()).orElseThrow();
    assertThat(after.details().summary()).isNull();
    assertThat(after.version()).isEqualTo(published.version());
    assertThat(after.status()).isEqualTo(DocumentStatus.PUBLISHED);

    assertThatThrownBy(() -> documents.withdraw(added.id(), " ", westminster()))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessageContaining("Enter why");
    LibraryDocument withdrawn =
        documents.withdraw(added.id(), "The family asked us to wait", westminster());
    assertThat(withdrawn.status()).isEqualTo(DocumentStatus.WITHDRAWN);
    assertThat(documents.published(added.id())).isEmpty();
    assertThat(documents.publishedPdf(added.id())).isEmpty();
    assertThat(
            count(
                "select count(*) from audit_entry where record_ref = ? and details like ?",
                String.valueOf(added.id()),
                "%The family asked us to wait%"))
        .isEqualTo(1);

    // A stale version is refused by name.
    assertThatThrownBy(
            () ->
                documents.update(
                    added.id(), published.details(), published.version(), westminster()))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessageContaining("Someone else changed this document");
  }
}
