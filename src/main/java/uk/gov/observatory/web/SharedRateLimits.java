package uk.gov.observatory.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rate limits' counts kept in PostgreSQL (tables {@code rate_limit_window} and {@code
 * rate_limit_bucket}, migration V25), so that every instance on one database counts against the
 * same limit: a client sent to another instance by the load balancer gets no new allowance. Each
 * count is one statement (an insert that adds to the row when it is there), atomic under the row's
 * lock; a window's count is committed without waiting for the disk (V29's {@code rate_limit_hit}: a
 * count lost in a crash costs nothing). The tables are pruned of finished windows and full buckets
 * about once a minute.
 */
@Component
public class SharedRateLimits {

  private final JdbcTemplate jdbc;
  private final Map<String, Long> prunedAt = new ConcurrentHashMap<>();

  public SharedRateLimits(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Counts a hit of {@code who} in the window {@code minute}; the window's hits, this one's too.
   */
  public int hit(String kind, String who, long minute) {
    pruneWindows(kind, minute);
    Integer hits =
        jdbc.queryForObject("select rate_limit_hit(?, ?, ?)", Integer.class, kind, who, minute);
    return hits == null ? 0 : hits;
  }

  /**
   * Counts {@code count} hits of {@code who} in the window {@code minute} at once (V34's {@code
   * rate_limit_hit_by}), unless the window {@code minute} of {@code fullWho} in {@code fullKind}
   * has {@code full} hits or more: then nothing is counted and the answer is -1. Else the window's
   * hits, these ones too. One statement.
   */
  public int hitUnlessFull(
      String fullKind, String fullWho, int full, String kind, String who, long minute, int count) {
    pruneWindows(kind, minute);
    Integer hits =
        jdbc.queryForObject(
            "select case when coalesce((select hits from rate_limit_window where kind = ? and"
                + " who = ? and minute = ?), 0) >= ? then -1 else rate_limit_hit_by(?, ?, ?, ?)"
                + " end",
            Integer.class,
            fullKind,
            fullWho,
            minute,
            full,
            kind,
            who,
            minute,
            count);
    return hits == null ? 0 : hits;
  }

  /** The hits of {@code who} in the window {@code minute} (none: 0). */
  public int hits(String kind, String who, long minute) {
    return jdbc
        .queryForList(
            "select hits from rate_limit_window where kind = ? and who = ? and minute = ?",
            Integer.class,
            kind,
            who,
            minute)
        .stream()
        .findFirst()
        .orElse(0);
  }

  /** Forgets every window and bucket of a kind. */
  public void forget(String kind) {
    jdbc.update("delete from rate_limit_window where kind = ?", kind);
    jdbc.update("delete from rate_limit_bucket where kind = ?", kind);
  }

  /**
   * Takes a token from {@code who}'s bucket (of {@code capacity} tokens, refilled at {@code
   * perMilli} a millisecond) at {@code now}: 0 when taken, else the seconds until one is there.
   */
  public long take(String kind, String who, double capacity, double perMilli, long now) {
    pruneBuckets(kind, capacity, perMilli, now);
    String refilled = "least(?, b.tokens + greatest(0, ? - b.at_millis) * ?)";
    Map<String, Object> row =
        jdbc.queryForMap(
            "insert into rate_limit_bucket as b (kind, who, tokens, at_millis, granted)"
                + " values (?, ?, ?, ?, true)"
                + " on conflict (kind, who) do update set"
                + " tokens = case when "
                + refilled
                + " >= 1 then "
                + refilled
                + " - 1 else "
                + refilled
                + " end,"
                + " granted = "
                + refilled
                + " >= 1,"
                + " at_millis = greatest(b.at_millis, ?)"
                + " returning tokens, granted",
            kind,
            who,
            capacity - 1,
            now,
            capacity,
            now,
            perMilli,
            capacity,
            now,
            perMilli,
            capacity,
            now,
            perMilli,
            capacity,
            now,
            perMilli,
            now);
    if (Boolean.TRUE.equals(row.get("granted"))) {
      return 0;
    }
    double tokens = ((Number) row.get("tokens")).doubleValue();
    return Math.max(1, (long) Math.ceil((1 - tokens) / perMilli / 1000.0));
  }

  private void pruneWindows(String kind, long minute) {
    if (due("w:" + kind, minute)) {
      jdbc.update("delete from rate_limit_window where kind = ? and minute < ?", kind, minute);
    }
  }

  private void pruneBuckets(String kind, double capacity, double perMilli, long now) {
    if (due("b:" + kind, now / 60_000)) {
      jdbc.update(
          "delete from rate_limit_bucket where kind = ? and tokens + (? - at_millis) * ? >= ?",
          kind,
          now,
          perMilli,
          capacity);
    }
  }

  /** True at most once a minute per kind (and on this instance). */
  private boolean due(String key, long minute) {
    Long before = prunedAt.put(key, minute);
    return before == null || before != minute;
  }
}
