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

  /**
   * The rapid reviews of N received by as_at that decided and have the Panel's view, by view; and
   * those proposing an alternative methodology.
   */
  static Map<String, String> counts(Codes codes) {
    String decided =
        CaseCounts.RECEIVED
            + " and n.decision in ("
            + codes.number("rapid_review_decision", "LCSPR")
            + ", "
            + codes.number("rapid_review_decision", "NO_LCSPR")
            + ")";
    return Map.of(
        "D3:AGREE", decided + " and " + codes.is("panel_view", "panel_view", "AGREE"),
        "D3:DISAGREE", decided + " and " + codes.is("panel_view", "panel_view", "DISAGREE"),
        "D3:ALTERNATIVE", CaseCounts.RECEIVED + " and n.alternative_methodology");
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    CaseCounts n = CaseCounts.of(q);
    long agree = n.count("D3:AGREE");
    long disagree = n.count("D3:DISAGREE");
    long alternative = n.count("D3:ALTERNATIVE");
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
