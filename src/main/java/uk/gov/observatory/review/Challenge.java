package uk.gov.observatory.review;

import java.time.Instant;
import java.util.List;

/**
 * The Panel's challenge to a rapid review: a request for more information, answered by the
 * partnership, kept as a thread of messages.
 */
public record Challenge(
    long id, Status status, String raisedBy, Instant raisedAt, List<Message> messages) {

  public Challenge {
    messages = List.copyOf(messages);
  }

  /** Who the thread is waiting for. */
  public enum Status {
    AWAITING_PARTNERSHIP,
    ANSWERED,
    CLOSED
  }

  /** One message of the thread. */
  public record Message(String author, Instant at, boolean fromPanel, String body) {}
}
