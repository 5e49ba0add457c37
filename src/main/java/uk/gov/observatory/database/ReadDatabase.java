package uk.gov.observatory.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where reads that may lag a little go: the read replica when one is configured ({@code
 * observatory.read-replica-url}, a PostgreSQL physical standby of the primary), otherwise the
 * primary itself, through the application's own pool and transactions exactly as before. Only for
 * what a person need not see at once after their own change (the analytics pages, the public
 * statistics pages, the public library search): never for a write, and never for a page that shows
 * what its reader has just done.
 *
 * <p>Its templates and transactions are of one source: a transaction from {@link #snapshot()} and
 * {@link #jdbc()} read the same server, so a version read in a snapshot is the version of the data
 * read in it.
 */
public final class ReadDatabase implements AutoCloseable {

  private final JdbcTemplate jdbc;
  private final PlatformTransactionManager transactions;
  private final HikariDataSource replica;
  private final String replicaUrl;

  ReadDatabase(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      HikariDataSource replica,
      String replicaUrl) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.replica = replica;
    this.replicaUrl = replicaUrl;
  }

  /** Whether reads go to a read replica (false: to the primary). */
  public boolean replica() {
    return replica != null;
  }

  /**
   * Queries on this source (within a transaction of {@link #snapshot()} or {@link #readOnly()}).
   */
  public JdbcTemplate jdbc() {
    return jdbc;
  }

  public NamedParameterJdbcTemplate namedJdbc() {
    return new NamedParameterJdbcTemplate(jdbc);
  }

  /**
   * A read-only REPEATABLE READ transaction on this source: every read in it sees one snapshot (on
   * a standby, one point of the primary's history as replayed so far).
   */
  public TransactionTemplate snapshot() {
    TransactionTemplate t = readOnly();
    t.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    return t;
  }

  /** A read-only transaction on this source (the server's default isolation). */
  public TransactionTemplate readOnly() {
    TransactionTemplate t = new TransactionTemplate(transactions);
    t.setReadOnly(true);
    return t;
  }

  @Override
  public void close() {
    if (replica != null) {
      replica.close();
    }
  }

  @Override
  public String toString() {
    return replica == null
        ? "ReadDatabase[the primary]"
        : "ReadDatabase[replica " + replicaUrl + "]";
  }
}
