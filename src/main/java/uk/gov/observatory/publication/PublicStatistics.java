package uk.gov.observatory.publication;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import uk.gov.observatory.analytics.PublishedReport;
import uk.gov.observatory.database.ReadDatabase;

/**
 * What the public statistics pages read: published editions only, from the {@link ReadDatabase}
 * (the read replica when one is configured, else the primary). A published edition never changes,
 * so the only lag a reader may see is an edition published moments ago not listed yet. The
 * secretariat's own pages read {@link Editions}, on the primary.
 */
@Service
public class PublicStatistics {

  private final JdbcTemplate jdbc;

  @Autowired
  public PublicStatistics(ReadDatabase readDatabase) {
    this(readDatabase.jdbc());
  }

  /** The same reads of another database (the primary's, for {@link Editions}). */
  PublicStatistics(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The published editions, newest first. */
  public List<Edition> published() {
    return jdbc.query(
        "select * from edition where status = 'PUBLISHED' order by published_at desc, id desc",
        Editions.EDITION);
  }

  /** A published edition by its address; a draft is never found this way. */
  public Optional<Edition> publishedBySlug(String slug) {
    return jdbc
        .query(
            "select * from edition where status = 'PUBLISHED' and slug = ?", Editions.EDITION, slug)
        .stream()
        .findFirst();
  }

  /** A published edition by its id (the edition another revises); a draft is never found. */
  public Optional<Edition> publishedById(long id) {
    return jdbc
        .query("select * from edition where status = 'PUBLISHED' and id = ?", Editions.EDITION, id)
        .stream()
        .findFirst();
  }

  /** A published edition's report as it was laid out and frozen when it was published. */
  public PublishedReport frozen(Edition e) {
    String json =
        jdbc
            .query(
                "select report_json::text from edition where id = ? and status = 'PUBLISHED'",
                (rs, n) -> rs.getString(1),
                e.id())
            .stream()
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("edition " + e.id() + " is a draft"));
    return Editions.JSON.readValue(json, PublishedReport.class);
  }

  /** A published edition's files, in order. */
  public List<Editions.FileInfo> files(long editionId) {
    return jdbc.query(
        "select f.name, f.description, f.media_type, length(f.bytes), f.sha256 from edition_file f"
            + " join edition e on e.id = f.edition_id"
            + " where f.edition_id = ? and e.status = 'PUBLISHED' order by f.seq",
        (rs, n) ->
            new Editions.FileInfo(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)),
        editionId);
  }

  /** A published edition's file, with its bytes. */
  public Optional<Editions.StoredFile> file(long editionId, String name) {
    return jdbc
        .query(
            "select f.name, f.description, f.media_type, length(f.bytes), f.sha256, f.bytes"
                + " from edition_file f join edition e on e.id = f.edition_id"
                + " where f.edition_id = ? and f.name = ? and e.status = 'PUBLISHED'",
            (rs, n) ->
                new Editions.StoredFile(
                    new Editions.FileInfo(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5)),
                    rs.getBytes(6)),
            editionId,
            name)
        .stream()
        .findFirst();
  }
}
