package uk.gov.observatory.analytics.internal;

import java.util.List;
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
