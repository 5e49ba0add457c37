package uk.gov.observatory.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.notification.internal.NotificationRepository;

/**
 * Notifications sent at the same moment are stored together, in one transaction: group commit
 * (issue 19). A request checks its notification itself, then hands it here and waits; a writer
 * takes every notification waiting (at most {@value #MOST}) and stores them in four statements and
 * one commit (their references, the notifications with their children, their audit entries and
 * their Idempotency-Keys), then answers each. So a notification is acknowledged only once it is
 * committed, with its audit entry, exactly as when stored alone, and many sent at once cost the
 * database one transaction instead of one each.
 *
 * <p>If the transaction fails (one of them may be at fault: an Idempotency-Key already used, a
 * constraint the checks did not foresee, the database gone), none of them is stored and each
 * request stores its own notification alone, as before group commit, and gets its own answer: a
 * notification is never refused for another's fault. A number taken for a reference in the failed
 * transaction is not given again (a gap, as for any notification rolled back).
 */
@Component
class GroupCommit implements DisposableBean {

  /** At most this many notifications in one transaction. */
  static final int MOST = 64;

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  /**
   * A checked notification waiting to be stored; its answer is null when it must go alone, and an
   * exception when it is not known whether it was stored (its commit failed): as when stored alone,
   * the request fails and the client retries with its Idempotency-Key.
   */
  private record Waiting(
      Notification valid,
      String actor,
      String idempotencyKey,
      String requestHash,
      CompletableFuture<Notification> stored) {}

  private final LinkedBlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
  private final NotificationRepository repository;
  private final AuditLog audit;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean running = true;

  GroupCommit(
      NotificationRepository repository,
      AuditLog audit,
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      Clock clock,
      @Value("${observatory.intake.writers:2}") int writers) {
    this.repository = repository;
    this.audit = audit;
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
    if (writers < 1) {
      throw new IllegalStateException(
          "observatory.intake.writers must be 1 or more, not " + writers);
    }
    for (int i = 1; i <= writers; i++) {
      Thread writer = new Thread(this::write, "observatory-intake-" + i);
      writer.setDaemon(true);
      writer.start();
      this.writers.add(writer);
    }
  }

  /**
   * Stores a checked notification (with its reference to be given) together with the others sent
   * meanwhile, audited as done by {@code actor}, with its Idempotency-Key when it has one; the
   * notification as stored, or empty when it must be stored alone (nothing of it was).
   */
  Optional<Notification> store(
      Notification valid, String actor, String idempotencyKey, String requestHash) {
    if (!running) {
      return Optional.empty();
    }
    Waiting w = new Waiting(valid, actor, idempotencyKey, requestHash, new CompletableFuture<>());
    waiting.add(w);
    if (!running && waiting.remove(w)) {
      return Optional.empty(); // stopped meanwhile: no writer will take it
    }
    try {
      return Optional.ofNullable(w.stored().get());
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException("the notification's commit failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the notification was being stored", e);
    }
  }

  private void write() {
    while (running) {
      List<Waiting> batch = new ArrayList<>();
      try {
        Waiting first = waiting.poll(500, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        waiting.drainTo(batch, MOST - 1);
        boolean[] done = {false};
        List<Notification> stored;
        try {
          stored = storeTogether(batch, done);
        } catch (RuntimeException e) {
          if (done[0]) {
            // The statements ran and the commit failed: whether it committed is not known.
            batch.forEach(w -> w.stored().completeExceptionally(e));
            continue;
          }
          throw e;
        }
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).stored().complete(stored.get(i));
        }
      } catch (InterruptedException e) {
        batch.forEach(w -> w.stored().complete(null));
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        // None of them was stored (rolled back): each goes alone, and gets its own answer.
        if (batch.size() > 1) {
          log.debug("{} notifications sent together go one by one: {}", batch.size(), e.toString());
        }
        batch.forEach(w -> w.stored().complete(null));
      }
    }
  }

  private List<Notification> storeTogether(List<Waiting> batch, boolean[] done) {
    return tx.execute(
        status -> {
          List<String> refs =
              repository.takeRefs(
                  batch.stream().map(w -> w.valid().notifiedDate().getYear()).toList());
          List<Notification> stored = new ArrayList<>();
          List<AuditEvent> events = new ArrayList<>();
          List<Object[]> keys = new ArrayList<>();
          Timestamp at = Timestamp.from(Instant.now(clock));
          for (int i = 0; i < batch.size(); i++) {
            Waiting w = batch.get(i);
            Notification withRef = w.valid().withRef(refs.get(i));
            stored.add(withRef);
            events.add(NotificationRegister.created(w.actor(), withRef));
            if (w.idempotencyKey() != null) {
              keys.add(new Object[] {w.idempotencyKey(), w.requestHash(), withRef.ref(), at});
            }
          }
          repository.insertNew(stored, at.toInstant());
          audit.recordAll(events);
          if (!keys.isEmpty()) {
            // A key already used refuses the whole transaction; each then goes alone, where it
            // is answered as the first time or refused.
            StringBuilder sql = new StringBuilder(NotificationRegister.INSERT_IDEMPOTENCY_KEYS);
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
              sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?)");
              args.addAll(Arrays.asList(keys.get(i)));
            }
            jdbc.update(sql.toString(), args.toArray());
          }
          done[0] = true;
          return stored;
        });
  }

  @Override
  public void destroy() throws InterruptedException {
    running = false;
    for (Thread writer : writers) {
      writer.interrupt();
    }
    for (Thread writer : writers) {
      writer.join(5_000);
    }
    List<Waiting> left = new ArrayList<>();
    waiting.drainTo(left);
    left.forEach(w -> w.stored().complete(null));
  }
}
