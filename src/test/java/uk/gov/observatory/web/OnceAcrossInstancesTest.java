package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.support.RegisterTest;

/**
 * Scheduled jobs (the reminder sweep, the outbox's sender, the library's monthly email) run on one
 * instance at a time: while another connection to the database (another instance) holds a job's
 * lock, the job is skipped here; two at once, one runs it.
 */
@RegisterTest
class OnceAcrossInstancesTest {

  @Autowired OnceAcrossInstances once;
  @Autowired DatabaseOwner owner;

  @Test
  void aJobHeldByAnotherInstanceIsSkippedAndRunsOnceItIsFree() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    try (Connection other = owner.dataSource().getConnection()) {
      lock(other, "select pg_advisory_lock(?, ?)", "review.reminder-sweep");
      assertThat(once.run("review.reminder-sweep", runs::incrementAndGet)).isFalse();
      assertThat(runs).hasValue(0);
      // Another job is not held up by it.
      assertThat(once.run("review.outbox-send", runs::incrementAndGet)).isTrue();
      assertThat(runs).hasValue(1);
      lock(other, "select pg_advisory_unlock(?, ?)", "review.reminder-sweep");
    }
    assertThat(once.run("review.reminder-sweep", runs::incrementAndGet)).isTrue();
    assertThat(runs).hasValue(2);
  }

  @Test
  void twoAtOnceRunItOnce() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch secondTried = new CountDownLatch(1);
    CompletableFuture<Boolean> first =
        CompletableFuture.supplyAsync(
            () ->
                once.run(
                    "library.monthly-email",
                    () -> {
                      runs.incrementAndGet();
                      running.countDown();
                      try {
                        secondTried.await(30, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
    assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
    boolean second = once.run("library.monthly-email", runs::incrementAndGet);
    secondTried.countDown();
    assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(second).isFalse();
    assertThat(runs).hasValue(1);
    // A job that fails releases its lock.
    try {
      once.run(
          "library.monthly-email",
          () -> {
            throw new IllegalStateException("synthetic failure");
          });
    } catch (IllegalStateException expected) {
      // passed through
    }
    assertThat(once.run("library.monthly-email", runs::incrementAndGet)).isTrue();
  }

  private static void lock(Connection c, String sql, String job) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setInt(1, OnceAcrossInstances.NAMESPACE);
      s.setInt(2, OnceAcrossInstances.key(job));
      s.executeQuery().close();
    }
  }
}
