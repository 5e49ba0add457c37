package uk.gov.observatory.library.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.gov.observatory.library.DocumentType;
import uk.gov.observatory.library.internal.PublicReads;

/**
 * The public pages' own small reads, through {@link PublicReads} (the role that reaches only the
 * published documents' views): the feed's newest documents, and a PDF's size for its link.
 */
@Component
class PublicDocumentReads {

  /** A document as the feed lists it. */
  record FeedEntry(
      long id,
      DocumentType type,
      String title,
      String summary,
      LocalDate publishedOn,
      String laCode,
      Instant publishedAt,
      Instant updatedAt,
      boolean hasPdf) {}

  private final PublicReads reads;

  PublicDocumentReads(PublicReads reads) {
    this.reads = reads;
  }

  /** The newest {@code limit} published documents, by when they were published, newest first. */
  List<FeedEntry> newest(int limit) {
    return reads.read(
        jdbc ->
            jdbc.query(
                "select id, doc_type, title, summary, published_on, la_code, published_at,"
                    + " updated_at, pdf_sha256 is not null as has_pdf from library_public_document"
                    + " order by published_at desc, id desc limit ?",
                (rs, i) ->
                    new FeedEntry(
                        rs.getLong("id"),
                        DocumentType.valueOf(rs.getString("doc_type")),
                        rs.getString("title"),
                        rs.getString("summary"),
                        rs.getObject("published_on", LocalDate.class),
                        rs.getString("la_code"),
                        instant(rs.getTimestamp("published_at")),
                        instant(rs.getTimestamp("updated_at")),
                        rs.getBoolean("has_pdf")),
                limit));
  }

  /** The size in bytes of a published document's PDF, if it has one. */
  Optional<Long> pdfSize(long id) {
    return reads.read(
        jdbc ->
            jdbc
                .query(
                    "select octet_length(pdf) from library_public_file where id = ?",
                    (rs, i) -> rs.getLong(1),
                    id)
                .stream()
                .findFirst());
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
