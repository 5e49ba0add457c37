package uk.gov.observatory.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * After every migration, on the owner's connection: the application's role may read and change the
 * tables, but the audit log only read and added to (no update, delete or truncate, and, as it owns
 * no table, it cannot switch the audit log's triggers off), and Flyway's history only read. Given
 * again after every migration, so that tables added by later migrations are covered too.
 *
 * <p>Used for the embedded database ({@code observatory_app}) and for an external one whose
 * migrations run as a separate owner ({@code spring.flyway.user}): then the role is {@code
 * spring.datasource.username}.
 */
class ApplicationRoleGrants extends AfterEveryMigration {

  /** The role the public library pages read as (created by migration V21). */
  static final String LIBRARY_READER = "observatory_library_reader";

  private final String role;

  /**
   * @param role the application's role, or null for none (then nothing is granted)
   */
  ApplicationRoleGrants(String role) {
    // Last of the callbacks (Flyway runs them in the order of their names).
    super("~application-role-grants", "give the application's role its rights");
    this.role = role;
  }

  @Override
  protected void run(Connection c) throws SQLException {
    if (role == null) {
      return;
    }
    try (Statement s = c.createStatement()) {
      String schema;
      String quotedRole;
      try (ResultSet rs =
          s.executeQuery(
              "select quote_ident(current_schema()), quote_ident('"
                  + role.replace("'", "''")
                  + "')")) {
        rs.next();
        schema = rs.getString(1);
        quotedRole = rs.getString(2);
      }
      if (schema == null) {
        throw new SQLException("no current schema to grant rights in");
      }
      s.execute("grant usage on schema " + schema + " to " + quotedRole);
      s.execute("revoke all on all tables in schema " + schema + " from " + quotedRole);
      s.execute(
          "grant select, insert, update, delete on all tables in schema "
              + schema
              + " to "
              + quotedRole);
      s.execute("revoke update, delete on " + schema + ".audit_entry from " + quotedRole);
      // The audit sealer (V24) sets an entry's chain position and hashes once; the table's trigger
      // refuses any other change, and a second sealing.
      if (exists(
          s,
          "select 1 from information_schema.columns where table_schema = current_schema()"
              + " and table_name = 'audit_entry' and column_name = 'chain_pos'")) {
        s.execute(
            "grant update (chain_pos, previous_hash, entry_hash) on "
                + schema
                + ".audit_entry to "
                + quotedRole);
      }
      // Notification references (V24, V31): each year's sequence is made and advanced by these.
      for (String function :
          new String[] {
            "notification_ref_year", "notification_ref_next", "notification_ref_take"
          }) {
        if (exists(s, "select to_regprocedure('" + function + "(int)')")) {
          s.execute("revoke all on function " + schema + "." + function + "(int) from public");
          s.execute(
              "grant execute on function " + schema + "." + function + "(int) to " + quotedRole);
        }
      }
      s.execute(
          "revoke insert, update, delete on "
              + schema
              + ".flyway_schema_history from "
              + quotedRole);
      s.execute("grant usage, select on all sequences in schema " + schema + " to " + quotedRole);
      // The learning library's public reads switch to this role (V21), which may read only the
      // published documents' views.
      try (ResultSet rs =
          s.executeQuery("select 1 from pg_roles where rolname = '" + LIBRARY_READER + "'")) {
        if (!rs.next()) {
          return;
        }
      }
      s.execute("grant " + LIBRARY_READER + " to " + quotedRole);
    }
  }

  /** Whether the query gives a row whose first column is not null. */
  private static boolean exists(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.next() && rs.getObject(1) != null;
    }
  }
}
