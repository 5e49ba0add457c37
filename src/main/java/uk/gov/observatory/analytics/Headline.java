package uk.gov.observatory.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * Table H of the report specification, the headline figures: for the notifications with an incident
 * date in the period (and the area asked for, within what the reader may see).
 *
 * @param notifications every notification (N)
 * @param deaths notifications of a child's death
 * @param seriousHarm notifications of serious harm
 * @param other notifications of another kind
 * @param children the children of those notifications
 * @param lasNotifying distinct local authorities among them
 * @param lateNotifications notified more than 5 working days after the authority became aware
 */
public record Headline(
    LocalDate from,
    LocalDate to,
    String laCode,
    long notifications,
    long deaths,
    long seriousHarm,
    long other,
    long children,
    long lasNotifying,
    long lateNotifications) {

  public static final String TABLE_ID = "H";

  /** The table's cells in the specification's row order (column COUNT). */
  public List<Cell> cells() {
    return List.of(
        count("NOTIFICATIONS", notifications),
        count("DEATH", deaths),
        count("SERIOUS_HARM", seriousHarm),
        count("OTHER", other),
        count("CHILDREN", children),
        count("LAS_NOTIFYING", lasNotifying),
        count("LATE_NOTIFICATIONS", lateNotifications));
  }

  private static Cell count(String row, long value) {
    return new Cell(TABLE_ID, row, "COUNT", Long.toString(value));
  }
}
