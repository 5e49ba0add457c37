package uk.gov.observatory.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.TestPdfs;

/**
 * The public reaches only published documents, and the database enforces it: as the role {@code
 * observatory_library_reader} (what every public read runs as), the tables themselves cannot be
 * read at all, and the public views hold published rows only. The service's public reads ({@link
 * LibraryDocuments#published}, {@link LibraryDocuments#publishedPdf}, {@link
 * LibraryDocuments#publishedSince}) see nothing of a draft or a withdrawn document.
 */
@RegisterTest
class LibraryPublicRoleTest {

  @Autowired LibraryDocuments documents;
  @Autowired DatabaseOwner owner;

  static final Viewer SECRETARIAT = Viewer.system("panel.secretariat");

  LibraryDocument draft;
  LibraryDocument published;
  LibraryDocument withdrawn;

  LibraryDocument add(String title) {
    return documents.add(
        new NewDocument(
            new DocumentDetails(
                DocumentType.BRIEFING,
                title,
                LocalDate.of(2026, 10, 1),
                "E09000033",
                null,
                null,
                null,
                List.of("CRITICAL_THINKING"),
                null,
                "A summary of " + title,
                null,
                null),
            null,
            null,
            new PdfFile(title + ".pdf", TestPdfs.of("The text of " + title, "Page two."))),
        SECRETARIAT);
  }

  @BeforeEach
  void documents() {
    draft = add("Draft briefing");
    published = add("Published briefing");
    documents.publish(published.id(), null, SECRETARIAT);
    withdrawn = add("Withdrawn briefing");
    documents.publish(withdrawn.id(), null, SECRETARIAT);
    documents.withdraw(withdrawn.id(), "Superseded by a new edition", SECRETARIAT);
  }

  /** Runs SQL as the public role (as the owner, who may take it), in a transaction. */
  <T> T asPublicRole(java.util.function.Function<JdbcTemplate, T> sql) {
    JdbcTemplate jdbc = owner.jdbc();
    TransactionTemplate tx =
        new TransactionTemplate(
            new org.springframework.jdbc.datasource.DataSourceTransactionManager(
                jdbc.getDataSource()));
    return tx.execute(
        status -> {
          jdbc.execute("set local role observatory_library_reader");
          return sql.apply(jdbc);
        });
  }

  List<Long> idsAsPublicRole(String sql) {
    List<Long> ids = asPublicRole(jdbc -> jdbc.queryForList(sql, Long.class));
    return ids;
  }

  @Test
  @DisplayName(
      "as observatory_library_reader, library_document and library_page cannot be read at all")
  void theTablesAreOutOfReach() {
    for (String table : List.of("library_document", "library_page", "library_subscriber")) {
      assertThatThrownBy(
              () ->
                  asPublicRole(
                      jdbc -> jdbc.queryForObject("select count(*) from " + table, Long.class)))
          .as(table)
          .isInstanceOf(BadSqlGrammarException.class)
          .hasStackTraceContaining("permission denied for table " + table);
    }
    assertThatThrownBy(
            () ->
                asPublicRole(
                    jdbc ->
                        jdbc.update(
                            "update library_document set status = 'PUBLISHED' where id = ?",
                            draft.id())))
        .hasStackTraceContaining("permission denied for table library_document");
  }

  @Test
  @DisplayName(
      "as observatory_library_reader, the public views hold only the published document: no"
          + " draft, no withdrawn one, not even their pages or PDFs")
  void theViewsHoldOnlyPublishedRows() {
    assertThat(idsAsPublicRole("select id from library_public_document"))
        .containsExactly(published.id());
    assertThat(idsAsPublicRole("select distinct document_id from library_public_page"))
        .containsExactly(published.id());
    assertThat(idsAsPublicRole("select id from library_public_file"))
        .containsExactly(published.id());
    // The owner sees all three: the views, not the data, make the difference.
    assertThat(owner.jdbc().queryForObject("select count(*) from library_document", Integer.class))
        .isEqualTo(3);
  }

  @Test
  @DisplayName(
      "published(id), publishedPdf(id) and publishedSince: a draft or a withdrawn document is"
          + " empty, the published one is there")
  void theServicesPublicReadsSeeOnlyPublished() {
    assertThat(documents.published(draft.id())).isEmpty();
    assertThat(documents.publishedPdf(draft.id())).isEmpty();
    assertThat(documents.published(withdrawn.id())).isEmpty();
    assertThat(documents.publishedPdf(withdrawn.id())).isEmpty();
    LibraryDocument seen = documents.published(published.id()).orElseThrow();
    assertThat(seen.details().title()).isEqualTo("Published briefing");
    assertThat(seen.details().summary()).isEqualTo("A summary of Published briefing");
    assertThat(seen.details().themes()).containsExactly("CRITICAL_THINKING");
    assertThat(seen.pageCount()).isEqualTo(2);
    assertThat(seen.regionCode()).isEqualTo("E12000007");
    assertThat(seen.publishedAt()).isNotNull();
    assertThat(documents.publishedPdf(published.id())).isPresent();
    assertThat(documents.publishedSince(LocalDate.of(2026, 11, 1), 10))
        .extracting(LibraryDocument::id)
        .containsExactly(published.id());
    assertThat(documents.publishedSince(LocalDate.of(2026, 11, 27), 10)).isEmpty();
    // The staff still see the draft.
    assertThat(documents.find(draft.id(), SECRETARIAT)).isPresent();
  }
}
