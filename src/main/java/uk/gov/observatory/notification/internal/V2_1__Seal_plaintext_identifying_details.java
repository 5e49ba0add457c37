package uk.gov.observatory.notification.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;
import uk.gov.observatory.protection.IdentifyingDetails;

/**
 * Migration 2.1: seals the children's names and dates of birth that earlier versions stored in
 * plaintext (in {@code child.child_name} and {@code child.date_of_birth}) into the sealed columns
 * V2 added, then drops the plaintext columns. In the migration's transaction: all or nothing.
 *
 * <p>A Spring bean (Spring Boot hands Flyway every {@code JavaMigration} bean), because it needs
 * the configured keys.
 */
@Component
class V2_1__Seal_plaintext_identifying_details extends BaseJavaMigration {

  private final IdentifyingDetails identifying;

  V2_1__Seal_plaintext_identifying_details(IdentifyingDetails identifying) {
    this.identifying = identifying;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    try (Statement select = c.createStatement();
        ResultSet rs =
            select.executeQuery(
                "select notification_id, child_seq, child_name, date_of_birth from child"
                    + " where child_name is not null or date_of_birth is not null");
        PreparedStatement update =
            c.prepareStatement(
                "update child set child_name_sealed = ?, date_of_birth_sealed = ?"
                    + " where notification_id = ? and child_seq = ?")) {
      int pending = 0;
      while (rs.next()) {
        String name = rs.getString("child_name");
        Date dob = rs.getDate("date_of_birth");
        update.setString(1, ChildColumns.sealName(identifying, name));
        update.setString(
            2, ChildColumns.sealDateOfBirth(identifying, dob == null ? null : dob.toLocalDate()));
        update.setLong(3, rs.getLong("notification_id"));
        update.setInt(4, rs.getInt("child_seq"));
        update.addBatch();
        if (++pending == 500) {
          update.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        update.executeBatch();
      }
    }
    try (Statement drop = c.createStatement()) {
      drop.execute("alter table child drop column child_name, drop column date_of_birth");
    }
  }
}
