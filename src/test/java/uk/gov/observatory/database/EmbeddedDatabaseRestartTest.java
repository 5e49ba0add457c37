package uk.gov.observatory.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.gov.observatory.ObservatoryApplication;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.Submissions;

/** The default, embedded database keeps its data in --data-dir across a restart. */
class EmbeddedDatabaseRestartTest {

  @TempDir Path dataDir;

  ConfigurableApplicationContext start() {
    // Command-line properties win over the test configuration and over any external database
    // that .ci/run configures: this test is about the embedded one.
    return new SpringApplicationBuilder(ObservatoryApplication.class)
        .web(WebApplicationType.NONE)
        .run(
            "--observatory.database.ephemeral=false",
            "--observatory.data-dir=" + dataDir,
            "--spring.datasource.url=");
  }

  @Test
  @DisplayName(
      "a notification recorded before a restart is still there after it, and the server stops on close")
  void keepsDataAcrossRestart() throws Exception {
    String ref;
    String jdbcUrl;
    String ownerPassword;
    try (ConfigurableApplicationContext app = start()) {
      Notification n = app.getBean(NotificationRegister.class).notify(Submissions.death());
      ref = n.ref();
      jdbcUrl = app.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
      ownerPassword = app.getBean(DatabaseOwner.class).password();
      // Durable: what was committed survives a crash, not only a clean stop.
      var jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
      assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
      assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
    }
    assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
    // The generated passwords: readable by this user only.
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve(DatabasePasswords.FILE_NAME))))
        .isEqualTo("rw-------");
    // Closed cleanly: nothing listens on the old port any more.
    assertThatThrownBy(
            () -> DriverManager.getConnection(jdbcUrl, "postgres", ownerPassword).close())
        .isInstanceOf(java.sql.SQLException.class)
        .hasMessageContaining("Connection")
        .hasMessageContaining("refused");

    try (ConfigurableApplicationContext app = start()) {
      NotificationRegister register = app.getBean(NotificationRegister.class);
      assertThat(register.find(ref)).get().extracting(Notification::laCode).isEqualTo("E09000033");
      assertThat(register.count()).isEqualTo(1);
      // The reference counter survived too: the next notification gets the next number.
      Notification next = register.notify(Submissions.death());
      assertThat(next.ref()).isNotEqualTo(ref).startsWith("SIN-2020-");
    }
  }

  @Test
  @DisplayName(
      "a data folder of an earlier version (no password) is closed at the next start, its data kept")
  void upgradesATrustingFolder() throws Exception {
    String ref;
    try (ConfigurableApplicationContext app = start()) {
      ref = app.getBean(NotificationRegister.class).notify(Submissions.death()).ref();
    }
    // As an earlier version left it: pg_hba.conf trusts everyone, and no password file.
    Path pgData = dataDir.resolve("postgres");
    Files.writeString(
        pgData.resolve("pg_hba.conf"),
        "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");
    Files.delete(dataDir.resolve(DatabasePasswords.FILE_NAME));
    try (EmbeddedPostgres earlier =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .start()) {
      DriverManager.getConnection(earlier.getJdbcUrl("postgres", "postgres")).close();
    }

    try (ConfigurableApplicationContext app = start()) {
      NotificationRegister register = app.getBean(NotificationRegister.class);
      assertThat(register.find(ref)).isPresent();
      String url = app.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
      assertThatThrownBy(() -> DriverManager.getConnection(url).close())
          .isInstanceOf(java.sql.SQLException.class)
          .hasMessageContaining("password");
      assertThat(EmbeddedDatabase.trusting(pgData)).isFalse();
      assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).doesNotContain("trust");
      assertThat(dataDir.resolve(DatabasePasswords.FILE_NAME)).exists();
      assertThat(
              app.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                  .queryForObject("select current_user", String.class))
          .isEqualTo(EmbeddedDatabase.APPLICATION_ROLE);
    }
  }
}
