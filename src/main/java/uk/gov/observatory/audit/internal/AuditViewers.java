package uk.gov.observatory.audit.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.gov.observatory.audit.ViewerPage;

/**
 * Who has viewed a record, summarised in SQL: one row a person, a page at a time, so a case viewed
 * 6,000 times is read as a handful of rows, not 6,000 entries. Read side only.
 */
@Repository
public class AuditViewers {

  private static final String VIEWS =
      "from audit_entry where record_ref = ?"
          + " and action in ('VIEWED', 'IDENTIFYING_DETAILS_SHOWN')";

  private final JdbcTemplate jdbc;

  public AuditViewers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A page of people, the latest viewer first; {@code offset} and {@code limit} in people. */
  public List<ViewerPage.Viewer> of(String recordRef, int offset, int limit) {
    return jdbc.query(
        "select actor, count(*) filter (where action = 'VIEWED') as views,"
            + " count(*) filter (where action = 'IDENTIFYING_DETAILS_SHOWN') as shown,"
            + " max(recorded_at) as last_viewed "
            + VIEWS
            + " group by actor order by last_viewed desc, actor limit ? offset ?",
        (rs, row) ->
            new ViewerPage.Viewer(
                rs.getString("actor"),
                rs.getLong("views"),
                rs.getLong("shown"),
                rs.getObject("last_viewed", OffsetDateTime.class).toInstant()),
        recordRef,
        limit,
        offset);
  }

  /**
   * How many people and how many views (not showings of details) in all: {@code [people, views]}.
   */
  public long[] totals(String recordRef) {
    return jdbc.queryForObject(
        "select count(distinct actor), count(*) filter (where action = 'VIEWED') " + VIEWS,
        (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)},
        recordRef);
  }
}
