package uk.gov.observatory.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: PostgreSQL embedded in the application (zonky), with its data kept in
 * {@code <data-dir>/postgres} so it survives a restart. Used only when no {@code
 * spring.datasource.url} is configured; otherwise Spring Boot connects to that external server.
 *
 * <p>The server stops when the application context closes, which Spring Boot does on a normal exit
 * and on Ctrl-C (its JVM shutdown hook).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
public class EmbeddedDatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(
      @Value("${observatory.data-dir:./data}") Path dataDir,
      @Value("${observatory.database.ephemeral:false}") boolean ephemeral)
      throws IOException {
    Path pgData;
    if (ephemeral) {
      pgData = Files.createTempDirectory("observatory-pg-");
    } else {
      pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
      Files.createDirectories(pgData);
    }
    log.info("Starting embedded PostgreSQL with data in {}", pgData);
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgData)
              .setCleanDataDirectory(ephemeral)
              // Spring stops the server when the context closes (on exit and on Ctrl-C), after
              // the connection pool: zonky's own shutdown hook would race it.
              .setRegisterShutdownHook(false);
      if (!ephemeral) {
        // zonky starts PostgreSQL tuned for throw-away test databases (fsync and synchronous
        // commit off); data that must survive a crash needs them back on.
        builder
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on");
      }
      return builder.start();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "Cannot start the embedded PostgreSQL in "
              + pgData
              + " (is another Observatory using this data folder? choose another with --data-dir,"
              + " or use an external server with --db-url): "
              + e.getMessage(),
          e);
    }
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(EmbeddedPostgres postgres) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    config.setMaximumPoolSize(8);
    config.setPoolName("observatory-embedded");
    return new HikariDataSource(config);
  }
}
