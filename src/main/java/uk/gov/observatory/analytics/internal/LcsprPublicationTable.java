package uk.gov.observatory.analytics.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
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
    // One pass: counted with the table working_day where it has every date needed (uncounted: the
    // published LCSPRs it cannot count, when all are counted again with the calendar).
    Map<String, Long> counts = new LinkedHashMap<>();
    STATUSES.forEach(s -> counts.put(s, 0L));
    long[] totals = new long[4];
    q.jdbc()
        .query(
            "select x.publication_status, count(*),"
                + " count(*) filter (where x.publication_status = 'PUBLISHED'"
                + " and wp.ordinal - wi.ordinal > "
                + OVER_WORKING_DAYS
                + "),"
                + " count(*) filter (where x.publication_status = 'PUBLISHED'"
                + " and (x.panel_notified_of_publication_date is null"
                + " or wp.ordinal - wn.ordinal < "
                + NOTICE_WORKING_DAYS
                + ")),"
                + " count(*) filter (where x.publication_status = 'PUBLISHED' and (wi.day is null"
                + " or wp.day is null or (x.panel_notified_of_publication_date is not null"
                + " and wn.day is null)))"
                + " from ("
                + SELECT
                + LcsprsInArea.condition(q)
                + ") x left join working_day wi on wi.day = x.initiated_date"
                + " left join working_day wn on wn.day = x.panel_notified_of_publication_date"
                + " left join working_day wp on wp.day = x.publication_date"
                + " group by 1",
            q.params(),
            (RowCallbackHandler)
                rs -> {
                  counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
                  totals[0] += rs.getLong(2);
                  totals[1] += rs.getLong(3);
                  totals[2] += rs.getLong(4);
                  totals[3] += rs.getLong(5);
                });
    if (totals[3] > 0) {
      return byCalendar(q);
    }
    List<Cell> cells = new java.util.ArrayList<>();
    counts.forEach((status, n) -> cells.add(ReportQuery.count(id(), status, "COUNT", n)));
    cells.add(ReportQuery.count(id(), "TOTAL", "COUNT", totals[0]));
    cells.add(ReportQuery.count(id(), "PUBLISHED_OVER_200_WD", "COUNT", totals[1]));
    cells.add(ReportQuery.count(id(), "PUBLISHED_SHORT_NOTICE", "COUNT", totals[2]));
    return cells;
  }

  /** The LCSPRs completed by as_at in the area, with their publication status as recorded. */
  private static final String SELECT =
      "select case when l.status in ('PUBLISHED', 'NOT_PUBLISHING') then l.status"
          + " else l.publication_intention end as publication_status,"
          + " l.initiated_date, l.panel_notified_of_publication_date, l.publication_date"
          + " from published_lcspr l where l.completed_date <= :as_at and ";

  /** Counted one by one with the calendar. */
  private List<Cell> byCalendar(ReportQuery q) {
    List<Row> rows =
        q.jdbc()
            .query(
                SELECT + LcsprsInArea.condition(q),
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
