package uk.gov.observatory.analytics.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.stereotype.Component;
import uk.gov.observatory.database.AfterEveryMigration;

/**
 * After every Flyway migration, rebuilds the report's read model (migration V11: {@code
 * report_case}, {@code report_child}) when the code lists or the working days it was built with
 * have changed since, which the triggers that keep it in step with the register cannot see.
 *
 * <p>Flyway runs its callbacks in the order of their names: this one's name begins with the name of
 * the callback that fills {@code working_day} ("working-days"), so that it runs after that one and
 * after the one that loads the code lists ("reference-data").
 */
@Component
class ReportReadModelLoader extends AfterEveryMigration {

  /** The code lists (every code's position and group) and the days that are not working days. */
  static final String FINGERPRINT =
      "select (select md5(coalesce(string_agg(list || ':' || code || ':' || ordinal || ':'"
          + " || coalesce(code_group, ''), ',' order by list, code), '')) from code_list_entry)"
          + " || (select md5(count(*) || ':' || coalesce(min(day)::text, '') || ':'"
          + " || coalesce(max(day)::text, '') || ':' || coalesce(string_agg(day::text, ','"
          + " order by day) filter (where not working), '')) from working_day)";

  ReportReadModelLoader() {
    super("working-days, then report-read-model", "bring the report's read model up to date");
  }

  @Override
  protected void run(Connection c) throws SQLException {
    rebuildIfStale(c);
  }

  /** Rebuilds the read model when its basis has changed; whether it did. */
  static boolean rebuildIfStale(Connection c) throws SQLException {
    String now;
    String held = null;
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery(FINGERPRINT)) {
        rs.next();
        now = rs.getString(1);
      }
      try (ResultSet rs = s.executeQuery("select fingerprint from report_read_model_basis")) {
        if (rs.next()) {
          held = rs.getString(1);
        }
      }
      if (now.equals(held)) {
        return false;
      }
      // One at a time with the catch-ups (V29), which would otherwise deadlock with the truncation.
      s.execute("select pg_advisory_lock(hashtext('report_read_model_catch_up_pending'))");
      try {
        s.execute("select report_read_model_rebuild()");
      } finally {
        s.execute("select pg_advisory_unlock(hashtext('report_read_model_catch_up_pending'))");
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into report_read_model_basis (fingerprint) values (?)"
                + " on conflict (only_row) do update set fingerprint = excluded.fingerprint")) {
      ps.setString(1, now);
      ps.executeUpdate();
    }
    return true;
  }
}
