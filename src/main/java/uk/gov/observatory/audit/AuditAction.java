package uk.gov.observatory.audit;

/** What an audit entry records. Stored by name: add new values, never rename one. */
public enum AuditAction {
  SIGN_IN_SUCCEEDED,
  SIGN_IN_FAILED,
  /** A case page or API record was read. */
  VIEWED,
  /** A child's identifying details (name, date of birth) were shown or handed out. */
  IDENTIFYING_DETAILS_SHOWN,
  CREATED,
  UPDATED,
  DELETED,
  IMPORTED,
  EXPORTED,
  REPORTED
}
