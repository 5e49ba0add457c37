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

  /** The notifications whose rapid review, received by as_at, decided each way. */
  static Map<String, String> counts(Codes codes) {
    String decision = "rapid_review_decision";
    return Map.of(
        "D1:LCSPR",
        CaseCounts.RECEIVED + " and " + codes.is("decision", decision, "LCSPR"),
        "D1:NO_LCSPR",
        CaseCounts.RECEIVED + " and " + codes.is("decision", decision, "NO_LCSPR"));
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    CaseCounts n = CaseCounts.of(q);
    long total = n.notifications();
    long lcspr = n.count("D1:LCSPR");
    long noLcspr = n.count("D1:NO_LCSPR");
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
