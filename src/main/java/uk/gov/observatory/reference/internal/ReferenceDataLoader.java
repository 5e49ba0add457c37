package uk.gov.observatory.reference.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.springframework.stereotype.Component;
import uk.gov.observatory.database.AfterEveryMigration;
import uk.gov.observatory.reference.Code;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.Region;

/**
 * After every Flyway migration, brings the reference tables up to date with the files the project
 * carries, in the migration's transaction: new rows are added and changed rows updated (rows are
 * never deleted, as records may refer to them).
 */
@Component
class ReferenceDataLoader extends AfterEveryMigration {

  private final ClasspathReferenceData reference;

  ReferenceDataLoader(ClasspathReferenceData reference) {
    super("reference-data", "load reference data");
    this.reference = reference;
  }

  @Override
  protected void run(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into region (code, name) values (?, ?) "
                + "on conflict (code) do update set name = excluded.name")) {
      for (Region r : reference.regions()) {
        ps.setString(1, r.code());
        ps.setString(2, r.name());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into local_authority (code, name, operation_date, termination_date,"
                + " region_code, old_la_code) values (?, ?, ?, ?, ?, ?) on conflict (code) do update"
                + " set name = excluded.name, operation_date = excluded.operation_date,"
                + " termination_date = excluded.termination_date, region_code ="
                + " excluded.region_code, old_la_code = excluded.old_la_code")) {
      for (LocalAuthority la : reference.localAuthorities()) {
        ps.setString(1, la.code());
        ps.setString(2, la.name());
        ps.setDate(3, Date.valueOf(la.operationDate()));
        ps.setDate(4, la.terminationDate() == null ? null : Date.valueOf(la.terminationDate()));
        ps.setString(5, la.regionCode());
        ps.setString(6, la.oldCode());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into code_list_entry (list, code, label, code_group, ordinal)"
                + " values (?, ?, ?, ?, ?) on conflict (list, code) do update set label ="
                + " excluded.label, code_group = excluded.code_group, ordinal = excluded.ordinal")) {
      for (var list : reference.allCodeLists().values()) {
        int ordinal = 0;
        for (Code code : list.codes()) {
          ps.setString(1, list.name());
          ps.setString(2, code.code());
          ps.setString(3, code.label());
          ps.setString(4, code.group());
          ps.setInt(5, ordinal++);
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }
}
