package uk.gov.observatory.notification;

/** An Idempotency-Key was sent again with a different notification. */
public class IdempotencyKeyReusedException extends RuntimeException {
  public IdempotencyKeyReusedException(String key) {
    super(
        "The Idempotency-Key was already used for a different notification: use a new key for a new"
            + " notification");
  }
}
