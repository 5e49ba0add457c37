package uk.gov.observatory.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

  /** The advisory lock that puts appends in one line ("OBSAUDIT" in ASCII). */
  static final long APPEND_LOCK = 0x4F42534155444954L;

  private static final String COLUMNS =
      "id, recorded_at, actor, action, record_type, record_ref, before_state, after_state,"
          + " details, previous_hash, entry_hash";

  private static final RowMapper<AuditEntry> ENTRY = AuditRepository::entry;

  private final JdbcTemplate jdbc;

  public AuditRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Appends an entry at the end of the chain. Must run in a transaction: the advisory lock taken
   * here is held until that transaction ends, so no other append can read the same last hash.
   */
  public AuditEntry append(AuditEvent e, Supplier<Instant> now) {
    // Under REPEATABLE READ or SERIALIZABLE the last entry read below could be older than one
    // committed while waiting for the lock, forking the chain: refuse rather than fork.
    String isolation = jdbc.queryForObject("show transaction_isolation", String.class);
    if (!"read committed".equals(isolation)) {
      throw new IllegalStateException(
          "audit entries are appended only in READ COMMITTED transactions, not " + isolation);
    }
    jdbc.query("select pg_advisory_xact_lock(?)", rs -> {}, APPEND_LOCK);
    String previous =
        jdbc.query(
            "select entry_hash from audit_entry order by id desc limit 1",
            rs -> rs.next() ? rs.getString(1) : AuditChain.GENESIS);
    Long id =
        jdbc.queryForObject(
            "select nextval(pg_get_serial_sequence('audit_entry', 'id'))", Long.class);
    Instant at = AuditChain.micros(now.get());
    String action = e.action().name();
    String hash =
        AuditChain.hash(
            id,
            at,
            e.actor(),
            action,
            e.recordType(),
            e.recordRef(),
            e.before(),
            e.after(),
            e.details(),
            previous);
    jdbc.update(
        "insert into audit_entry ("
            + COLUMNS
            + ") overriding system value"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
        e.actor(),
        action,
        e.recordType(),
        e.recordRef(),
        e.before(),
        e.after(),
        e.details(),
        previous,
        hash);
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
        previous,
        hash);
  }

  /** Every entry in chain order, a batch at a time (call in a transaction to stream). */
  public void forEachInOrder(Consumer<AuditEntry> each) {
    JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
    streaming.setFetchSize(1000);
    streaming.query(
        "select " + COLUMNS + " from audit_entry order by id",
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
