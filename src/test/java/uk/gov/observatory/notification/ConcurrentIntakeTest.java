package uk.gov.observatory.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.audit.AuditVerification;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;

/**
 * Issue 19: notifications are taken in without a global lock. References come from a sequence per
 * year (V24), not a counter row locked until the notifying transaction commits, and the audit entry
 * is a plain insert sealed later: one notification never waits for another's commit.
 */
@RegisterTest
class ConcurrentIntakeTest {

  @Autowired NotificationRegister register;
  @Autowired AuditLog audit;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;
  @Autowired DatabaseOwner owner;

  @Test
  @DisplayName("16 notifications at once all get distinct references, and the audit chain is whole")
  void sixteenAtOnce() throws Exception {
    int threads = 16;
    long before = audit.verify().entries();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<String>> refs = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String actor = "notifier-" + i;
        refs.add(
            pool.submit(
                () -> {
                  start.await();
                  return register.notify(Submissions.death(), null, actor).notification().ref();
                }));
      }
      start.countDown();
      List<String> got = new ArrayList<>();
      for (Future<String> f : refs) {
        got.add(f.get(120, TimeUnit.SECONDS));
      }
      assertThat(new HashSet<>(got)).hasSize(threads);
      // None failed, so none left a gap: 1 to 16 of the notified year.
      List<String> expected = new ArrayList<>();
      for (int i = 1; i <= threads; i++) {
        expected.add(String.format("SIN-2020-%05d", i));
      }
      assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(register.count()).isEqualTo(threads);
      AuditVerification after = audit.verify();
      assertThat(after.intact()).isTrue();
      assertThat(after.entries()).isEqualTo(before + threads);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName(
      "a notification completes while another's transaction is still open (it waits on no lock)")
  void noWaitingForAnotherCommit() throws Exception {
    long before = audit.verify().entries();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch stored = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try {
      Future<String> open =
          pool.submit(
              () ->
                  tx.execute(
                      status -> {
                        String ref =
                            register.notify(Submissions.death(), null, "slow").notification().ref();
                        stored.countDown();
                        try {
                          release.await();
                        } catch (InterruptedException e) {
                          throw new IllegalStateException(e);
                        }
                        return ref;
                      }));
      assertThat(stored.await(60, TimeUnit.SECONDS)).isTrue();
      // Before issue 19 this waited on the first one's notification_ref_counter row (and the
      // audit's append lock) until it committed: here, until the 15 s below ran out.
      Future<String> second =
          pool.submit(
              () -> register.notify(Submissions.death(), null, "quick").notification().ref());
      String quick = second.get(15, TimeUnit.SECONDS);
      // Nothing of ours is waiting on a lock meanwhile.
      assertThat(
              owner
                  .jdbc()
                  .queryForObject("select count(*) from pg_locks where not granted", Long.class))
          .isZero();
      release.countDown();
      String slow = open.get(60, TimeUnit.SECONDS);
      assertThat(slow).isEqualTo("SIN-2020-00001");
      assertThat(quick).isEqualTo("SIN-2020-00002");
      AuditVerification after = audit.verify();
      assertThat(after.intact()).isTrue();
      assertThat(after.entries()).isEqualTo(before + 2);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName(
      "references go on from the old counter and from references already held; a rolled-back"
          + " notification leaves a gap")
  void referencesContinue() {
    // The old counter (before V24) had given 41 numbers in 2020.
    owner
        .jdbc()
        .update("insert into notification_ref_counter (year, last_value) values (2020, 41)");
    String first = register.notify(Submissions.death(), null, "alice").notification().ref();
    assertThat(first).isEqualTo("SIN-2020-00042");

    // A 2021 reference already held (as an import can bring): the year's first new one follows it.
    owner
        .jdbc()
        .update(
            "insert into notification (notification_ref, la_code, incident_date, aware_date,"
                + " notified_date, notification_type, death_category, harm_category, imd_decile,"
                + " case_characteristics, domestic_abuse_pattern, csc_involvement, court_order,"
                + " living_arrangement, covid_factors, recorded_at)"
                + " select 'SIN-2021-00077', la_code, incident_date, aware_date, notified_date,"
                + " notification_type, death_category, harm_category, imd_decile,"
                + " case_characteristics, domestic_abuse_pattern, csc_involvement, court_order,"
                + " living_arrangement, covid_factors, recorded_at from notification"
                + " where notification_ref = ?",
            first);
    assertThat(register.notify(Submissions.seriousHarm(), null, "bob").notification().ref())
        .isEqualTo("SIN-2021-00078");

    // A notification rolled back after taking its number: that number is not given again.
    tx.executeWithoutResult(
        status -> {
          assertThat(register.notify(Submissions.death(), null, "carol").notification().ref())
              .isEqualTo("SIN-2020-00043");
          status.setRollbackOnly();
        });
    assertThat(register.notify(Submissions.death(), null, "carol").notification().ref())
        .isEqualTo("SIN-2020-00044");
    assertThat(register.find("SIN-2020-00043")).isEmpty();
  }

  @Test
  @DisplayName(
      "a reference held when its number comes up (imported since) is passed over; a number past"
          + " 99999 keeps all its digits")
  void takenReferencesArePassedOver() {
    String first = register.notify(Submissions.death(), null, "alice").notification().ref();
    assertThat(first).isEqualTo("SIN-2020-00001");
    // The sequence exists; then 00002 and 00003 arrive with an import.
    for (String held : List.of("SIN-2020-00002", "SIN-2020-00003")) {
      owner
          .jdbc()
          .update(
              "insert into notification (notification_ref, la_code, incident_date, aware_date,"
                  + " notified_date, notification_type, death_category, harm_category,"
                  + " imd_decile, case_characteristics, domestic_abuse_pattern, csc_involvement,"
                  + " court_order, living_arrangement, covid_factors, recorded_at)"
                  + " select ?, la_code, incident_date, aware_date, notified_date,"
                  + " notification_type, death_category, harm_category, imd_decile,"
                  + " case_characteristics, domestic_abuse_pattern, csc_involvement, court_order,"
                  + " living_arrangement, covid_factors, recorded_at from notification"
                  + " where notification_ref = ?",
              held,
              first);
    }
    assertThat(register.notify(Submissions.death(), null, "bob").notification().ref())
        .isEqualTo("SIN-2020-00004");

    owner.jdbc().queryForObject("select setval('notification_ref_2020', 99998)", Long.class);
    assertThat(register.notify(Submissions.death(), null, "bob").notification().ref())
        .isEqualTo("SIN-2020-99999");
    assertThat(register.notify(Submissions.death(), null, "bob").notification().ref())
        .isEqualTo("SIN-2020-100000");
  }

  @Test
  @DisplayName(
      "a year's sequence gone after this instance made sure of it is made again, going on from the"
          + " highest reference held")
  void aMissingSequenceIsMadeAgain() {
    assertThat(register.notify(Submissions.death(), null, "alice").notification().ref())
        .isEqualTo("SIN-2020-00001");
    assertThat(register.notify(Submissions.death(), null, "alice").notification().ref())
        .isEqualTo("SIN-2020-00002");
    // This instance remembers 2020 as made; the sequence goes (as a restore of an older copy could
    // leave it), so the notifying transaction makes it itself.
    owner.jdbc().execute("drop sequence notification_ref_2020");
    assertThat(register.notify(Submissions.death(), null, "bob").notification().ref())
        .isEqualTo("SIN-2020-00003");
    assertThat(
            owner
                .jdbc()
                .queryForObject(
                    "select to_regclass('notification_ref_2020') is not null", Boolean.class))
        .isTrue();
  }
}
