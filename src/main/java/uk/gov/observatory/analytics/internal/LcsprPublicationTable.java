package uk.gov.observatory.analytics.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;
import uk.gov.observatory.calendar.WorkingDayCalendar;

/**
 * L2, LCSPR publication: the LCSPRs completed by as_at (any incident date) by their publication
 * status as recorded (the state once PUBLISHED or NOT_PUBLISHING, the partnership's intention until
 * then); of the published, those published more than 200 working days after initiation and those
 * published with less than 7 working days' notice to the Panel, or none recorded.
 */
@Component
class LcsprPublicationTable implements ReportTable {

  static final List<String> STATUSES =
      List.of("PUBLISHED", "INTENDS_TO_PUBLISH", "NOT_PUBLISHING", "NOT_DECIDED");

  /** Published later than this many working days after initiation counts as over. */
  static final int OVER_WORKING_DAYS = 200;

  /** The Panel is told at least this many working days before publication. */
  static final int NOTICE_WORKING_DAYS = 7;

  private record Row(
      String status, LocalDate initiated, LocalDate panelNotified, LocalDate published) {}

  @Override
  public String id() {
    return "L2";
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    List<Row> rows =
        q.jdbc()
            .query(
                "select case when l.status in ('PUBLISHED', 'NOT_PUBLISHING') then l.status"
                    + " else l.publication_intention end as publication_status,"
                    + " l.initiated_date, l.panel_notified_of_publication_date, l.publication_date"
                    + " from lcspr l where l.completed_date <= :as_at and "
                    + LcsprsInArea.condition(q),
                q.params(),
                (rs, i) ->
                    new Row(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class)));
    WorkingDayCalendar calendar = q.calendar();
    Map<String, Long> counts = new LinkedHashMap<>();
    STATUSES.forEach(s -> counts.put(s, 0L));
    long over = 0;
    long shortNotice = 0;
    for (Row r : rows) {
      counts.merge(r.status(), 1L, Long::sum);
      if (r.status().equals("PUBLISHED")) {
        if (calendar.workingDaysBetween(r.initiated(), r.published()) > OVER_WORKING_DAYS) {
          over++;
        }
        if (r.panelNotified() == null
            || calendar.workingDaysBetween(r.panelNotified(), r.published())
                < NOTICE_WORKING_DAYS) {
          shortNotice++;
        }
      }
    }
    List<Cell> cells = new java.util.ArrayList<>();
    counts.forEach((status, n) -> cells.add(ReportQuery.count(id(), status, "COUNT", n)));
    cells.add(ReportQuery.count(id(), "TOTAL", "COUNT", rows.size()));
    cells.add(ReportQuery.count(id(), "PUBLISHED_OVER_200_WD", "COUNT", over));
    cells.add(ReportQuery.count(id(), "PUBLISHED_SHORT_NOTICE", "COUNT", shortNotice));
    return cells;
  }
}
