package uk.gov.observatory.library;

import java.time.YearMonth;
import org.springframework.stereotype.Service;

/**
 * The monthly email of new publications: double opt-in (a confirmation link first), one-click
 * unsubscribe (a link, and the List-Unsubscribe-Post header), sent through the outbox once a month
 * whatever the number of instances.
 *
 * <p>SHAPE (issue 18): helper C fills every method in; signatures stay.
 */
@Service
public class LibrarySubscriptions {

  /** Asks for the email: queues the confirmation email (nothing is said of whether one exists). */
  public void subscribe(String email) {
    throw new UnsupportedOperationException("issue 18: LibrarySubscriptions.subscribe");
  }

  /** Follows the confirmation link's token: true when it confirmed a subscription. */
  public boolean confirm(String token) {
    throw new UnsupportedOperationException("issue 18: LibrarySubscriptions.confirm");
  }

  /** Follows the unsubscribe link's token: true when it ended a subscription. */
  public boolean unsubscribe(String token) {
    throw new UnsupportedOperationException("issue 18: LibrarySubscriptions.unsubscribe");
  }

  /** Queues the month's email to every confirmed subscriber, once: how many were queued. */
  public int sendMonthly(YearMonth month) {
    throw new UnsupportedOperationException("issue 18: LibrarySubscriptions.sendMonthly");
  }
}
