package uk.gov.observatory.audit;

import java.util.Objects;

/**
 * Something to write to the audit log: who did what to which record. {@code before} and {@code
 * after} are JSON (see {@link AuditJson}) and must never hold a child's identifying details.
 *
 * @param actor who: a username once accounts exist; until then see {@link Actors}
 * @param recordType what kind of record, e.g. {@code notification}; null when none
 * @param recordRef the record's reference, e.g. {@code SIN-2020-00001}; null when none
 * @param before the record before a change (JSON), or null
 * @param after the record after a change (JSON), or null
 * @param details anything else worth keeping (JSON or plain text), or null
 */
public record AuditEvent(
    String actor,
    AuditAction action,
    String recordType,
    String recordRef,
    String before,
    String after,
    String details) {

  public AuditEvent {
    Objects.requireNonNull(action, "action");
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("an audit event needs an actor");
    }
  }

  /** An event about one record, without states or details. */
  public static AuditEvent of(
      String actor, AuditAction action, String recordType, String recordRef) {
    return new AuditEvent(actor, action, recordType, recordRef, null, null, null);
  }

  public AuditEvent withBefore(String json) {
    return new AuditEvent(actor, action, recordType, recordRef, json, after, details);
  }

  public AuditEvent withAfter(String json) {
    return new AuditEvent(actor, action, recordType, recordRef, before, json, details);
  }

  public AuditEvent withDetails(String text) {
    return new AuditEvent(actor, action, recordType, recordRef, before, after, text);
  }
}
