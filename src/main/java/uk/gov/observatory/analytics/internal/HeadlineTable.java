package uk.gov.observatory.analytics.internal;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/**
 * H, the headline: notifications in N by type, their children, the authorities notifying, and the
 * notifications made more than 5 working days after the authority became aware.
 */
@Component
class HeadlineTable implements ReportTable {

  /**
   * Notified more than this many working days after becoming aware is late (as the read model's
   * late flag, migration V11, and the count by calendar here).
   */
  static final int LATE_AFTER_WORKING_DAYS = 5;

  @Override
  public String id() {
    return "H";
  }

  /** Late notifications: the read model's late flag; unknown where working_day lacks a day. */
  static Map<String, String> counts(Codes codes) {
    return Map.of("H:LATE", "n.late", "H:LATE_UNKNOWN", "n.late is null");
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    CaseCounts n = CaseCounts.of(q);
    long late = n.count("H:LATE");
    if (n.count("H:LATE_UNKNOWN") > 0) {
      late = lateByCalendar(q);
    }
    return List.of(
        cell("NOTIFICATIONS", n.notifications()),
        cell("DEATH", n.notifications("DEATH")),
        cell("SERIOUS_HARM", n.notifications("SERIOUS_HARM")),
        cell("OTHER", n.notifications("OTHER")),
        cell("CHILDREN", ChildrenOfN.total(q)),
        cell("LAS_NOTIFYING", n.byAuthority().size()),
        cell("LATE_NOTIFICATIONS", late));
  }

  /** Late notifications counted one by one with the calendar. */
  private static long lateByCalendar(ReportQuery q) {
    List<Object[]> dates =
        q.jdbc()
            .query(
                "select aware_date, notified_date from " + q.n() + " n",
                q.params(),
                (rs, i) ->
                    new Object[] {
                      rs.getObject(1, java.time.LocalDate.class),
                      rs.getObject(2, java.time.LocalDate.class)
                    });
    return dates.stream()
        .filter(
            d ->
                q.calendar()
                        .workingDaysBetween((java.time.LocalDate) d[0], (java.time.LocalDate) d[1])
                    > LATE_AFTER_WORKING_DAYS)
        .count();
  }

  private static Cell cell(String row, long value) {
    return ReportQuery.count("H", row, "COUNT", value);
  }
}
