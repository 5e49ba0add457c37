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
}
