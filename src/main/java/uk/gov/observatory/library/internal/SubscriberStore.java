package uk.gov.observatory.library.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The monthly email's subscribers (table {@code library_subscriber}) and its mailings ({@code
 * library_mailing}): writes join the caller's transaction. A subscriber's links carry a secret
 * token; only its SHA-256 (hex) is stored, so the table alone unsubscribes nobody.
 */
@Repository
public class SubscriberStore {

  /** A subscriber as stored (the address only to send to: never logged, listed or audited). */
  public record Subscriber(long id, String email, String status) {}

  /** A published document as the monthly email lists it. */
  public record MonthDocument(
      long id, String type, String title, LocalDate publishedOn, String laCode) {}

  private final JdbcTemplate jdbc;

  public SubscriberStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The subscriber with this address (whatever its case), locked until the transaction ends. */
  public Optional<Subscriber> lockByEmail(String email) {
    return jdbc
        .query(
            "select id, email, status from library_subscriber where lower(email) = lower(?)"
                + " for update",
            (rs, i) -> new Subscriber(rs.getLong(1), rs.getString(2), rs.getString(3)),
            email)
        .stream()
        .findFirst();
  }

  /** Adds a PENDING subscriber unless the address is there already: its id, or empty. */
  public Optional<Long> insertPending(String email, String tokenSha256, Instant at) {
    Optional<Long> id =
        jdbc
            .query(
                "insert into library_subscriber (email, status, token_sha256, created_at)"
                    + " values (?, 'PENDING', ?, ?) on conflict do nothing returning id",
                (rs, i) -> rs.getLong(1),
                email,
                tokenSha256,
                Timestamp.from(at))
            .stream()
            .findFirst();
    id.ifPresent(subscriber -> keepToken(subscriber, tokenSha256, at));
    return id;
  }

  /**
   * Gives the subscriber a new token (the one in the newest email to them); the ones in earlier
   * emails keep working.
   */
  public void setToken(long id, String tokenSha256, Instant at) {
    jdbc.update("update library_subscriber set token_sha256 = ? where id = ?", tokenSha256, id);
    keepToken(id, tokenSha256, at);
  }

  private void keepToken(long id, String tokenSha256, Instant at) {
    jdbc.update(
        "insert into library_subscriber_token (token_sha256, subscriber_id, issued_at)"
            + " values (?, ?, ?)",
        tokenSha256,
        id,
        Timestamp.from(at));
  }

  /** An unsubscribed address asks again: PENDING until it confirms again. */
  public void resubscribe(long id) {
    jdbc.update(
        "update library_subscriber set status = 'PENDING', confirmed_at = null,"
            + " unsubscribed_at = null where id = ? and status = 'UNSUBSCRIBED'",
        id);
  }

  /**
   * The subscriber to whom an email with this token was sent (any of them, not only the newest),
   * locked until the transaction ends.
   */
  public Optional<Subscriber> lockByToken(String tokenSha256) {
    return jdbc
        .query(
            "select s.id, s.email, s.status from library_subscriber s"
                + " join library_subscriber_token t on t.subscriber_id = s.id"
                + " where t.token_sha256 = ? for update of s",
            (rs, i) -> new Subscriber(rs.getLong(1), rs.getString(2), rs.getString(3)),
            tokenSha256)
        .stream()
        .findFirst();
  }

  public void confirm(long id, Instant at) {
    jdbc.update(
        "update library_subscriber set status = 'CONFIRMED', confirmed_at = ? where id = ?"
            + " and status = 'PENDING'",
        Timestamp.from(at),
        id);
  }

  public void unsubscribe(long id, Instant at) {
    jdbc.update(
        "update library_subscriber set status = 'UNSUBSCRIBED', unsubscribed_at = ? where id = ?"
            + " and status <> 'UNSUBSCRIBED'",
        Timestamp.from(at),
        id);
  }

  /** Every confirmed subscriber, oldest first, locked until the transaction ends. */
  public List<Subscriber> lockConfirmed() {
    return jdbc.query(
        "select id, email, status from library_subscriber where status = 'CONFIRMED'"
            + " order by id for update",
        (rs, i) -> new Subscriber(rs.getLong(1), rs.getString(2), rs.getString(3)));
  }

  /**
   * Claims the month's mailing (its first day): true for the one caller that inserted it, false
   * when it was claimed before (by this or another instance).
   */
  public boolean claimMonth(LocalDate firstDay, int documents, Instant at) {
    return jdbc.update(
            "insert into library_mailing (month, sent_at, documents, recipients)"
                + " values (?, ?, ?, 0) on conflict (month) do nothing",
            firstDay,
            Timestamp.from(at),
            documents)
        == 1;
  }

  public void recordRecipients(LocalDate firstDay, int recipients) {
    jdbc.update("update library_mailing set recipients = ? where month = ?", recipients, firstDay);
  }

  /**
   * The documents made public in {@code [from, to)}, oldest first: read through {@link
   * PublicReads}, so only documents published now are listed (one withdrawn since is not).
   */
  public static List<MonthDocument> publishedBetween(PublicReads reads, Instant from, Instant to) {
    return reads.read(
        jdbc ->
            jdbc.query(
                "select id, doc_type, title, published_on, la_code from library_public_document"
                    + " where published_at >= ? and published_at < ?"
                    + " order by published_at, id",
                (rs, i) ->
                    new MonthDocument(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5)),
                Timestamp.from(from),
                Timestamp.from(to)));
  }
}
