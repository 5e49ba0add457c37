package uk.gov.observatory.review;

import java.time.LocalDate;

/**
 * A rapid review's clock as at a date, computed when asked (never stored): when it is due (the 15th
 * working day after notification, or the target of a timeliness policy period covering the notified
 * date), how many working days it took or has taken so far, and whether it is on time, due soon or
 * overdue.
 *
 * @param policyPeriod the name of the timeliness policy period covering the notification, or null
 * @param workingDaysElapsed working days from notification to receipt, or to {@code asAt} when not
 *     yet received
 * @param workingDaysLeft working days from {@code asAt} to the due date (0 when due or past)
 */
public record RapidReviewClock(
    LocalDate notifiedDate,
    LocalDate dueDate,
    int targetWorkingDays,
    String policyPeriod,
    boolean authorisedExtension,
    LocalDate receivedDate,
    LocalDate asAt,
    int workingDaysElapsed,
    int workingDaysLeft) {

  public boolean received() {
    return receivedDate != null && !receivedDate.isAfter(asAt);
  }

  /** Received no later than its due date. */
  public boolean onTime() {
    return received() && !receivedDate.isAfter(dueDate);
  }

  /** Not received, and {@code asAt} is after the due date. */
  public boolean overdue() {
    return !received() && asAt.isAfter(dueDate);
  }

  /** Not received, not overdue, and due within {@code workingDays} working days of asAt. */
  public boolean dueWithin(int workingDays) {
    return !received() && !overdue() && workingDaysLeft <= workingDays;
  }
}
