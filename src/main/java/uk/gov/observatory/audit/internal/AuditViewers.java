package uk.gov.observatory.audit.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEntry;
import uk.gov.observatory.audit.ViewerPage;

/**
 * Who has viewed a record, one row a person, a page at a time, so a case viewed 6,000 times is read
 * as a handful of rows, not 6,000 entries. The sealed entries are counted in audit_viewer (V30),
 * which the sealer adds to in the transaction that seals them ({@link #add}); the entries not yet
 * sealed (a second's worth) are counted from audit_entry. Read in one snapshot, an entry is in
 * exactly one of the two.
 */
@Repository
public class AuditViewers {

  private static final String VIEWED = AuditAction.VIEWED.name();
  private static final String SHOWN = AuditAction.IDENTIFYING_DETAILS_SHOWN.name();

  /** One row a person: the sealed entries' counts and the unsealed ones', added together. */
  private static final String PEOPLE =
      "with v as ("
          + " select actor, views, shown, last_viewed from audit_viewer where record_ref = ?"
          + " union all"
          + " select actor, count(*) filter (where action = 'VIEWED'),"
          + " count(*) filter (where action = 'IDENTIFYING_DETAILS_SHOWN'), max(recorded_at)"
          + " from audit_entry where chain_pos is null and record_ref = ?"
          + " and action in ('VIEWED', 'IDENTIFYING_DETAILS_SHOWN') group by actor)"
          + " select actor, sum(views) as views, sum(shown) as shown,"
          + " max(last_viewed) as last_viewed from v group by actor";

  private final JdbcTemplate jdbc;

  public AuditViewers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A page of people, the latest viewer first ({@code offset} and {@code limit} in people), with
   * how many people and views there are in all, in one statement (so one snapshot). A page past the
   * last has no rows to carry the totals: they are then read on their own.
   */
  public ViewerPage page(String recordRef, int offset, int limit, int pageNumber) {
    long[] totals = new long[2];
    List<ViewerPage.Viewer> people =
        jdbc.query(
            "select p.*, count(*) over () as all_people, sum(p.views) over () as all_views from ("
                + PEOPLE
                + ") p order by p.last_viewed desc, p.actor limit ? offset ?",
            (rs, row) -> {
              totals[0] = rs.getLong("all_people");
              totals[1] = rs.getLong("all_views");
              return new ViewerPage.Viewer(
                  rs.getString("actor"),
                  rs.getLong("views"),
                  rs.getLong("shown"),
                  rs.getObject("last_viewed", OffsetDateTime.class).toInstant());
            },
            recordRef,
            recordRef,
            limit,
            offset);
    if (people.isEmpty()) {
      long[] all = totals(recordRef);
      return new ViewerPage(List.of(), all[0], all[1], pageNumber, limit);
    }
    return new ViewerPage(people, totals[0], totals[1], pageNumber, limit);
  }

  /**
   * How many people and how many views (not showings of details) in all: {@code [people, views]}.
   */
  public long[] totals(String recordRef) {
    return jdbc.queryForObject(
        "select count(*), coalesce(sum(views), 0) from (" + PEOPLE + ") p",
        (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)},
        recordRef,
        recordRef);
  }

  /**
   * Adds entries being sealed to the summary, in the sealer's transaction: a person's views and
   * showings of a record counted, and their latest time kept.
   */
  void add(List<AuditEntry> sealed) {
    Map<List<String>, long[]> people = new LinkedHashMap<>();
    Map<List<String>, Instant> latest = new LinkedHashMap<>();
    for (AuditEntry e : sealed) {
      boolean viewed = VIEWED.equals(e.action());
      if (e.recordRef() == null || !(viewed || SHOWN.equals(e.action()))) {
        continue;
      }
      List<String> key = List.of(e.recordRef(), e.actor());
      people.computeIfAbsent(key, k -> new long[2])[viewed ? 0 : 1]++;
      latest.merge(key, e.recordedAt(), (a, b) -> a.isAfter(b) ? a : b);
    }
    if (people.isEmpty()) {
      return;
    }
    int n = people.size();
    String[] refs = new String[n];
    String[] actors = new String[n];
    Long[] views = new Long[n];
    Long[] shown = new Long[n];
    String[] last = new String[n];
    int i = 0;
    for (var p : people.entrySet()) {
      refs[i] = p.getKey().get(0);
      actors[i] = p.getKey().get(1);
      views[i] = p.getValue()[0];
      shown[i] = p.getValue()[1];
      last[i] = latest.get(p.getKey()).toString();
      i++;
    }
    jdbc.execute(
        (java.sql.Connection c) -> {
          try (var ps =
              c.prepareStatement(
                  "insert into audit_viewer (record_ref, actor, views, shown, last_viewed)"
                      + " select * from unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[],"
                      + " ?::timestamptz[])"
                      + " on conflict (record_ref, actor) do update set"
                      + " views = audit_viewer.views + excluded.views,"
                      + " shown = audit_viewer.shown + excluded.shown,"
                      + " last_viewed = greatest(audit_viewer.last_viewed, excluded.last_viewed)")) {
            ps.setArray(1, c.createArrayOf("text", refs));
            ps.setArray(2, c.createArrayOf("text", actors));
            ps.setArray(3, c.createArrayOf("bigint", views));
            ps.setArray(4, c.createArrayOf("bigint", shown));
            ps.setArray(5, c.createArrayOf("text", last));
            return ps.executeUpdate();
          }
        });
  }
}
