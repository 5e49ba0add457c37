package uk.gov.observatory.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;

/**
 * The embedded PostgreSQL is closed to other local users (no connection without its password, no
 * Unix socket), and the application connects as a role that cannot change or remove the audit log.
 * Always on the embedded database, even when the suite runs against an external one.
 */
@RegisterTest
@TestPropertySource(
    properties = {
      "spring.datasource.url=",
      "spring.datasource.username=",
      "spring.datasource.password="
    })
class ApplicationRoleTest {

  @Autowired EmbeddedPostgres postgres;
  @Autowired JdbcTemplate jdbc;
  @Autowired DatabaseOwner owner;
  @Autowired NotificationRegister register;
  @Autowired AuditLog audit;

  String url() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
  }

  @Test
  @DisplayName(
      "no connection to the embedded PostgreSQL without its password, over TCP or a Unix socket")
  void closedToOthers() {
    for (String user : new String[] {"postgres", EmbeddedDatabase.APPLICATION_ROLE}) {
      assertThatThrownBy(() -> DriverManager.getConnection(url() + "?user=" + user).close())
          .as("%s without a password", user)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password");
      assertThatThrownBy(() -> DriverManager.getConnection(url(), user, "not-the-password").close())
          .as("%s with a wrong password", user)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");
    }
    // No Unix socket at all (PostgreSQL's default is one in /tmp), and no rule that trusts.
    JdbcTemplate asOwner = owner.jdbc();
    assertThat(asOwner.queryForObject("show unix_socket_directories", String.class)).isEmpty();
    assertThat(Path.of("/tmp/.s.PGSQL." + postgres.getPort())).doesNotExist();
    assertThat(asOwner.queryForObject("show listen_addresses", String.class))
        .isEqualTo("localhost");
    assertThat(
            asOwner.queryForList(
                "select distinct auth_method from pg_hba_file_rules where error is null",
                String.class))
        .containsOnly("scram-sha-256");
  }

  @Test
  @DisplayName(
      "the application's role is no superuser, owns no table, adds audit entries but cannot change,"
          + " delete or switch off the audit log")
  void applicationRoleCannotTouchTheAuditLog() {
    assertThat(jdbc.queryForObject("select current_user", String.class))
        .isEqualTo(EmbeddedDatabase.APPLICATION_ROLE);
    assertThat(
            jdbc.queryForObject(
                "select rolsuper from pg_roles where rolname = current_user", Boolean.class))
        .isFalse();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where c.relowner = (select oid from pg_roles where rolname = current_user)",
                Long.class))
        .isZero();

    // Through the application: a notification and its audit entry.
    String ref = register.notify(Submissions.death(), null, "alice").notification().ref();
    assertThat(audit.search(null, ref, null, null, 1).items()).hasSize(1);
    assertThat(audit.seal()).isPositive();
    long entries = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
    assertThat(entries).isPositive();

    for (String sql :
        new String[] {
          "update audit_entry set actor = 'mallory'",
          // It may seal an entry once (V24), but not change a sealed one's hashes or place.
          "update audit_entry set entry_hash = upper(entry_hash)",
          "update audit_entry set chain_pos = null, previous_hash = null, entry_hash = null",
          "delete from audit_entry",
          "truncate audit_entry",
          "alter table audit_entry disable trigger user",
          "alter table audit_entry disable trigger all",
          "drop trigger audit_entry_no_update_or_delete on audit_entry",
          "set session_replication_role = replica",
          "alter role " + EmbeddedDatabase.APPLICATION_ROLE + " superuser",
          "create table audit_entry_copy (id bigint)"
        }) {
      assertThatThrownBy(() -> jdbc.execute(sql))
          .as(sql)
          .isInstanceOf(DataAccessException.class)
          .satisfies(
              e ->
                  assertThat(((SQLException) e.getCause()).getSQLState())
                      .as(sql + ": " + e.getMessage())
                      .isEqualTo("42501")); // insufficient_privilege
    }
    assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class))
        .isEqualTo(entries);
    assertThat(jdbc.queryForList("select distinct actor from audit_entry", String.class))
        .doesNotContain("mallory");
    assertThat(audit.verify().intact()).isTrue();
  }
}
