package uk.gov.observatory.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.audit.internal.AuditChain;
import uk.gov.observatory.support.RegisterTest;

/**
 * Migration V24 (issue 19) on a register of an earlier version: each counted year's references go
 * on from notification_ref_counter, and the audit entries already chained keep their chain (their
 * order was their ids'). Run on a schema of its own, migrated to V22, filled, then migrated on.
 */
@RegisterTest
class IntakeMigrationTest {

  static final String SCHEMA = "intake_migration_test";
  static final String S = SCHEMA + ".";

  @Autowired DatabaseOwner owner;
  @Autowired List<JavaMigration> javaMigrations;
  DataSource dataSource;
  JdbcTemplate jdbc;

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
    jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
  }

  @AfterEach
  void dropSchema() {
    jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
  }

  @Test
  @DisplayName(
      "V24: counted years go on from the old counter, and the audit chain written before it stays"
          + " intact and is continued")
  void continuesReferencesAndChain() {
    flyway("22").migrate();
    jdbc.update("insert into " + S + "notification_ref_counter values (2025, 41), (2026, 7)");
    Instant at = Instant.parse("2026-11-20T10:00:00Z");
    String previous = AuditChain.GENESIS;
    for (long id = 1; id <= 3; id++) {
      String hash =
          AuditChain.hash(id, at, "alice", "VIEWED", null, null, null, null, null, previous);
      jdbc.update(
          "insert into "
              + S
              + "audit_entry (id, recorded_at, actor, action, previous_hash, entry_hash)"
              + " overriding system value values (?, ?, 'alice', 'VIEWED', ?, ?)",
          id,
          at.atOffset(ZoneOffset.UTC),
          previous,
          hash);
      previous = hash;
    }

    jdbc.queryForObject(
        "select setval(pg_get_serial_sequence('" + S + "audit_entry', 'id'), 3)", Long.class);

    flyway("24").migrate();

    // The counted years' sequences go on from the counter.
    assertThat(jdbc.queryForObject("select " + S + "notification_ref_next(2025)", Long.class))
        .isEqualTo(42);
    assertThat(jdbc.queryForObject("select " + S + "notification_ref_next(2026)", Long.class))
        .isEqualTo(8);
    assertThat(jdbc.queryForObject("select " + S + "notification_ref_next(2026)", Long.class))
        .isEqualTo(9);
    // A year never counted starts at 1.
    assertThat(jdbc.queryForObject("select " + S + "notification_ref_next(2027)", Long.class))
        .isEqualTo(1);

    // The old entries are in the chain, in their id order; a new one is unsealed.
    assertThat(
            jdbc.queryForList("select chain_pos from " + S + "audit_entry order by id", Long.class))
        .containsExactly(1L, 2L, 3L);
    jdbc.update(
        "insert into "
            + S
            + "audit_entry (recorded_at, actor, action) values (now(), 'bob', 'VIEWED')");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from " + S + "audit_entry where chain_pos is null", Long.class))
        .isEqualTo(1);
  }
}
