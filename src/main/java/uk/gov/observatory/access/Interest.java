package uk.gov.observatory.access;

import java.time.LocalDate;

/**
 * A Panel member's declared interest in a local authority: it withdraws them from that authority's
 * cases whose incident date falls from {@code from} to {@code to} (null: open-ended).
 */
public record Interest(long id, String laCode, LocalDate from, LocalDate to, String reason) {

  /** Whether a case of this authority and incident date is one the member is withdrawn from. */
  public boolean covers(String caseLaCode, LocalDate incidentDate) {
    return laCode.equals(caseLaCode)
        && incidentDate != null
        && !incidentDate.isBefore(from)
        && (to == null || !incidentDate.isAfter(to));
  }
}
