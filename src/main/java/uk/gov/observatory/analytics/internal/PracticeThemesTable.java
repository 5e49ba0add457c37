package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/**
 * TH1, the practice themes of the rapid reviews of N received by as_at with at least one theme
 * (CODED_REVIEWS): each theme's count and percent of those reviews.
 */
@Component
class PracticeThemesTable implements ReportTable {

  static final List<String> THEMES =
      List.of(
          "CHILD_DAILY_LIFE",
          "RELUCTANT_ENGAGEMENT",
          "CRITICAL_THINKING",
          "CHANGING_RISK",
          "INFORMATION_SHARING",
          "LEADERSHIP_CULTURE");

  private static final String CODED = "";

  @Override
  public String id() {
    return "TH1";
  }

  /** The rapid reviews of N received by as_at with any theme, and with each. */
  static Map<String, String> counts(Codes codes) {
    Map<String, String> counts = new LinkedHashMap<>();
    counts.put("TH1:CODED_REVIEWS", CaseCounts.RECEIVED + " and n.practice_themes <> 0");
    for (String theme : THEMES) {
      counts.put(
          "TH1:" + theme,
          CaseCounts.RECEIVED + " and " + codes.has("practice_themes", "practice_themes", theme));
    }
    return counts;
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    CaseCounts n = CaseCounts.of(q);
    long reviews = n.count("TH1:CODED_REVIEWS");
    List<Cell> cells = new ArrayList<>();
    for (String theme : THEMES) {
      long c = n.count("TH1:" + theme);
      cells.add(ReportQuery.count(id(), theme, "COUNT", c));
      cells.add(ReportQuery.percent(id(), theme, "PERCENT", c, reviews));
    }
    cells.add(ReportQuery.count(id(), "CODED_REVIEWS", "COUNT", reviews));
    cells.add(ReportQuery.blank(id(), "CODED_REVIEWS", "PERCENT"));
    return cells;
  }
}
