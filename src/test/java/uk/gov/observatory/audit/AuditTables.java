package uk.gov.observatory.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.database.DatabaseOwner;

/**
 * What the owner of the tables (or a superuser) can do to the audit table despite its append-only
 * triggers: switch them off for one transaction. The application's own role cannot. Tests use it to
 * empty the log and to tamper with it, as an attacker with those rights would; the hash chain is
 * what must catch them.
 */
final class AuditTables {

  private AuditTables() {}

  /**
   * Empties the audit log (and restarts its ids), bypassing the append-only trigger, and the
   * summary of who viewed what that the sealer keeps.
   */
  static void empty(DatabaseOwner owner) {
    bypassing(owner, "truncate audit_entry restart identity");
    owner.jdbc().execute("truncate audit_viewer");
  }

  /** Runs SQL against audit_entry with the append-only triggers off, in one transaction. */
  static int bypassing(DatabaseOwner owner, String sql, Object... args) {
    JdbcTemplate jdbc = owner.jdbc();
    return owner
        .transactions()
        .execute(
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
