package uk.gov.observatory.database;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Whether an instance migrates the database when it starts: yes by default (one instance, as
 * before); with {@code observatory.migrate-on-start=false} ({@code serve --no-migrate}) it only
 * checks that the database is already at its version, and refuses to start, saying what to run,
 * when a migration is pending. Several instances of one database start that way after one {@code
 * observatory migrate} (deploy/run.sh), so that no instance changes the schema under the others.
 */
@Configuration(proxyBeanMethods = false)
class MigrationOnStart {

  static final String PROPERTY = "observatory.migrate-on-start";

  @Bean
  FlywayMigrationStrategy migrateOrCheck(Environment env) {
    boolean migrate = env.getProperty(PROPERTY, Boolean.class, true);
    return flyway -> {
      if (migrate) {
        flyway.migrate();
        return;
      }
      MigrationInfo[] pending = flyway.info().pending();
      if (pending.length > 0) {
        throw new DatabaseNotMigratedException(
            "The database is not at this version's schema: "
                + pending.length
                + (pending.length == 1 ? " migration is" : " migrations are")
                + " pending ("
                + Arrays.stream(pending)
                    .limit(3)
                    .map(m -> "V" + m.getVersion() + " " + m.getDescription())
                    .collect(Collectors.joining(", "))
                + (pending.length > 3 ? ", ..." : "")
                + "). Run 'observatory migrate' with the same database options first, or start"
                + " without --no-migrate.");
      }
      flyway.validate();
    };
  }

  /** An instance told not to migrate found the database behind its version. */
  public static final class DatabaseNotMigratedException extends IllegalStateException {
    DatabaseNotMigratedException(String message) {
      super(message);
    }
  }
}
