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

  @Override
  public String id() {
    return "H";
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    Map<String, Object> row =
        q.jdbc()
            .queryForMap(
                "select count(*) as notifications,"
                    + " count(*) filter (where notification_type = 'DEATH') as death,"
                    + " count(*) filter (where notification_type = 'SERIOUS_HARM') as serious_harm,"
                    + " count(*) filter (where notification_type = 'OTHER') as other,"
                    + " count(distinct la_code) as las,"
                    + " (select count(*) from child c where c.notification_id in"
                    + " (select id from "
                    + q.n()
                    + " x)) as children"
                    + " from "
                    + q.n()
                    + " n",
                q.params());
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
    long late =
        dates.stream()
            .filter(
                d ->
                    q.calendar()
                            .workingDaysBetween(
                                (java.time.LocalDate) d[0], (java.time.LocalDate) d[1])
                        > 5)
            .count();
    return List.of(
        cell("NOTIFICATIONS", row.get("notifications")),
        cell("DEATH", row.get("death")),
        cell("SERIOUS_HARM", row.get("serious_harm")),
        cell("OTHER", row.get("other")),
        cell("CHILDREN", row.get("children")),
        cell("LAS_NOTIFYING", row.get("las")),
        ReportQuery.count("H", "LATE_NOTIFICATIONS", "COUNT", late));
  }

  private static Cell cell(String row, Object value) {
    return ReportQuery.count("H", row, "COUNT", ((Number) value).longValue());
  }
}
