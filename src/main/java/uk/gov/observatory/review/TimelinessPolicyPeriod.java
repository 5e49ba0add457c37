package uk.gov.observatory.review;

import java.time.LocalDate;

/**
 * A named range of notified dates with its own rapid review target in working days, such as the
 * COVID-19 authorised extension (DATA-STANDARD section 1). Data the secretariat edits, not code.
 */
public record TimelinessPolicyPeriod(
    long id,
    String name,
    LocalDate notifiedFrom,
    LocalDate notifiedTo,
    int targetWorkingDays,
    boolean authorisedExtension) {

  public boolean covers(LocalDate notified) {
    return !notified.isBefore(notifiedFrom) && !notified.isAfter(notifiedTo);
  }
}
