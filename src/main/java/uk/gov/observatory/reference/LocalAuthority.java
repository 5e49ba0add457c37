package uk.gov.observatory.reference;

import java.time.LocalDate;

/**
 * An upper-tier local authority in England, with the dates it was in operation (the termination
 * date is its last day).
 */
public record LocalAuthority(
    String code,
    String name,
    LocalDate operationDate,
    LocalDate terminationDate,
    String regionCode,
    String oldCode) {

  public boolean inOperationOn(LocalDate day) {
    return !day.isBefore(operationDate)
        && (terminationDate == null || !day.isAfter(terminationDate));
  }
}
