package uk.gov.observatory.review.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The email outbox (table {@code outbox_email}). Writes join the caller's transaction; {@link
 * #claimNext} must be called inside one, which then holds the claimed row until it commits.
 */
@Repository
public class OutboxRepository {

  /** An email waiting to be sent. */
  public record Email(
      long id,
      String dedupeKey,
      String recipient,
      String subject,
      String body,
      int attempts,
      Instant createdAt,
      Attachment attachment,
      String listUnsubscribe) {

    /** As before issue 18: an email without an unsubscribe address. */
    public Email(
        long id,
        String dedupeKey,
        String recipient,
        String subject,
        String body,
        int attempts,
        Instant createdAt,
        Attachment attachment) {
      this(id, dedupeKey, recipient, subject, body, attempts, createdAt, attachment, null);
    }
  }

  /** A file sent with an email: its name, media type and bytes. */
  public record Attachment(String name, String type, byte[] content) {}

  private final JdbcTemplate jdbc;

  public OutboxRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Adds an email unless one with the same key was ever added (sent or not): true when added. Two
   * callers racing with one key both succeed, and exactly one row is stored.
   */
  public boolean enqueue(
      String dedupeKey, String recipient, String subject, String body, Instant at) {
    return jdbc.update(
            "insert into outbox_email (dedupe_key, recipient, subject, body, created_at)"
                + " values (?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing",
            dedupeKey,
            recipient,
            subject,
            body,
            Timestamp.from(at))
        == 1;
  }

  /** As {@link #enqueue(String, String, String, String, Instant)}, with a file attached. */
  public boolean enqueue(
      String dedupeKey,
      String recipient,
      String subject,
      String body,
      Instant at,
      Attachment attachment) {
    return jdbc.update(
            "insert into outbox_email (dedupe_key, recipient, subject, body, created_at,"
                + " attachment_name, attachment_type, attachment)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing",
            dedupeKey,
            recipient,
            subject,
            body,
            Timestamp.from(at),
            attachment.name(),
            attachment.type(),
            attachment.content())
        == 1;
  }

  /**
   * As {@link #enqueue(String, String, String, String, Instant)}, with the address that
   * unsubscribes the recipient in one click (sent as the List-Unsubscribe header, RFC 8058).
   */
  public boolean enqueue(
      String dedupeKey,
      String recipient,
      String subject,
      String body,
      Instant at,
      String listUnsubscribe) {
    return jdbc.update(
            "insert into outbox_email (dedupe_key, recipient, subject, body, created_at,"
                + " list_unsubscribe) values (?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing",
            dedupeKey,
            recipient,
            subject,
            body,
            Timestamp.from(at),
            listUnsubscribe)
        == 1;
  }

  /**
   * Locks the oldest unsent email that is due to be tried at {@code now} and has had fewer than
   * {@code maxAttempts} attempts. Rows another transaction has locked are skipped (that instance is
   * sending them), so two senders never hold the same email.
   */
  public Optional<Email> claimNext(Instant now, int maxAttempts) {
    return jdbc
        .query(
            "select id, dedupe_key, recipient, subject, body, attempts, created_at,"
                + " attachment_name, attachment_type, attachment, list_unsubscribe from outbox_email"
                + " where sent_at is null and attempts < ?"
                + " and (next_attempt_at is null or next_attempt_at <= ?)"
                + " order by id limit 1 for update skip locked",
            (rs, i) ->
                new Email(
                    rs.getLong("id"),
                    rs.getString("dedupe_key"),
                    rs.getString("recipient"),
                    rs.getString("subject"),
                    rs.getString("body"),
                    rs.getInt("attempts"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getString("attachment_name") == null
                        ? null
                        : new Attachment(
                            rs.getString("attachment_name"),
                            rs.getString("attachment_type"),
                            rs.getBytes("attachment")),
                    rs.getString("list_unsubscribe")),
            maxAttempts,
            Timestamp.from(now))
        .stream()
        .findFirst();
  }

  public void markSent(long id, Instant at) {
    jdbc.update(
        "update outbox_email set sent_at = ?, attempts = attempts + 1, last_error = null"
            + " where id = ?",
        Timestamp.from(at),
        id);
  }

  /** Records a failed attempt and when to try again. */
  public void markFailed(long id, String error, Instant nextAttempt) {
    jdbc.update(
        "update outbox_email set attempts = attempts + 1, last_error = ?, next_attempt_at = ?"
            + " where id = ?",
        error,
        Timestamp.from(nextAttempt),
        id);
  }

  /** Emails not sent and still to be tried (fewer than {@code maxAttempts} attempts). */
  public int waiting(int maxAttempts) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from outbox_email where sent_at is null and attempts < ?",
            Integer.class,
            maxAttempts);
    return n == null ? 0 : n;
  }
}
