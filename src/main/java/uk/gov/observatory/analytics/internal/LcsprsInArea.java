package uk.gov.observatory.analytics.internal;

/**
 * The LCSPRs a report counts: of any incident date, but only those whose notifications are all in
 * the area asked for and within the reader's reach.
 */
final class LcsprsInArea {

  private LcsprsInArea() {}

  /** A condition on an LCSPR aliased {@code l}: every notification it covers is in q's area. */
  static String condition(ReportQuery q) {
    if (q.unrestricted()) {
      // Every notification is in the area (and every LCSPR's notifications are in the register).
      return "true";
    }
    return "not exists (select 1 from published_lcspr_notification ln where ln.lcspr_id = l.id"
        + " and not exists (select 1 from "
        + q.area()
        + " a where a.notification_ref = ln.notification_ref))";
  }
}
