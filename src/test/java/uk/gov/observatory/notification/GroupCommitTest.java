package uk.gov.observatory.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
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
import uk.gov.observatory.notification.NotificationSubmission.ChildSubmission;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;

/**
 * Notifications sent at the same moment are stored together, in one transaction ({@link
 * GroupCommit}): each with its own children and audit entry, and none refused for another's fault.
 */
@RegisterTest
class GroupCommitTest {

  @Autowired NotificationRegister register;
  @Autowired AuditLog audit;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;

  /** Notification {@code i}: 1 to 3 children, named and aged after {@code i}. */
  static NotificationSubmission numbered(int i) {
    NotificationSubmission base = Submissions.death();
    List<ChildSubmission> children = new ArrayList<>();
    for (int c = 1; c <= i % 3 + 1; c++) {
      children.add(
          new ChildSubmission(
              String.valueOf(c),
              c % 2 == 0 ? "FEMALE" : "MALE",
              String.valueOf(i % 17),
              null,
              "Synthetic Child " + i + "-" + c,
              null));
    }
    return new NotificationSubmission(
        null,
        base.laCode(),
        base.incidentDate(),
        base.awareDate(),
        base.notifiedDate(),
        base.notificationType(),
        base.deathCategory(),
        base.harmCategory(),
        base.imdDecile(),
        base.caseCharacteristics(),
        base.domesticAbusePattern(),
        base.cscInvolvement(),
        base.courtOrder(),
        base.livingArrangement(),
        base.covidFactors(),
        children);
  }

  /** Runs the tasks at once, each on a thread of its own; their results, or their exceptions. */
  static <T> List<Object> atOnce(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<Object> results = new ArrayList<>();
      for (Future<T> f : futures) {
        try {
          results.add(f.get(120, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          results.add(e.getCause());
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName(
      "32 notifications sent at once are stored in fewer transactions than 32, each with its own"
          + " children and its own audit entry, the audit chain whole")
  void storedTogether() throws Exception {
    long before = audit.verify().entries();
    long lastId = jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);
    List<Callable<String>> tasks = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      int n = i;
      tasks.add(() -> register.notify(numbered(n), null, "notifier-" + n).notification().ref());
    }
    List<Object> refs = atOnce(tasks);
    assertThat(refs).allMatch(String.class::isInstance);
    assertThat(new HashSet<>(refs)).hasSize(32);

    for (int i = 0; i < 32; i++) {
      String ref = (String) refs.get(i);
      Notification n = register.find(ref).orElseThrow();
      List<String> names = n.children().stream().map(Notification.Child::childName).toList();
      List<String> expected = new ArrayList<>();
      for (int c = 1; c <= i % 3 + 1; c++) {
        expected.add("Synthetic Child " + i + "-" + c);
      }
      assertThat(names).as(ref).containsExactlyElementsOf(expected);
      int age = i % 17;
      assertThat(n.children()).allMatch(c -> c.ageYears() == age);
      // Its audit entry: by its notifier, of this reference.
      assertThat(
              jdbc.queryForList(
                  "select actor from audit_entry where action = 'CREATED' and record_ref = ?"
                      + " and id > ?",
                  String.class,
                  ref,
                  lastId))
          .containsExactly("notifier-" + i);
    }
    Long transactions =
        jdbc.queryForObject("select count(distinct xmin::text) from notification", Long.class);
    assertThat(transactions).as("transactions for 32 notifications").isLessThan(32);
    AuditVerification after = audit.verify();
    assertThat(after.intact()).isTrue();
    assertThat(after.entries()).isGreaterThanOrEqualTo(before + 32);
  }

  @Test
  @DisplayName(
      "among notifications sent together, a retry of a used Idempotency-Key is answered as the"
          + " first time and a key reused for another notification is refused, while every other"
          + " is stored")
  void noneRefusedForAnothersFault() throws Exception {
    String first = register.notify(numbered(100), "key-used", "notifier").notification().ref();
    List<Callable<Object>> tasks = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      int n = i;
      tasks.add(() -> register.notify(numbered(n), "key-" + n, "notifier").notification().ref());
    }
    tasks.add(() -> register.notify(numbered(100), "key-used", "notifier"));
    tasks.add(() -> register.notify(numbered(101), "key-used", "notifier"));
    List<Object> results = atOnce(tasks);
    for (int i = 0; i < 12; i++) {
      assertThat(results.get(i)).as("notification " + i).isInstanceOf(String.class);
    }
    NotificationRegister.Notified retry = (NotificationRegister.Notified) results.get(12);
    assertThat(retry.replayed()).isTrue();
    assertThat(retry.notification().ref()).isEqualTo(first);
    assertThat(results.get(13)).isInstanceOf(IdempotencyKeyReusedException.class);
    assertThat(register.count()).isEqualTo(13);
    assertThat(audit.verify().intact()).isTrue();
  }

  @Test
  @DisplayName(
      "a notification made in the caller's own transaction is stored in it, not with others:"
          + " rolled back with it")
  void inTheCallersTransaction() {
    tx.executeWithoutResult(
        status -> {
          register.notify(numbered(1), null, "notifier");
          status.setRollbackOnly();
        });
    assertThat(register.count()).isZero();
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    status -> {
                      register.notify(numbered(2), null, "notifier");
                      throw new IllegalStateException("the caller's own failure");
                    }))
        .hasMessage("the caller's own failure");
    assertThat(register.count()).isZero();
  }
}
