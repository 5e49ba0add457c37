package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/**
 * D2, the rate of LCSPR decisions (rapid reviews received by as_at that decided on one) by kind of
 * incident: deaths by their category's group (code list death_category), and non-fatal.
 */
@Component
class LcsprRateTable implements ReportTable {

  static final List<String> ROWS =
      List.of("DEATH_MALTREATMENT_OR_EXTRA_FAMILIAL", "DEATH_RELATED", "DEATH_OTHER", "NON_FATAL");

  @Override
  public String id() {
    return "D2";
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    if (q.sharing(ReviewsOfN.TABLES)) {
      return shared(q);
    }
    return alone(q);
  }

  /** Alone in its report: its own query. */
  private List<Cell> alone(ReportQuery q) {
    Map<String, long[]> byKind = new HashMap<>();
    q.jdbc()
        .query(
            "select case when n.notification_type <> 'DEATH' then 'NON_FATAL'"
                + " when g.code_group in ('MALTREATMENT_FAMILY', 'EXTRA_FAMILIAL')"
                + " then 'DEATH_MALTREATMENT_OR_EXTRA_FAMILIAL'"
                + " when g.code_group = 'RELATED' then 'DEATH_RELATED'"
                + " else 'DEATH_OTHER' end as kind,"
                + " count(*) filter (where r.decision = 'LCSPR') as lcspr, count(*) as total"
                + " from "
                + q.n()
                + " n left join code_list_entry g on g.list = 'death_category'"
                + " and g.code = n.death_category"
                + " left join "
                + ReceivedReviews.RECEIVED
                + " r on r.notification_ref = n.notification_ref group by 1",
            q.params(),
            (RowCallbackHandler)
                rs -> byKind.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}));
    List<Cell> cells = new ArrayList<>();
    for (String row : ROWS) {
      long[] v = byKind.getOrDefault(row, new long[2]);
      cells.add(ReportQuery.count(id(), row, "LCSPR_COUNT", v[0]));
      cells.add(ReportQuery.count(id(), row, "TOTAL_COUNT", v[1]));
      cells.add(ReportQuery.percent(id(), row, "LCSPR_PERCENT", v[0], v[1]));
    }
    return cells;
  }

  /** With others of its pass in the report: from the pass. */
  private List<Cell> shared(ReportQuery q) {
    List<Cell> cells = new ArrayList<>();
    for (String row : ROWS) {
      long[] v = {ReviewsOfN.of(q, row, ReviewsOfN.LCSPR), ReviewsOfN.of(q, row, ReviewsOfN.TOTAL)};
      cells.add(ReportQuery.count(id(), row, "LCSPR_COUNT", v[0]));
      cells.add(ReportQuery.count(id(), row, "TOTAL_COUNT", v[1]));
      cells.add(ReportQuery.percent(id(), row, "LCSPR_PERCENT", v[0], v[1]));
    }
    return cells;
  }
}
