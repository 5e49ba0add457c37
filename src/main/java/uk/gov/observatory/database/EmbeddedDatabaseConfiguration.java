package uk.gov.observatory.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The default database: PostgreSQL embedded in the application (zonky), with its data kept in
 * {@code <data-dir>/postgres} so it survives a restart. Used only when no {@code
 * spring.datasource.url} is configured; otherwise Spring Boot connects to that external server.
 *
 * <p>Closed to others ({@link EmbeddedDatabase}): a password for every connection, and the
 * application connects as {@code observatory_app}, which owns nothing; the migrations run as the
 * superuser, the owner of the tables. The server stops when the application context closes, which
 * Spring Boot does on a normal exit and on Ctrl-C (its JVM shutdown hook); one left running by an
 * Observatory that was killed is stopped at the next start.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
public class EmbeddedDatabaseConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedDatabase embeddedDatabase(
      @Value("${observatory.data-dir:./data}") Path dataDir,
      @Value("${observatory.database.ephemeral:false}") boolean ephemeral,
      @Value("${observatory.database.attach-to-running:false}") boolean attachToRunning)
      throws IOException {
    Path folder = dataDir.toAbsolutePath().normalize();
    try {
      return ephemeral ? EmbeddedDatabase.startEphemeral() : EmbeddedDatabase.start(folder);
    } catch (DataFolderLock.DataFolderInUseException e) {
      if (attachToRunning) {
        // A command run while the server runs: it uses the server's database.
        return EmbeddedDatabase.attach(folder);
      }
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "Cannot start the embedded PostgreSQL in "
              + folder.resolve("postgres")
              + " (choose another data folder with --data-dir, or use an external server with"
              + " --db-url): "
              + e.getMessage(),
          e);
    }
  }

  /** The server itself; stopped by {@link EmbeddedDatabase#close()}. */
  @Bean(destroyMethod = "")
  EmbeddedPostgres embeddedPostgres(EmbeddedDatabase db) {
    return db.postgres();
  }

  /**
   * The application's connections: as {@code observatory_app}, at most {@code
   * observatory.database.pool-size} (default 10) at once. (An external database's pool is Spring
   * Boot's, sized by {@code spring.datasource.hikari.maximum-pool-size}, which
   * application.properties sets from the same setting.)
   */
  @Bean(destroyMethod = "close")
  @Primary
  DataSource dataSource(
      EmbeddedDatabase db, @Value("${observatory.database.pool-size:10}") int poolSize) {
    if (poolSize < 1) {
      throw new IllegalStateException(
          "observatory.database.pool-size must be 1 or more, not " + poolSize);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.jdbcUrl());
    config.setUsername(EmbeddedDatabase.APPLICATION_ROLE);
    config.setPassword(db.passwords().application());
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("observatory-embedded");
    return new HikariDataSource(config);
  }

  /** The owner's connections (the superuser): Flyway's migrations, and {@link DatabaseOwner}. */
  @Bean(destroyMethod = "close")
  @FlywayDataSource
  DataSource databaseOwnerDataSource(EmbeddedDatabase db) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.jdbcUrl());
    config.setUsername("postgres");
    config.setPassword(db.passwords().owner());
    // Flyway holds up to three at once (its lock, its history, the migration).
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    config.setPoolName("observatory-embedded-owner");
    return new HikariDataSource(config);
  }

  @Bean
  DatabaseOwner embeddedDatabaseOwner(
      EmbeddedDatabase db, @Qualifier("databaseOwnerDataSource") DataSource owner) {
    return new DatabaseOwner(owner, db.jdbcUrl(), "postgres", db.passwords().owner());
  }
}
