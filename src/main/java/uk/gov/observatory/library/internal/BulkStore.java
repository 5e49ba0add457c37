package uk.gov.observatory.library.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.gov.observatory.library.DocumentDetails;

/**
 * The bulk loader's SQL ({@code library import --bulk}, for the benchmark): documents already
 * checked, inserted as published in batches with their pages, and their weighted text computed by
 * the same expression as {@link DocumentStore}'s, for the whole batch in one statement.
 */
@Component
public class BulkStore {

  /** A checked document to store: its details, region, PDF and pages. */
  public record Row(
      DocumentDetails details,
      String regionCode,
      String filename,
      byte[] pdf,
      String sha256,
      List<String> pages) {}

  private final JdbcTemplate jdbc;

  public BulkStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the rows as published (checked clear) at {@code at} by {@code by}: their ids. */
  public List<Long> insertPublished(List<Row> rows, Instant at, String by) {
    List<Long> ids = new ArrayList<>();
    if (rows.isEmpty()) {
      return ids;
    }
    List<Long> reserved =
        jdbc.queryForList(
            "select nextval(pg_get_serial_sequence('library_document', 'id'))"
                + " from generate_series(1, ?)",
            Long.class,
            rows.size());
    Timestamp when = Timestamp.from(at);
    java.util.IdentityHashMap<Row, Long> idOf = new java.util.IdentityHashMap<>();
    for (int k = 0; k < rows.size(); k++) {
      idOf.put(rows.get(k), reserved.get(k));
    }
    jdbc.batchUpdate(
        "insert into library_document (id, doc_type, status, title, published_on, la_code,"
            + " region_code, review_model, age_bands, categories, themes, keywords, summary,"
            + " learning, recommendations, pdf, pdf_sha256, pdf_filename, page_count,"
            + " text_status, check_status, checked_at, created_at, created_by, updated_at,"
            + " published_at, published_by) overriding system value values (?, ?, 'PUBLISHED',"
            + " ?, ?, ?, ?, ?, ?::text[], ?::text[], ?::text[], ?::text[], ?, ?, ?, ?, ?, ?, ?,"
            + " 'TEXT', 'CLEAR', ?, ?, ?, ?, ?, ?)",
        rows,
        rows.size(),
        (ps, r) -> {
          DocumentDetails d = r.details();
          int i = 1;
          ps.setLong(i++, idOf.get(r));
          ps.setString(i++, d.type().name());
          ps.setString(i++, d.title());
          ps.setObject(i++, d.publishedOn());
          ps.setString(i++, d.laCode());
          ps.setString(i++, r.regionCode());
          ps.setString(i++, d.reviewModel() == null ? null : d.reviewModel().name());
          ps.setString(i++, DocumentStore.array(d.ageBands()));
          ps.setString(i++, DocumentStore.array(d.categories()));
          ps.setString(i++, DocumentStore.array(d.themes()));
          ps.setString(i++, DocumentStore.array(d.keywords()));
          ps.setString(i++, d.summary());
          ps.setString(i++, d.learning());
          ps.setString(i++, d.recommendations());
          ps.setBytes(i++, r.pdf());
          ps.setString(i++, r.sha256());
          ps.setString(i++, r.filename());
          ps.setInt(i++, r.pages().size());
          ps.setTimestamp(i++, when);
          ps.setTimestamp(i++, when);
          ps.setString(i++, by);
          ps.setTimestamp(i++, when);
          ps.setTimestamp(i++, when);
          ps.setString(i, by);
        });
    List<Object[]> pages = new ArrayList<>();
    for (int k = 0; k < rows.size(); k++) {
      List<String> p = rows.get(k).pages();
      for (int n = 0; n < p.size(); n++) {
        pages.add(new Object[] {reserved.get(k), n + 1, p.get(n), p.get(n)});
      }
    }
    jdbc.batchUpdate(
        "insert into library_page (document_id, page_no, text, tsv)"
            + " values (?, ?, ?, to_tsvector('english', ?))",
        pages);
    jdbc.update(
        "update library_document d set search_tsv = "
            + DocumentStore.SEARCH_TSV
            + " where d.id = any (?::bigint[])",
        "{" + String.join(",", reserved.stream().map(String::valueOf).toList()) + "}");
    ids.addAll(reserved);
    return ids;
  }
}
