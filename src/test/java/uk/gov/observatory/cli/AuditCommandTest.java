package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;

/**
 * {@code audit verify} as a person runs it, against the test's own database (so the test can tamper
 * with it first, as someone with database access would).
 */
@RegisterTest
class AuditCommandTest {

  @Autowired NotificationRegister register;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired DataSource dataSource;
  @Autowired Environment env;
  @Autowired DatabaseOwner owner;

  CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  /** audit verify, connected to this test's database. */
  CommandRun verify() {
    return CommandRun.onDatabase(owner, List.of("audit", "verify"));
  }

  /** The append-only triggers off for one transaction, as an owner or superuser can. */
  void bypassing(String sql, Object... args) {
    JdbcTemplate jdbc = owner.jdbc();
    owner
        .transactions()
        .executeWithoutResult(
            status -> {
              jdbc.execute("alter table audit_entry disable trigger user");
              if (sql.startsWith("truncate")) {
                jdbc.execute(sql);
              } else {
                jdbc.update(sql, args);
              }
              jdbc.execute("alter table audit_entry enable trigger user");
            });
  }

  @Test
  @DisplayName(
      "audit verify: exit 0 and the count on an intact chain; exit 1 naming a changed entry")
  void verifyCommand() {
    bypassing("truncate audit_entry restart identity");
    CommandRun fresh = verify();
    assertThat(fresh.code()).as(fresh.err()).isZero();
    assertThat(fresh.out()).contains("Audit chain intact: 0 entries");

    String ref = register.notify(Submissions.death(), null, "alice").notification().ref();
    register.view(ref, "bob");
    register.view(ref, "carol");
    CommandRun intact = verify();
    assertThat(intact.code()).as(intact.err()).isZero();
    assertThat(intact.out()).contains("Audit chain intact: 3 entries");

    long viewedByBob =
        jdbc.queryForObject("select id from audit_entry where actor = 'bob'", Long.class);
    bypassing("update audit_entry set actor = 'mallory' where id = ?", viewedByBob);
    CommandRun broken = verify();
    assertThat(broken.code()).isEqualTo(1);
    assertThat(broken.err())
        .contains("Audit chain broken at entry " + viewedByBob + " (")
        .contains("VIEWED " + ref)
        .contains("altered");
  }

  @Test
  @DisplayName("audit and audit verify explain themselves with --help")
  void help() {
    CommandRun audit = run("audit", "--help");
    assertThat(audit.code()).isZero();
    assertThat(audit.out()).contains("Usage: observatory audit").contains("verify");
    CommandRun verify = run("audit", "verify", "--help");
    assertThat(verify.code()).isZero();
    assertThat(verify.out())
        .contains("Usage: observatory audit verify")
        .contains("--data-dir")
        .contains("--db-url");
    assertThat(run("--help").out()).contains("audit");
  }
}
