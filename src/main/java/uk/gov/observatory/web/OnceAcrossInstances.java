package uk.gov.observatory.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Scheduled jobs that run on one instance at a time however many run beside it on the same
 * database: a job runs only while holding a PostgreSQL advisory lock named after it ({@code
 * pg_try_advisory_lock}); an instance that finds the lock taken skips that run (the other is doing
 * it). PostgreSQL drops the lock if the instance holding it dies, so a job is never left locked.
 */
@Component
public class OnceAcrossInstances {

  /** The first half of every lock's key: Observatory's jobs, apart from any other advisory lock. */
  static final int NAMESPACE = 0x0B5E_2019;

  private static final Logger log = LoggerFactory.getLogger(OnceAcrossInstances.class);

  private final DataSource dataSource;

  OnceAcrossInstances(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The second half of a job's lock key. */
  static int key(String job) {
    return job.hashCode();
  }

  /**
   * Runs {@code work} unless another instance (or thread) is running the job {@code job}; true when
   * it ran here. The work's own exceptions pass through, after the lock is released.
   */
  public boolean run(String job, Runnable work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      if (!lock(c, "select pg_try_advisory_lock(?, ?)", job)) {
        log.debug("Job {} is running on another instance: skipped here", job);
        return false;
      }
      try {
        work.run();
        return true;
      } finally {
        if (!lock(c, "select pg_advisory_unlock(?, ?)", job)) {
          // Never left held by a pooled connection: closing it for good drops the lock.
          c.abort(Runnable::run);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot take the lock of job " + job + ": " + e.getMessage(), e);
    }
  }

  private static boolean lock(Connection c, String sql, String job) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setInt(1, NAMESPACE);
      s.setInt(2, key(job));
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }
}
