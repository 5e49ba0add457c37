package uk.gov.observatory.cli;

import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Brings the database to this version's schema (the Flyway migrations, then the work done after
 * every migration: reference data, the application role's rights) and exits. Run once before
 * starting several instances with {@code serve --no-migrate}.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Brings the database to this version's schema, then exits.",
      "For several instances of one database: run it once, then start each with 'serve --no-migrate'.",
      "Prints the schema's version (exit code 0); a migration that fails is named (exit code 1) and nothing of it is kept."
    })
class MigrateCommand implements Callable<Integer> {

  @Mixin DatabaseOptions db;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (ConfigurableApplicationContext app =
        Applications.startQuietly(db, "--observatory.migrate-on-start=true")) {
      Flyway flyway = app.getBean(Flyway.class);
      MigrationInfo current = flyway.info().current();
      spec.commandLine()
          .getOut()
          .println(
              "Database migrated: schema version "
                  + (current == null ? "none" : current.getVersion())
                  + ", "
                  + flyway.info().applied().length
                  + " migrations applied, none pending.");
      return 0;
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      spec.commandLine().getErr().println("Migration failed: " + root.getMessage());
      return 1;
    }
  }
}
