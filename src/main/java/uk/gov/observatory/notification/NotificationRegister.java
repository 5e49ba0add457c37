package uk.gov.observatory.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.observatory.calendar.StatutoryDeadlines;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.notification.internal.NotificationRepository;

/**
 * The register of serious incident notifications: every read and write of a notification, from the
 * pages, the API and the command line, goes through here (so access rules have one place to live).
 */
@Service
public class NotificationRegister {

  private final NotificationRules rules;
  private final NotificationRepository repository;
  private final StatutoryDeadlines deadlines;
  private final WorkingDayCalendar calendar;
  private final TransactionTemplate tx;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  public NotificationRegister(
      NotificationRules rules,
      NotificationRepository repository,
      StatutoryDeadlines deadlines,
      WorkingDayCalendar calendar,
      TransactionTemplate tx,
      JdbcTemplate jdbc,
      Clock clock) {
    this.rules = rules;
    this.repository = repository;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.tx = tx;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What a notify call did: the notification, and whether it was a retry of an earlier call. */
  public record Notified(Notification notification, boolean replayed) {}

  /**
   * Records a new notification and gives it its reference. Throws {@link
   * InvalidNotificationException} with every broken rule, storing nothing.
   */
  public Notification notify(NotificationSubmission submission) {
    Notification valid = checkNew(submission);
    return tx.execute(status -> store(valid));
  }

  /**
   * As {@link #notify(NotificationSubmission)}, but a repeated idempotency key returns the first
   * result and stores nothing new. The same key with a different notification is refused.
   */
  public Notified notify(NotificationSubmission submission, String idempotencyKey) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      return new Notified(notify(submission), false);
    }
    if (idempotencyKey.length() > 200) {
      throw new InvalidNotificationException(
          List.of(Violation.of("Idempotency-Key", null, "is longer than 200 characters")));
    }
    Notification valid = checkNew(submission);
    // The hash of the checked notification, so spacing differences count as the same request.
    String hash = hash(valid);
    Optional<Notified> earlier = replay(idempotencyKey, hash);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    try {
      return tx.execute(
          status -> {
            Notification stored = store(valid);
            jdbc.update(
                "insert into idempotency_key (idempotency_key, request_hash, notification_ref,"
                    + " recorded_at) values (?, ?, ?, ?)",
                idempotencyKey,
                hash,
                stored.ref(),
                java.sql.Timestamp.from(Instant.now(clock)));
            return new Notified(stored, false);
          });
    } catch (DuplicateKeyException raced) {
      // Another request with the same key committed first: answer as it did.
      return replay(idempotencyKey, hash).orElseThrow(() -> raced);
    }
  }

  private Notification checkNew(NotificationSubmission submission) {
    if (NotificationRules.trim(submission.notificationRef()) != null) {
      throw new InvalidNotificationException(
          List.of(
              Violation.of(
                  "notification_ref",
                  submission.notificationRef(),
                  "is assigned by the register: leave it out")));
    }
    return rules.check(submission, false).orThrow();
  }

  /** The first answer to a key; a key's row goes with its notification (foreign key cascade). */
  private Optional<Notified> replay(String key, String hash) {
    List<String[]> rows =
        jdbc.query(
            "select request_hash, notification_ref from idempotency_key where idempotency_key = ?",
            (rs, i) -> new String[] {rs.getString(1), rs.getString(2)},
            key);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    if (!rows.get(0)[0].equals(hash)) {
      throw new IdempotencyKeyReusedException(key);
    }
    return repository.findByRef(rows.get(0)[1]).map(n -> new Notified(n, true));
  }

  private Notification store(Notification valid) {
    int year = valid.notifiedDate().getYear();
    String ref;
    do {
      ref = String.format("SIN-%d-%05d", year, repository.nextRefNumber(year));
    } while (repository.exists(ref));
    Notification withRef = valid.withRef(ref);
    repository.insert(List.of(withRef), Instant.now(clock));
    return withRef;
  }

  public Optional<Notification> find(String ref) {
    if (ref == null || !NotificationRules.REF.matcher(ref).matches()) {
      return Optional.empty();
    }
    return repository.findByRef(ref);
  }

  public NotificationPage search(NotificationQuery query) {
    return new NotificationPage(
        repository.search(query), repository.count(query), query.page(), query.size());
  }

  public Timeliness timeliness(Notification n) {
    return new Timeliness(
        calendar.workingDaysBetween(n.awareDate(), n.notifiedDate()),
        deadlines.isLateNotification(n.awareDate(), n.notifiedDate()),
        deadlines.rapidReviewDueDate(n.notifiedDate()));
  }

  /**
   * Stores already-checked notifications in one transaction: all or none. Without {@code replace} a
   * reference the register already holds is refused; with it, the held one is replaced.
   *
   * @return the references that were already held (refused, or replaced with {@code replace})
   */
  public List<String> importAll(
      List<Notification> notifications, boolean replace, ImportProgress progress) {
    return tx.execute(
        status -> {
          List<String> refs = notifications.stream().map(Notification::ref).toList();
          List<String> existing = repository.existingRefs(refs);
          if (!existing.isEmpty() && !replace) {
            status.setRollbackOnly();
            return existing;
          }
          repository.deleteByRefs(existing);
          Instant now = Instant.now(clock);
          for (int i = 0; i < notifications.size(); i += 500) {
            List<Notification> chunk =
                notifications.subList(i, Math.min(notifications.size(), i + 500));
            repository.insert(chunk, now);
            chunk.forEach(n -> progress.step());
          }
          return existing;
        });
  }

  /** Which of these references the register already holds. */
  public List<String> existingRefs(List<String> refs) {
    return repository.existingRefs(refs);
  }

  public long count() {
    return repository.countAll();
  }

  /** Every notification in reference order (for export). */
  public void forEachNotification(Consumer<Notification> each) {
    repository.forEachOrderedByRef(500, each);
  }

  /**
   * Seals every identifying detail not under the current key again under it, in one transaction;
   * returns how many values were sealed again (for {@code keys rotate}).
   */
  public int resealIdentifyingDetails() {
    Integer n = tx.execute(status -> repository.resealIdentifyingDetails());
    return n == null ? 0 : n;
  }

  /** A digest of every field, identifying details included (toString withholds them). */
  private static String hash(Notification n) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(n.toString().getBytes(StandardCharsets.UTF_8));
      for (Notification.Child c : n.children()) {
        sha.update(
            ("|" + c.childSeq() + "|" + c.childName() + "|" + c.dateOfBirth())
                .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
