package uk.gov.observatory.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@link ReadDatabase}: with {@code observatory.read-replica-url} set, a small pool of
 * read-only connections to that server (a physical standby of the primary), as {@code
 * observatory.read-replica-username} / {@code -password} or else the application's own user and
 * password, at most {@code observatory.read-replica.pool-size} at once (default: {@code
 * observatory.database.pool-size}). Unset, the primary's own pool, template and transactions: no
 * second pool, nothing changed.
 *
 * <p>The pool is not a {@link DataSource} bean (Spring Boot would then make no pool of its own for
 * the primary), and its transactions are not a bean either (the primary's stay the only ones
 * {@code @Transactional} knows): both live inside the {@link ReadDatabase}.
 */
@Configuration(proxyBeanMethods = false)
class ReadReplicaConfiguration {

  static final String URL = "observatory.read-replica-url";
  static final String USERNAME = "observatory.read-replica-username";
  static final String PASSWORD = "observatory.read-replica-password";
  static final String POOL_SIZE = "observatory.read-replica.pool-size";

  private static final Logger log = LoggerFactory.getLogger(ReadReplicaConfiguration.class);

  @Bean(destroyMethod = "close")
  ReadDatabase readDatabase(
      Environment env,
      DataSource dataSource,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions) {
    String url = blankToNull(env.getProperty(URL));
    if (url == null) {
      return new ReadDatabase(jdbc, transactions, null, null);
    }
    String shown = withoutParameters(url);
    if (!url.startsWith("jdbc:postgresql:") || org.postgresql.Driver.parseURL(url, null) == null) {
      throw new DatabaseConfigurationException(
          URL
              + " must be a PostgreSQL JDBC URL such as jdbc:postgresql://replica.example:5432/observatory,"
              + " not '"
              + shown
              + "'");
    }
    int poolSize = poolSize(env);
    String user = blankToNull(env.getProperty(USERNAME));
    String password = env.getProperty(PASSWORD);
    if (user == null && dataSource instanceof HikariDataSource primary) {
      // The application's own user and password on the primary (a standby has the same roles).
      user = primary.getUsername();
      if (password == null) {
        password = primary.getPassword();
      }
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setDriverClassName(org.postgresql.Driver.class.getName());
    config.setUsername(user);
    config.setPassword(password);
    config.setReadOnly(true);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(Math.min(2, poolSize));
    config.setPoolName("observatory-read-replica");
    // Connect at once, so that a replica that cannot be reached stops the start, saying so.
    config.setInitializationFailTimeout(1);
    config.setConnectionTimeout(10_000);
    Properties props = new Properties();
    props.setProperty("connectTimeout", "10");
    config.setDataSourceProperties(props);
    HikariDataSource replica;
    try {
      replica = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new DatabaseConfigurationException(
          URL + ": cannot connect to the read replica at " + shown + " (" + reason(e) + ")", e);
    }
    try (Connection c = replica.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select pg_is_in_recovery()")) {
      rs.next();
      if (rs.getBoolean(1)) {
        log.info(
            "Reads for the analytics and public pages go to the read replica at {}, at most {}"
                + " connections",
            shown,
            poolSize);
      } else {
        log.warn(
            "{} ({}) is not a standby (pg_is_in_recovery() is false): the analytics and public"
                + " pages read it as if it were the primary's replica",
            URL,
            shown);
      }
    } catch (SQLException e) {
      replica.close();
      throw new DatabaseConfigurationException(
          URL + ": cannot read the read replica at " + shown + " (" + reason(e) + ")", e);
    }
    return new ReadDatabase(
        new JdbcTemplate(replica), new DataSourceTransactionManager(replica), replica, shown);
  }

  private static int poolSize(Environment env) {
    String text = env.getProperty(POOL_SIZE);
    if (text == null || text.isBlank()) {
      text = env.getProperty("observatory.database.pool-size", "10");
    }
    int size;
    try {
      size = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      size = 0;
    }
    if (size < 1) {
      throw new DatabaseConfigurationException(
          POOL_SIZE + " must be a whole number, 1 or more, not '" + text.strip() + "'");
    }
    return size;
  }

  /** The URL without its parameters (they may hold a password). */
  static String withoutParameters(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q) + "?...";
  }

  /** The innermost cause's message, on one line. */
  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return m.replaceAll("\\s+", " ").strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
