package uk.gov.observatory.audit;

import java.time.Instant;

/** One stored entry of the audit log, as the database holds it. */
public record AuditEntry(
    long id,
    Instant recordedAt,
    String actor,
    String action,
    String recordType,
    String recordRef,
    String before,
    String after,
    String details,
    String previousHash,
    String entryHash) {

  /** For messages: {@code 2026-11-26T12:00:00Z, VIEWED SIN-2020-00001}. */
  public String summary() {
    return recordedAt + ", " + action + (recordRef == null ? "" : " " + recordRef);
  }
}
