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
    if (q.sharing(ReviewsOfN.TABLES)) {
      return shared(q);
    }
    return alone(q);
  }

  /** Alone in its report: its own query. */
  private List<Cell> alone(ReportQuery q) {
    // One pass over the coded reviews of N: how many there are, and how many have each theme.
    StringBuilder sql = new StringBuilder("select count(*)");
    for (String theme : THEMES) {
      sql.append(", count(*) filter (where '").append(theme).append("' = any(r.practice_themes))");
    }
    sql.append(" from ")
        .append(q.n())
        .append(" n join ")
        .append(ReceivedReviews.RECEIVED)
        .append(" r on r.notification_ref = n.notification_ref")
        .append(" where cardinality(r.practice_themes) > 0");
    Map<String, Long> counts = new HashMap<>();
    q.jdbc()
        .query(
            sql.toString(),
            q.params(),
            (RowCallbackHandler)
                rs -> {
                  counts.put(CODED, rs.getLong(1));
                  for (int i = 0; i < THEMES.size(); i++) {
                    counts.put(THEMES.get(i), rs.getLong(i + 2));
                  }
                });
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

  /** With others of its pass in the report: from the pass. */
  private List<Cell> shared(ReportQuery q) {
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
