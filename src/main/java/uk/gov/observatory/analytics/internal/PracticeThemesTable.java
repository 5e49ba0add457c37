package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.HashMap;
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

  @Override
  public List<Cell> cells(ReportQuery q) {
    Map<String, Long> counts = new HashMap<>();
    counts.put(CODED, ReviewsOfN.total(q, ReviewsOfN.CODED));
    for (String theme : THEMES) {
      counts.put(theme, ReviewsOfN.total(q, ReviewsOfN.theme(theme)));
    }
    long reviews = counts.getOrDefault(CODED, 0L);
    List<Cell> cells = new ArrayList<>();
    for (String theme : THEMES) {
      long c = counts.getOrDefault(theme, 0L);
      cells.add(ReportQuery.count(id(), theme, "COUNT", c));
      cells.add(ReportQuery.percent(id(), theme, "PERCENT", c, reviews));
    }
    cells.add(ReportQuery.count(id(), "CODED_REVIEWS", "COUNT", reviews));
    cells.add(ReportQuery.blank(id(), "CODED_REVIEWS", "PERCENT"));
    return cells;
  }
}
