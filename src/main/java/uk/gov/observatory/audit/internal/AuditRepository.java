package uk.gov.observatory.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import uk.gov.observatory.audit.AuditEntry;
import uk.gov.observatory.audit.AuditEvent;

/** The audit_entry table. Only {@link uk.gov.observatory.audit.AuditLog} uses it. */
@Repository
public class AuditRepository {

  /**
   * The advisory lock that lets one sealer at a time, in any instance, extend the chain ("OBSAUDIT"
   * in ASCII: before issue 19 it put every append in one line).
   */
  static final long SEAL_LOCK = 0x4F42534155444954L;

  private static final String CONTENT =
      "id, recorded_at, actor, action, record_type, record_ref, before_state, after_state, details";

  private static final String COLUMNS = CONTENT + ", previous_hash, entry_hash";

  private static final RowMapper<AuditEntry> ENTRY = AuditRepository::entry;

  private final JdbcTemplate jdbc;
  private final AuditViewers viewers;

  public AuditRepository(JdbcTemplate jdbc, AuditViewers viewers) {
    this.jdbc = jdbc;
    this.viewers = viewers;
  }

  /** Adds entries at once, in their order, not yet sealed: as {@link #append}, in one statement. */
  public void appendAll(List<AuditEvent> events, Supplier<Instant> now) {
    OffsetDateTime at = OffsetDateTime.ofInstant(AuditChain.micros(now.get()), ZoneOffset.UTC);
    StringBuilder sql = new StringBuilder("insert into audit_entry (" + CONTENT + ") values ");
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      AuditEvent e = events.get(i);
      sql.append(i == 0 ? "" : ", ").append("(default, ?, ?, ?, ?, ?, ?, ?, ?)");
      args.addAll(
          Arrays.asList(
              at,
              e.actor(),
              e.action().name(),
              e.recordType(),
              e.recordRef(),
              e.before(),
              e.after(),
              e.details()));
    }
    jdbc.update(sql.toString(), args.toArray());
  }

  /**
   * Adds an entry, not yet sealed (no hashes, no place in the chain): a plain insert that waits for
   * nothing, so audited requests do not wait for each other's commits. {@link #seal} chains it once
   * its transaction has committed.
   */
  public AuditEntry append(AuditEvent e, Supplier<Instant> now) {
    Instant at = AuditChain.micros(now.get());
    String action = e.action().name();
    Long id =
        jdbc.queryForObject(
            "insert into audit_entry ("
                + CONTENT
                + ") values (default, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
            Long.class,
            OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
            e.actor(),
            action,
            e.recordType(),
            e.recordRef(),
            e.before(),
            e.after(),
            e.details());
    return new AuditEntry(
        id,
        at,
        e.actor(),
        action,
        e.recordType(),
        e.recordRef(),
        e.before(),
        e.after(),
        e.details(),
        null,
        null);
  }

  /**
   * Seals up to {@code max} committed entries not yet sealed, in id order: each gets the next chain
   * position, its previous_hash (the entry_hash of the entry before it in the chain, or the genesis
   * hash) and its entry_hash. Must run in a READ COMMITTED transaction; the advisory lock taken
   * here is held until it ends, so sealers in several instances never fork the chain. Returns how
   * many were sealed, or -1 when {@code wait} is false and another sealer holds the lock.
   */
  public int seal(int max, boolean wait) {
    String isolation = jdbc.queryForObject("show transaction_isolation", String.class);
    if (!"read committed".equals(isolation)) {
      // Under a snapshot taken before the lock, the last sealed entry read below could be stale.
      throw new IllegalStateException(
          "audit entries are sealed only in READ COMMITTED transactions, not " + isolation);
    }
    if (wait) {
      jdbc.query("select pg_advisory_xact_lock(?)", rs -> {}, SEAL_LOCK);
    } else if (!Boolean.TRUE.equals(
        jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, SEAL_LOCK))) {
      return -1;
    }
    // Read after taking the lock, so each statement sees what the previous sealer committed.
    Object[] last =
        jdbc.query(
            "select chain_pos, entry_hash from audit_entry where chain_pos is not null"
                + " order by chain_pos desc limit 1",
            rs -> rs.next() ? new Object[] {rs.getLong(1), rs.getString(2)} : null);
    long position = last == null ? 0 : (Long) last[0];
    String previous = last == null ? AuditChain.GENESIS : (String) last[1];
    List<AuditEntry> unsealed =
        jdbc.query(
            "select " + COLUMNS + " from audit_entry where chain_pos is null order by id limit ?",
            ENTRY,
            max);
    if (unsealed.isEmpty()) {
      return 0;
    }
    int n = unsealed.size();
    Long[] ids = new Long[n];
    Long[] positions = new Long[n];
    String[] previousHashes = new String[n];
    String[] hashes = new String[n];
    for (int i = 0; i < n; i++) {
      AuditEntry e = unsealed.get(i);
      String hash =
          AuditChain.hash(
              e.id(),
              e.recordedAt(),
              e.actor(),
              e.action(),
              e.recordType(),
              e.recordRef(),
              e.before(),
              e.after(),
              e.details(),
              previous);
      ids[i] = e.id();
      positions[i] = ++position;
      previousHashes[i] = previous;
      hashes[i] = hash;
      previous = hash;
    }
    int updated =
        jdbc.execute(
            (java.sql.Connection c) -> {
              try (var ps =
                  c.prepareStatement(
                      "update audit_entry a set chain_pos = v.pos, previous_hash = v.prev,"
                          + " entry_hash = v.hash"
                          + " from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[])"
                          + " as v(id, pos, prev, hash)"
                          + " where a.id = v.id and a.chain_pos is null")) {
                ps.setArray(1, c.createArrayOf("bigint", ids));
                ps.setArray(2, c.createArrayOf("bigint", positions));
                ps.setArray(3, c.createArrayOf("text", previousHashes));
                ps.setArray(4, c.createArrayOf("text", hashes));
                return ps.executeUpdate();
              }
            });
    if (updated != n) {
      throw new IllegalStateException(
          "sealed " + updated + " audit entries of " + n + ": another sealer ran without the lock");
    }
    viewers.add(unsealed);
    return n;
  }

  /** How many entries are not yet sealed. */
  public long unsealedCount() {
    Long n =
        jdbc.queryForObject("select count(*) from audit_entry where chain_pos is null", Long.class);
    return n == null ? 0 : n;
  }

  /** Every sealed entry in chain order, a batch at a time (call in a transaction to stream). */
  public void forEachInOrder(Consumer<AuditEntry> each) {
    JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
    streaming.setFetchSize(1000);
    streaming.query(
        "select " + COLUMNS + " from audit_entry where chain_pos is not null order by chain_pos",
        rs -> {
          each.accept(entry(rs, 0));
        });
  }

  /** Filters (each optional, null for any) and a page, newest first. */
  public record Filter(String actor, String recordRef, String action, Instant from, Instant to) {
    public Filter(String actor, String recordRef, Instant from, Instant to) {
      this(actor, recordRef, null, from, to);
    }
  }

  public List<AuditEntry> search(Filter f, int offset, int limit) {
    List<Object> args = new ArrayList<>();
    String where = where(f, args);
    args.add(limit);
    args.add(offset);
    return jdbc.query(
        "select "
            + COLUMNS
            + " from audit_entry"
            + where
            + " order by recorded_at desc, id desc limit ? offset ?",
        ENTRY,
        args.toArray());
  }

  public long count(Filter f) {
    List<Object> args = new ArrayList<>();
    String where = where(f, args);
    Long n =
        jdbc.queryForObject("select count(*) from audit_entry" + where, Long.class, args.toArray());
    return n == null ? 0 : n;
  }

  public List<AuditEntry> byRecordAndActions(String recordRef, List<String> actions) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from audit_entry where record_ref = ? and action = any (?::text[])"
            + " order by recorded_at desc, id desc",
        ENTRY,
        recordRef,
        "{" + String.join(",", actions) + "}");
  }

  private static String where(Filter f, List<Object> args) {
    List<String> conditions = new ArrayList<>();
    if (f.actor() != null) {
      conditions.add("actor = ?");
      args.add(f.actor());
    }
    if (f.recordRef() != null) {
      conditions.add("record_ref = ?");
      args.add(f.recordRef());
    }
    if (f.action() != null) {
      conditions.add("action = ?");
      args.add(f.action());
    }
    if (f.from() != null) {
      conditions.add("recorded_at >= ?");
      args.add(OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
    }
    if (f.to() != null) {
      conditions.add("recorded_at < ?");
      args.add(OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
    }
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(
        rs.getLong("id"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("record_type"),
        rs.getString("record_ref"),
        rs.getString("before_state"),
        rs.getString("after_state"),
        rs.getString("details"),
        rs.getString("previous_hash"),
        rs.getString("entry_hash"));
  }
}
