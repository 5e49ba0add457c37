package uk.gov.observatory.review;

import java.time.Clock;
import org.springframework.stereotype.Service;
import uk.gov.observatory.review.internal.OutboxRepository;

/**
 * The outbox, for other modules' emails: an email queued here, in the caller's transaction, is sent
 * by {@link OutboxSender} (retried until sent). A key queues an email once: queuing it again does
 * nothing.
 */
@Service
public class Outbox {

  private final OutboxRepository outbox;
  private final Clock clock;

  public Outbox(OutboxRepository outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Queues an email unless one with this key was ever queued: true when queued. */
  public boolean queue(String dedupeKey, String recipient, String subject, String body) {
    return outbox.enqueue(dedupeKey, recipient, subject, body, clock.instant());
  }

  /**
   * As {@link #queue(String, String, String, String)}, for an email the recipient can stop in one
   * click: {@code unsubscribeUrl} (an https or http address that takes a POST) is sent as the
   * headers {@code List-Unsubscribe} and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}
   * (RFC 8058), so a mail program can offer its own "Unsubscribe" button.
   */
  public boolean queue(
      String dedupeKey, String recipient, String subject, String body, String unsubscribeUrl) {
    if (unsubscribeUrl == null || !unsubscribeUrl.matches("https?://[^\\s<>]+")) {
      throw new IllegalArgumentException("an unsubscribe address must be an http(s) URL");
    }
    return outbox.enqueue(dedupeKey, recipient, subject, body, clock.instant(), unsubscribeUrl);
  }
}
