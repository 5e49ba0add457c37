package uk.gov.observatory.library.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.observatory.library.CheckStatus;
import uk.gov.observatory.library.DocumentDetails;
import uk.gov.observatory.library.DocumentStatus;
import uk.gov.observatory.library.DocumentType;
import uk.gov.observatory.library.Finding;
import uk.gov.observatory.library.LibraryDocument;
import uk.gov.observatory.library.ReviewModel;
import uk.gov.observatory.library.TextStatus;

/**
 * The library's documents and their pages in PostgreSQL (tables {@code library_document} and {@code
 * library_page}, V21), for the staff (drafts too). The public's reads are {@link #published},
 * {@link #publishedPdf} and {@link #publishedSince}, through {@link PublicReads} and the public
 * views only.
 */
@Repository
public class DocumentStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static final String COLUMNS =
      "id, doc_type, status, title, published_on, la_code, region_code, lcspr_ref, source_ref,"
          + " review_model, notification_refs, age_bands, categories, themes, keywords, summary,"
          + " learning, recommendations, pdf_sha256, pdf_filename, page_count, text_status,"
          + " check_status, check_findings::text as findings_json, checked_at, override_reason,"
          + " overridden_by, version, created_at, created_by, updated_at, published_at";

  static final String PUBLIC_COLUMNS =
      "id, doc_type, title, published_on, la_code, region_code, review_model, age_bands,"
          + " categories, themes, keywords, summary, learning, recommendations, page_count,"
          + " pdf_sha256, pdf_filename, text_status, published_at, updated_at";

  /**
   * The document's weighted text for the search, computed from its columns and its pages: title A;
   * summary, learning and keywords B; recommendations C; the PDF's text D (its first million
   * characters: a tsvector holds at most 1 MB).
   */
  public static final String SEARCH_TSV =
      "setweight(to_tsvector('english', d.title), 'A')"
          + " || setweight(to_tsvector('english', coalesce(d.summary, '') || E'\\n'"
          + " || coalesce(d.learning, '') || E'\\n' || array_to_string(d.keywords, E'\\n')), 'B')"
          + " || setweight(to_tsvector('english', coalesce(d.recommendations, '')), 'C')"
          + " || setweight(to_tsvector('english', coalesce((select left(string_agg(p.text, E'\\n'"
          + " order by p.page_no), 1000000) from library_page p where p.document_id = d.id),"
          + " '')), 'D')";

  private final JdbcTemplate jdbc;
  private final PublicReads publicReads;

  public DocumentStore(JdbcTemplate jdbc, PublicReads publicReads) {
    this.jdbc = jdbc;
    this.publicReads = publicReads;
  }

  /** A new document's row: its details, the file (or none) and who added it. */
  public record NewRow(
      DocumentDetails details,
      String regionCode,
      String lcsprRef,
      String sourceRef,
      List<String> notificationRefs,
      Instant at,
      String by) {}

  public long insert(NewRow row) {
    DocumentDetails d = row.details();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "insert into library_document (doc_type, title, published_on, la_code,"
                      + " region_code, lcspr_ref, source_ref, review_model, notification_refs,"
                      + " age_bands, categories, themes, keywords, summary, learning,"
                      + " recommendations, created_at, created_by, updated_at) values (?, ?, ?, ?,"
                      + " ?, ?, ?, ?, ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?, ?,"
                      + " ?, ?, ?, ?)",
                  new String[] {"id"});
          int i = 1;
          ps.setString(i++, d.type().name());
          ps.setString(i++, d.title());
          ps.setObject(i++, d.publishedOn());
          ps.setString(i++, d.laCode());
          ps.setString(i++, row.regionCode());
          ps.setString(i++, row.lcsprRef());
          ps.setString(i++, row.sourceRef());
          ps.setString(i++, d.reviewModel() == null ? null : d.reviewModel().name());
          ps.setString(i++, array(row.notificationRefs()));
          ps.setString(i++, array(d.ageBands()));
          ps.setString(i++, array(d.categories()));
          ps.setString(i++, array(d.themes()));
          ps.setString(i++, array(d.keywords()));
          ps.setString(i++, d.summary());
          ps.setString(i++, d.learning());
          ps.setString(i++, d.recommendations());
          ps.setTimestamp(i++, Timestamp.from(row.at()));
          ps.setString(i++, row.by());
          ps.setTimestamp(i, Timestamp.from(row.at()));
          return ps;
        },
        key);
    return key.getKey().longValue();
  }

  /** The details as changed (the region follows the authority); a new version. */
  public void updateDetails(long id, DocumentDetails d, String regionCode, Instant at) {
    jdbc.update(
        "update library_document set doc_type = ?, title = ?, published_on = ?, la_code = ?,"
            + " region_code = ?, review_model = ?, age_bands = ?::text[], categories = ?::text[],"
            + " themes = ?::text[], keywords = ?::text[], summary = ?, learning = ?,"
            + " recommendations = ?, updated_at = ?, version = version + 1 where id = ?",
        d.type().name(),
        d.title(),
        d.publishedOn(),
        d.laCode(),
        regionCode,
        d.reviewModel() == null ? null : d.reviewModel().name(),
        array(d.ageBands()),
        array(d.categories()),
        array(d.themes()),
        array(d.keywords()),
        d.summary(),
        d.learning(),
        d.recommendations(),
        Timestamp.from(at),
        id);
  }

  /** The PDF and its pages' text (replacing any earlier); a new version. */
  public void replaceFile(
      long id,
      String filename,
      byte[] content,
      PdfText.Extracted text,
      TextStatus status,
      Instant at) {
    jdbc.update(
        "update library_document set pdf = ?, pdf_sha256 = ?, pdf_filename = ?, page_count = ?,"
            + " text_status = ?, updated_at = ?, version = version + 1 where id = ?",
        content,
        text.sha256(),
        filename,
        text.pageCount(),
        status.name(),
        Timestamp.from(at),
        id);
    jdbc.update("delete from library_page where document_id = ?", id);
    if (status == TextStatus.TEXT) {
      List<Object[]> pages = new ArrayList<>();
      for (int p = 0; p < text.pages().size(); p++) {
        pages.add(new Object[] {id, p + 1, text.pages().get(p), text.pages().get(p)});
      }
      jdbc.batchUpdate(
          "insert into library_page (document_id, page_no, text, tsv)"
              + " values (?, ?, ?, to_tsvector('english', ?))",
          pages);
    }
  }

  /** Computes the document's weighted search text again from its columns and pages. */
  public void reindex(long id) {
    jdbc.update("update library_document d set search_tsv = " + SEARCH_TSV + " where d.id = ?", id);
  }

  /** The check's result (a new version). */
  public void saveCheck(long id, CheckStatus status, List<Finding> findings, Instant at) {
    jdbc.update(
        "update library_document set check_status = ?, check_findings = ?::jsonb,"
            + " checked_at = ?, override_reason = null, overridden_by = null,"
            + " overridden_at = null, updated_at = ?, version = version + 1 where id = ?",
        status.name(),
        findingsJson(findings),
        Timestamp.from(at),
        Timestamp.from(at),
        id);
  }

  /** Keeps the override (and the check's new findings, which it covers). */
  public void saveOverriddenCheck(long id, List<Finding> findings, Instant at) {
    jdbc.update(
        "update library_document set check_findings = ?::jsonb, checked_at = ?, updated_at = ?,"
            + " version = version + 1 where id = ?",
        findingsJson(findings),
        Timestamp.from(at),
        Timestamp.from(at),
        id);
  }

  public void publish(long id, Instant at, String by) {
    jdbc.update(
        "update library_document set status = 'PUBLISHED', published_at = ?, published_by = ?,"
            + " updated_at = ?, version = version + 1 where id = ?",
        Timestamp.from(at),
        by,
        Timestamp.from(at),
        id);
  }

  public void override(long id, String reason, Instant at, String by) {
    jdbc.update(
        "update library_document set check_status = 'OVERRIDDEN', override_reason = ?,"
            + " overridden_by = ?, overridden_at = ?, updated_at = ?, version = version + 1"
            + " where id = ?",
        reason,
        by,
        Timestamp.from(at),
        Timestamp.from(at),
        id);
  }

  public void setStatus(long id, DocumentStatus status, Instant at) {
    jdbc.update(
        "update library_document set status = ?, updated_at = ?, version = version + 1"
            + " where id = ?",
        status.name(),
        Timestamp.from(at),
        id);
  }

  public Optional<LibraryDocument> find(long id) {
    return jdbc
        .query("select " + COLUMNS + " from library_document where id = ?", DocumentStore::row, id)
        .stream()
        .findFirst();
  }

  /** The document, its row locked until the transaction ends (one change at a time). */
  public Optional<LibraryDocument> findForUpdate(long id) {
    return jdbc
        .query(
            "select " + COLUMNS + " from library_document where id = ? for update",
            DocumentStore::row,
            id)
        .stream()
        .findFirst();
  }

  /** Every document, newest first (by when it was added). */
  public List<LibraryDocument> all() {
    return jdbc.query(
        "select " + COLUMNS + " from library_document order by created_at desc, id desc",
        DocumentStore::row);
  }

  /** The documents that are an LCSPR's report, newest first. */
  public List<LibraryDocument> ofLcsprs() {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from library_document where lcspr_ref is not null"
            + " order by created_at desc, id desc",
        DocumentStore::row);
  }

  /** The pages' text, page 1 first (none without text). */
  public List<String> pages(long id) {
    return jdbc.queryForList(
        "select text from library_page where document_id = ? order by page_no", String.class, id);
  }

  public Optional<byte[]> pdf(long id) {
    return jdbc
        .query(
            "select pdf from library_document where id = ? and pdf is not null",
            (rs, i) -> rs.getBytes(1),
            id)
        .stream()
        .findFirst();
  }

  // ------------------------------------------------------------------ what LCSPRs tell

  /** The authority of a notification (through the notification module's published view). */
  public Optional<String> laOf(String notificationRef) {
    return jdbc
        .queryForList(
            "select la_code from published_notification where notification_ref = ?",
            String.class,
            notificationRef)
        .stream()
        .findFirst();
  }

  /** The age bands of the children of the notifications (as the reports band them). */
  public List<String> ageBandsOf(List<String> notificationRefs) {
    return jdbc.queryForList(
        "select distinct b.band from (select case when c.age_years < 1 then 'UNDER_1'"
            + " when c.age_years <= 4 then 'AGE_1_4' when c.age_years <= 9 then 'AGE_5_9'"
            + " when c.age_years <= 14 then 'AGE_10_14' when c.age_years is not null"
            + " then 'AGE_15_17' end as band from published_notification n"
            + " join published_child c on c.notification_id = n.id"
            + " where n.notification_ref = any (?::text[])) b where b.band is not null"
            + " order by 1",
        String.class,
        array(notificationRefs));
  }

  /** The notifications' death or harm categories. */
  public List<String> categoriesOf(List<String> notificationRefs) {
    return jdbc.queryForList(
        "select distinct c from (select coalesce(death_category, harm_category) as c"
            + " from published_notification where notification_ref = any (?::text[])) x"
            + " where c is not null order by 1",
        String.class,
        array(notificationRefs));
  }

  /** The practice themes of the notifications' rapid reviews. */
  public List<String> themesOf(List<String> notificationRefs) {
    return jdbc.queryForList(
        "select distinct t from (select unnest(practice_themes) as t from published_rapid_review"
            + " where notification_ref = any (?::text[])) x where t is not null order by 1",
        String.class,
        array(notificationRefs));
  }

  // ------------------------------------------------------------------ the public's reads

  public Optional<LibraryDocument> published(long id) {
    return publicReads.read(
        jdbc ->
            jdbc
                .query(
                    "select " + PUBLIC_COLUMNS + " from library_public_document where id = ?",
                    DocumentStore::publicRow,
                    id)
                .stream()
                .findFirst());
  }

  public Optional<byte[]> publishedPdf(long id) {
    return publicReads.read(
        jdbc ->
            jdbc
                .query(
                    "select pdf from library_public_file where id = ?",
                    (rs, i) -> rs.getBytes(1),
                    id)
                .stream()
                .findFirst());
  }

  public List<LibraryDocument> publishedSince(Instant since, int limit) {
    return publicReads.read(
        jdbc ->
            jdbc.query(
                "select "
                    + PUBLIC_COLUMNS
                    + " from library_public_document where published_at >= ?"
                    + " order by published_at desc, id desc limit ?",
                DocumentStore::publicRow,
                Timestamp.from(since),
                limit));
  }

  // ------------------------------------------------------------------ rows

  static LibraryDocument row(ResultSet rs, int i) throws SQLException {
    return new LibraryDocument(
        rs.getLong("id"),
        details(rs),
        DocumentStatus.valueOf(rs.getString("status")),
        rs.getString("region_code"),
        rs.getString("lcspr_ref"),
        rs.getString("source_ref"),
        strings(rs.getArray("notification_refs")),
        rs.getString("pdf_filename"),
        rs.getString("pdf_sha256"),
        (Integer) rs.getObject("page_count"),
        TextStatus.valueOf(rs.getString("text_status")),
        CheckStatus.valueOf(rs.getString("check_status")),
        findings(rs.getString("findings_json")),
        instant(rs, "checked_at"),
        rs.getString("override_reason"),
        rs.getString("overridden_by"),
        rs.getInt("version"),
        instant(rs, "created_at"),
        rs.getString("created_by"),
        instant(rs, "updated_at"),
        instant(rs, "published_at"));
  }

  /** A published document as the public view has it (nothing of its check or its history). */
  static LibraryDocument publicRow(ResultSet rs, int i) throws SQLException {
    return new LibraryDocument(
        rs.getLong("id"),
        details(rs),
        DocumentStatus.PUBLISHED,
        rs.getString("region_code"),
        null,
        null,
        List.of(),
        rs.getString("pdf_filename"),
        rs.getString("pdf_sha256"),
        (Integer) rs.getObject("page_count"),
        TextStatus.valueOf(rs.getString("text_status")),
        null,
        List.of(),
        null,
        null,
        null,
        1,
        null,
        null,
        instant(rs, "updated_at"),
        instant(rs, "published_at"));
  }

  private static DocumentDetails details(ResultSet rs) throws SQLException {
    String model = rs.getString("review_model");
    return new DocumentDetails(
        DocumentType.valueOf(rs.getString("doc_type")),
        rs.getString("title"),
        rs.getObject("published_on", LocalDate.class),
        rs.getString("la_code"),
        model == null ? null : ReviewModel.valueOf(model),
        strings(rs.getArray("age_bands")),
        strings(rs.getArray("categories")),
        strings(rs.getArray("themes")),
        strings(rs.getArray("keywords")),
        rs.getString("summary"),
        rs.getString("learning"),
        rs.getString("recommendations"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  /** [{"part":"PDF","page":2,"line":5,"kind":"NAME"}]: where, never what. */
  static String findingsJson(List<Finding> findings) {
    StringBuilder b = new StringBuilder("[");
    for (Finding f : findings) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append("{\"part\":\"")
          .append(f.part().name())
          .append("\",\"page\":")
          .append(f.page() == null ? "null" : f.page().toString())
          .append(",\"line\":")
          .append(f.line())
          .append(",\"kind\":\"")
          .append(f.kind().name())
          .append("\"}");
    }
    return b.append(']').toString();
  }

  static List<Finding> findings(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>();
    for (JsonNode n : JSON.readTree(json)) {
      JsonNode page = n.get("page");
      out.add(
          new Finding(
              Finding.Part.valueOf(n.get("part").asString()),
              page == null || page.isNull() ? null : page.asInt(),
              n.get("line").asInt(),
              Finding.Kind.valueOf(n.get("kind").asString())));
    }
    return out;
  }

  /** A PostgreSQL text array literal, each element quoted. */
  public static String array(List<String> values) {
    StringBuilder b = new StringBuilder("{");
    for (String v : values == null ? List.<String>of() : values) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return b.append('}').toString();
  }
}
