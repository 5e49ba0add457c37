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
  REPORTED,
  /**
   * A request was refused: a record not found or out of reach (404), a forbidden action (403), a
   * missing or wrong CSRF token, or a session cookie the server does not know (expired or forged).
   */
  ACCESS_REFUSED
}
