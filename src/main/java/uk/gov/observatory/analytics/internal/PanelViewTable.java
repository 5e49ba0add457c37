package uk.gov.observatory.analytics.internal;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/**
 * D3, the Panel's view of the rapid reviews of N received by as_at that decided (LCSPR or NO_LCSPR)
 * and have a view; and the received reviews of N that propose an alternative methodology.
 */
@Component
class PanelViewTable implements ReportTable {

  @Override
  public String id() {
    return "D3";
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
                "select count(*) filter (where r.panel_view = 'AGREE' and r.decision in"
                    + " ('LCSPR', 'NO_LCSPR')) as agree,"
                    + " count(*) filter (where r.panel_view = 'DISAGREE' and r.decision in"
                    + " ('LCSPR', 'NO_LCSPR')) as disagree,"
                    + " count(*) filter (where r.alternative_methodology) as alternative"
                    + " from "
                    + q.n()
                    + " n join "
                    + ReceivedReviews.RECEIVED
                    + " r on r.notification_ref = n.notification_ref",
                q.params());
    long agree = ((Number) row.get("agree")).longValue();
    long disagree = ((Number) row.get("disagree")).longValue();
    long alternative = ((Number) row.get("alternative")).longValue();
    long total = agree + disagree;
    return List.of(
        ReportQuery.count(id(), "AGREE", "COUNT", agree),
        ReportQuery.percent(id(), "AGREE", "PERCENT", agree, total),
        ReportQuery.count(id(), "DISAGREE", "COUNT", disagree),
        ReportQuery.percent(id(), "DISAGREE", "PERCENT", disagree, total),
        ReportQuery.count(id(), "TOTAL", "COUNT", total),
        ReportQuery.percent(id(), "TOTAL", "PERCENT", total, total),
        ReportQuery.count(id(), "ALTERNATIVE_METHODOLOGY", "COUNT", alternative));
  }

  /** With others of its pass in the report: from the pass. */
  private List<Cell> shared(ReportQuery q) {
    long agree = ReviewsOfN.total(q, ReviewsOfN.AGREE);
    long disagree = ReviewsOfN.total(q, ReviewsOfN.DISAGREE);
    long alternative = ReviewsOfN.total(q, ReviewsOfN.ALTERNATIVE);
    long total = agree + disagree;
    return List.of(
        ReportQuery.count(id(), "AGREE", "COUNT", agree),
        ReportQuery.percent(id(), "AGREE", "PERCENT", agree, total),
        ReportQuery.count(id(), "DISAGREE", "COUNT", disagree),
        ReportQuery.percent(id(), "DISAGREE", "PERCENT", disagree, total),
        ReportQuery.count(id(), "TOTAL", "COUNT", total),
        ReportQuery.percent(id(), "TOTAL", "PERCENT", total, total),
        ReportQuery.count(id(), "ALTERNATIVE_METHODOLOGY", "COUNT", alternative));
  }
}
