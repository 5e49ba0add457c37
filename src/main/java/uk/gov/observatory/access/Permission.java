package uk.gov.observatory.access;

/** One thing a person may do; a {@link Role} is a named set of them. */
public enum Permission {
  /** Send a notification for one's own local authorities. */
  NOTIFY,
  /** Amend a notification of one's own local authorities. */
  AMEND_NOTIFICATION,
  /** Read notifications (within the role's scope). */
  READ_NOTIFICATIONS,
  /** See children's names and dates of birth (within the role's scope). */
  READ_IDENTIFYING_DETAILS,
  /** Write, submit and amend the rapid reviews and local reviews of one's own authorities. */
  SUBMIT_REVIEWS,
  /** Read cases: rapid reviews, local reviews and their progress. */
  READ_CASES,
  /**
   * Read local child safeguarding practice reviews and their published reports, without the rest of
   * the case (rapid reviews, the Panel's views): what an inspector reads. READ_CASES includes it.
   */
  READ_LCSPRS,
  /** Record and change everything about cases. */
  MANAGE_CASES,
  /** Record the Panel's view on a case. */
  RECORD_PANEL_VIEW,
  /** Import notifications in bulk. */
  IMPORT,
  /** Export notifications in bulk. */
  EXPORT,
  /** Analytics and statistics across the register. */
  ANALYTICS,
  /** Change reference data (local authorities, code lists). */
  MANAGE_REFERENCE_DATA,
  /** Search the audit log and see who has viewed each case. */
  READ_AUDIT,
  /** Add, list and disable accounts; issue and revoke API tokens. */
  MANAGE_ACCOUNTS,
  /** Draft, edit and publish editions of the Panel's report (the public statistics). */
  PUBLISH_STATISTICS,
  /**
   * Lead thematic analyses: create and scope them, draw samples, assign coders, resolve
   * disagreements, publish results; pick and approve learning excerpts; publish the quarterly
   * learning briefing.
   */
  LEAD_ANALYSES,
  /** Code the cases of a thematic analysis one is assigned (beside the reviews' text). */
  CODE_CASES,
  /**
   * Manage the learning library: add any document, edit its details, publish it, override the
   * identifying-details check with a reason, withdraw it. (A partnership manages its own LCSPRs'
   * reports with SUBMIT_REVIEWS.)
   */
  MANAGE_LIBRARY
}
