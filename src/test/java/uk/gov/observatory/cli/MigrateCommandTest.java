package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.ObservatoryApplication;

/**
 * Migrations run once: {@code migrate} brings a database to the schema and exits, and an instance
 * started with {@code serve --no-migrate} ({@code observatory.migrate-on-start=false}) changes
 * nothing: on a database behind its version it refuses to start, saying what to run.
 */
class MigrateCommandTest {

  @Test
  void migrateOnceThenInstancesStartWithoutMigrating() throws Exception {
    // An external PostgreSQL of its own, empty.
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
      JdbcTemplate db = new JdbcTemplate(pg.getPostgresDatabase());

      assertThatThrownBy(() -> startWithoutMigrating(url).close())
          .hasRootCauseInstanceOf(IllegalStateException.class)
          .rootCause()
          .hasMessageContaining("migrations are pending (V1 ")
          .hasMessageContaining("Run 'observatory migrate'");
      assertThat(tables(db, "notification"))
          .as("nothing migrated by an instance told not to")
          .isZero();

      CommandRun run = CommandRun.of("migrate", "--db-url", url, "--db-user", "postgres");
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out()).contains("Database migrated: schema version").contains("none pending");
      assertThat(tables(db, "spring_session")).isEqualTo(1);

      // Now an instance starts without migrating, on the schema migrate made.
      try (ConfigurableApplicationContext instance = startWithoutMigrating(url)) {
        assertThat(
                instance
                    .getBean(JdbcTemplate.class)
                    .queryForObject("select count(*) from notification", Integer.class))
            .isZero();
      }
      // Run again, migrate has nothing to do and says so.
      CommandRun again = CommandRun.of("migrate", "--db-url", url, "--db-user", "postgres");
      assertThat(again.code()).as(again.err()).isZero();
      assertThat(again.out()).contains("none pending");
    }
  }

  private static int tables(JdbcTemplate db, String name) {
    return db.queryForObject(
        "select count(*) from pg_tables where tablename = ?", Integer.class, name);
  }

  private static ConfigurableApplicationContext startWithoutMigrating(String url) {
    return new SpringApplicationBuilder(ObservatoryApplication.class)
        .web(WebApplicationType.NONE)
        .run(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--observatory.migrate-on-start=false",
            "--observatory.reminders.enabled=false",
            "--spring.main.log-startup-info=false");
  }
}
