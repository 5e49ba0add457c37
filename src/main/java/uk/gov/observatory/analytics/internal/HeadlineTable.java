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

  /** Notified more than this many working days after becoming aware is late. */
  static final int LATE_AFTER_WORKING_DAYS = 5;

  @Override
  public String id() {
    return "H";
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    boolean sharesChildren = q.sharing(ChildrenOfN.TABLES);
    // One pass over N: late notifications counted with the table working_day, where it has both
    // dates (late_uncounted: the notifications it cannot count, counted with the calendar below).
    Map<String, Object> row =
        q.jdbc()
            .queryForMap(
                "select coalesce(sum(x.notifications), 0) as notifications,"
                    + " coalesce(sum(x.death), 0) as death,"
                    + " coalesce(sum(x.serious_harm), 0) as serious_harm,"
                    + " coalesce(sum(x.other), 0) as other,"
                    + " count(*) as las,"
                    + " coalesce(sum(x.late), 0) as late,"
                    + " coalesce(sum(x.late_uncounted), 0) as late_uncounted,"
                    // the children: from the pass over C when T1 or A1 is asked for too
                    + (sharesChildren
                        ? " 0"
                        : " (select count(*) from child c where c.notification_id in (select id"
                            + " from "
                            + q.n()
                            + " y))")
                    + " as children"
                    // by authority (so that the authorities are counted by hashing, not sorting)
                    + " from (select n.la_code, count(*) as notifications,"
                    + " count(*) filter (where notification_type = 'DEATH') as death,"
                    + " count(*) filter (where notification_type = 'SERIOUS_HARM') as serious_harm,"
                    + " count(*) filter (where notification_type = 'OTHER') as other,"
                    + " count(*) filter (where wn.ordinal - wa.ordinal > "
                    + LATE_AFTER_WORKING_DAYS
                    + ") as late,"
                    + " count(*) filter (where wa.day is null or wn.day is null) as late_uncounted"
                    + " from "
                    + q.n()
                    + " n left join working_day wa on wa.day = n.aware_date"
                    + " left join working_day wn on wn.day = n.notified_date"
                    + " group by n.la_code) x",
                q.params());
    long late = ((Number) row.get("late")).longValue();
    if (((Number) row.get("late_uncounted")).longValue() > 0) {
      late = lateByCalendar(q);
    }
    return List.of(
        cell("NOTIFICATIONS", row.get("notifications")),
        cell("DEATH", row.get("death")),
        cell("SERIOUS_HARM", row.get("serious_harm")),
        cell("OTHER", row.get("other")),
        sharesChildren
            ? ReportQuery.count("H", "CHILDREN", "COUNT", ChildrenOfN.total(q))
            : cell("CHILDREN", row.get("children")),
        cell("LAS_NOTIFYING", row.get("las")),
        ReportQuery.count("H", "LATE_NOTIFICATIONS", "COUNT", late));
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

  private static Cell cell(String row, Object value) {
    return ReportQuery.count("H", row, "COUNT", ((Number) value).longValue());
  }
}
