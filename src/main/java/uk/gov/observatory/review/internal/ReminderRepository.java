package uk.gov.observatory.review.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the reminders read: notifications awaiting a rapid review, and partnership contacts. */
@Repository
public class ReminderRepository {

  /**
   * A notification whose rapid review had not been received by a date: its reference, authority and
   * notified date only (never anything about the child).
   */
  public record Awaiting(String notificationRef, String laCode, LocalDate notifiedDate) {}

  private final JdbcTemplate jdbc;

  public ReminderRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Notifications made from {@code from} to {@code asAt} (inclusive) whose rapid review had not
   * been received by {@code asAt} (none started, a draft, or received later), by reference.
   */
  public List<Awaiting> awaitingRapidReview(LocalDate from, LocalDate asAt) {
    return jdbc.query(
        "select n.notification_ref, n.la_code, n.notified_date from published_notification n"
            + " left join rapid_review r on r.notification_ref = n.notification_ref"
            + " where n.notified_date between ? and ?"
            + " and (r.received_date is null or r.received_date > ?)"
            + " order by n.notification_ref",
        (rs, i) -> new Awaiting(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)),
        from,
        asAt,
        asAt);
  }

  /** Every partnership's contact address, by partnership code. */
  public Map<String, String> contacts() {
    Map<String, String> contacts = new LinkedHashMap<>();
    jdbc.query(
        "select partnership_code, email from partnership_contact order by partnership_code",
        rs -> {
          contacts.put(rs.getString(1), rs.getString(2));
        });
    return contacts;
  }

  public Optional<String> contact(String partnershipCode) {
    return jdbc
        .queryForList(
            "select email from partnership_contact where partnership_code = ?",
            String.class,
            partnershipCode)
        .stream()
        .findFirst();
  }

  /** Sets a partnership's contact, replacing any. */
  public void setContact(String partnershipCode, String email) {
    jdbc.update(
        "insert into partnership_contact (partnership_code, email) values (?, ?)"
            + " on conflict (partnership_code) do update set email = excluded.email",
        partnershipCode,
        email);
  }

  /** True when there was one to remove. */
  public boolean removeContact(String partnershipCode) {
    return jdbc.update(
            "delete from partnership_contact where partnership_code = ?", partnershipCode)
        == 1;
  }
}
