package uk.gov.observatory.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What someone with owner or superuser rights on the database can do to the audit table despite its
 * append-only triggers: switch them off for one transaction. Tests use it to empty the log and to
 * tamper with it, as an attacker would; the hash chain is what must catch them.
 */
final class AuditTables {

  private AuditTables() {}

  /** Empties the audit log (and restarts its ids), bypassing the append-only trigger. */
  static void empty(JdbcTemplate jdbc, TransactionTemplate tx) {
    bypassing(jdbc, tx, "truncate audit_entry restart identity");
  }

  /** Runs SQL against audit_entry with the append-only triggers off, in one transaction. */
  static int bypassing(JdbcTemplate jdbc, TransactionTemplate tx, String sql, Object... args) {
    return tx.execute(
        status -> {
          jdbc.execute("alter table audit_entry disable trigger user");
          int n = sql.startsWith("truncate") ? runDdl(jdbc, sql) : jdbc.update(sql, args);
          jdbc.execute("alter table audit_entry enable trigger user");
          return n;
        });
  }

  private static int runDdl(JdbcTemplate jdbc, String sql) {
    jdbc.execute(sql);
    return 0;
  }
}
