package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
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
    String coded =
        "(select r.* from "
            + q.n()
            + " n join "
            + ReceivedReviews.RECEIVED
            + " r on r.notification_ref = n.notification_ref"
            + " where cardinality(r.practice_themes) > 0)";
    Map<String, Long> counts = new HashMap<>();
    q.jdbc()
        .query(
            "select t.theme, count(distinct c.id) from "
                + coded
                + " c cross join lateral unnest(c.practice_themes) as t(theme) group by t.theme"
                + " union all select '"
                + CODED
                + "', count(*) from "
                + coded
                + " c",
            q.params(),
            (RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)));
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
