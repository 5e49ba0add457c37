package uk.gov.observatory.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
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
    try (ConfigurableApplicationContext app = start()) {
      Notification n = app.getBean(NotificationRegister.class).notify(Submissions.death());
      ref = n.ref();
      jdbcUrl = app.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
      // Durable: what was committed survives a crash, not only a clean stop.
      var jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
      assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
      assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
    }
    assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
    // Closed cleanly: nothing listens on the old port any more.
    assertThatThrownBy(() -> DriverManager.getConnection(jdbcUrl).close())
        .isInstanceOf(java.sql.SQLException.class);

    try (ConfigurableApplicationContext app = start()) {
      NotificationRegister register = app.getBean(NotificationRegister.class);
      assertThat(register.find(ref)).get().extracting(Notification::laCode).isEqualTo("E09000033");
      assertThat(register.count()).isEqualTo(1);
      // The reference counter survived too: the next notification gets the next number.
      Notification next = register.notify(Submissions.death());
      assertThat(next.ref()).isNotEqualTo(ref).startsWith("SIN-2020-");
    }
  }
}
