package uk.gov.observatory.database;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connections as the owner of the tables, who runs the migrations: for work the application's own
 * role may not do (switching triggers off, emptying tables, changing the schema), such as the
 * benchmark's bulk copy and tests. The embedded database's superuser; for an external database the
 * migration user ({@code spring.flyway.user}) when one is configured, otherwise the application's
 * own connection.
 */
public final class DatabaseOwner {

  private final DataSource dataSource;
  private final String url;
  private final String username;
  private final String password;

  DatabaseOwner(DataSource dataSource, String url, String username, String password) {
    this.dataSource = dataSource;
    this.url = url;
    this.username = username;
    this.password = password;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public JdbcTemplate jdbc() {
    return new JdbcTemplate(dataSource);
  }

  /** Transactions on the owner's connections. */
  public TransactionTemplate transactions() {
    return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /** The owner's JDBC URL (for a command connected to the same database). */
  public String url() {
    return url;
  }

  public String username() {
    return username;
  }

  /** The owner's password, or null when none is configured. */
  public String password() {
    return password;
  }

  @Override
  public String toString() {
    return "DatabaseOwner[" + username + " at " + url + "]";
  }
}
