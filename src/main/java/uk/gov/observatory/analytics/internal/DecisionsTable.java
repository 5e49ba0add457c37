package uk.gov.observatory.analytics.internal;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/**
 * D1, the decisions of the rapid reviews of N: UNDECIDED includes the notifications with no rapid
 * review received by as_at. Percent of N.
 */
@Component
class DecisionsTable implements ReportTable {

  @Override
  public String id() {
    return "D1";
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
    Map<String, Object> row =
        q.jdbc()
            .queryForMap(
                "select count(*) as total,"
                    + " count(*) filter (where r.decision = 'LCSPR') as lcspr,"
                    + " count(*) filter (where r.decision = 'NO_LCSPR') as no_lcspr"
                    + " from "
                    + q.n()
                    + " n left join "
                    + ReceivedReviews.RECEIVED
                    + " r on r.notification_ref = n.notification_ref",
                q.params());
    long total = ((Number) row.get("total")).longValue();
    long lcspr = ((Number) row.get("lcspr")).longValue();
    long noLcspr = ((Number) row.get("no_lcspr")).longValue();
    long undecided = total - lcspr - noLcspr;
    return List.of(
        ReportQuery.count(id(), "LCSPR", "COUNT", lcspr),
        ReportQuery.percent(id(), "LCSPR", "PERCENT", lcspr, total),
        ReportQuery.count(id(), "NO_LCSPR", "COUNT", noLcspr),
        ReportQuery.percent(id(), "NO_LCSPR", "PERCENT", noLcspr, total),
        ReportQuery.count(id(), "UNDECIDED", "COUNT", undecided),
        ReportQuery.percent(id(), "UNDECIDED", "PERCENT", undecided, total),
        ReportQuery.count(id(), "TOTAL", "COUNT", total),
        ReportQuery.percent(id(), "TOTAL", "PERCENT", total, total));
  }

  /** With others of its pass in the report: from the pass. */
  private List<Cell> shared(ReportQuery q) {
    long total = ReviewsOfN.total(q, ReviewsOfN.TOTAL);
    long lcspr = ReviewsOfN.total(q, ReviewsOfN.LCSPR);
    long noLcspr = ReviewsOfN.total(q, ReviewsOfN.NO_LCSPR);
    long undecided = total - lcspr - noLcspr;
    return List.of(
        ReportQuery.count(id(), "LCSPR", "COUNT", lcspr),
        ReportQuery.percent(id(), "LCSPR", "PERCENT", lcspr, total),
        ReportQuery.count(id(), "NO_LCSPR", "COUNT", noLcspr),
        ReportQuery.percent(id(), "NO_LCSPR", "PERCENT", noLcspr, total),
        ReportQuery.count(id(), "UNDECIDED", "COUNT", undecided),
        ReportQuery.percent(id(), "UNDECIDED", "PERCENT", undecided, total),
        ReportQuery.count(id(), "TOTAL", "COUNT", total),
        ReportQuery.percent(id(), "TOTAL", "PERCENT", total, total));
  }
}
