package uk.gov.observatory.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.protection.IdentifyingDetails;
import uk.gov.observatory.protection.Sealed;
import uk.gov.observatory.support.RegisterTest;

/**
 * Migration 2.1 seals the names and dates of birth earlier versions stored in plaintext. Run on a
 * schema of its own in the test database: migrated to V1, plaintext rows added, then migrated on.
 */
@RegisterTest
class PlaintextMigrationTest {

  static final String SCHEMA = "plaintext_migration_test";

  // As the owner of the tables, as the migrations run (the application's role cannot make a
  // schema).
  @Autowired DatabaseOwner owner;
  DataSource dataSource;
  JdbcTemplate jdbc;
  @Autowired IdentifyingDetails identifying;
  @Autowired List<JavaMigration> javaMigrations;

  Flyway flyway(String target) {
    return Flyway.configure()
        .dataSource(dataSource)
        .schemas(SCHEMA)
        .createSchemas(true)
        .locations("classpath:db/migration")
        .javaMigrations(javaMigrations.toArray(JavaMigration[]::new))
        .target(target)
        .load();
  }

  @BeforeEach
  void asOwner() {
    dataSource = owner.dataSource();
    jdbc = owner.jdbc();
  }

  @AfterEach
  void dropSchema() {
    jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
  }

  @Test
  @DisplayName(
      "plaintext names and dates of birth of an earlier version are sealed, and the plaintext columns dropped")
  void sealsOldPlaintext() {
    jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
    flyway("1").migrate();
    String s = SCHEMA + ".";
    jdbc.update("insert into " + s + "region (code, name) values ('E12000007', 'London')");
    jdbc.update(
        "insert into "
            + s
            + "local_authority (code, name, operation_date, region_code)"
            + " values ('E09000033', 'Westminster', '1965-04-01', 'E12000007')");
    long id =
        jdbc.queryForObject(
            "insert into "
                + s
                + "notification (notification_ref, la_code, incident_date, aware_date,"
                + " notified_date, notification_type, death_category, csc_involvement,"
                + " court_order, living_arrangement, recorded_at) values ('OLD-1', 'E09000033',"
                + " '2020-06-01', '2020-06-02', '2020-06-05', 'DEATH', 'SUDI', 'NONE', 'NONE',"
                + " 'AT_HOME', now()) returning id",
            Long.class);
    jdbc.update(
        "insert into "
            + s
            + "child (notification_id, child_seq, gender, age_years, child_name, date_of_birth)"
            + " values (?, 1, 'FEMALE', 6, 'Zephyrine Quillfeather', '2014-03-09'),"
            + " (?, 2, 'MALE', 3, null, null), (?, 3, 'MALE', 4, 'Orlando Vexley', null)",
        id,
        id,
        id);

    flyway("latest").migrate();

    assertThat(
            jdbc.queryForList(
                "select column_name from information_schema.columns"
                    + " where table_schema = ? and table_name = 'child'",
                String.class,
                SCHEMA))
        .contains("child_name_sealed", "date_of_birth_sealed")
        .doesNotContain("child_name", "date_of_birth");
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select child_name_sealed, date_of_birth_sealed from "
                + s
                + "child order by child_seq");
    assertThat(rows.get(0).values()).allMatch(v -> ((String) v).startsWith("v1:"));
    assertThat(open("child.child_name", rows.get(0).get("child_name_sealed")))
        .isEqualTo("Zephyrine Quillfeather");
    assertThat(open("child.date_of_birth", rows.get(0).get("date_of_birth_sealed")))
        .isEqualTo("2014-03-09");
    assertThat(rows.get(1).values()).containsOnlyNulls();
    assertThat(open("child.child_name", rows.get(2).get("child_name_sealed")))
        .isEqualTo("Orlando Vexley");
    assertThat(rows.get(2).get("date_of_birth_sealed")).isNull();
  }

  String open(String column, Object stored) {
    return identifying.open(column, Sealed.parse((String) stored));
  }
}
