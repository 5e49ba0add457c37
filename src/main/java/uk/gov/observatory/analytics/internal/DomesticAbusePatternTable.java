package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/**
 * T4A, the pattern of domestic abuse in the notifications of N with DOMESTIC_ABUSE: each pattern's
 * percent is of those with a pattern recorded.
 */
@Component
class DomesticAbusePatternTable implements ReportTable {

  static final List<String> PATTERNS =
      List.of(
          "FATHER_TO_MOTHER", "MOTHER_TO_FATHER", "BOTH_PARENTS", "YOUNG_PERSON_TO_ADULT", "OTHER");

  @Override
  public String id() {
    return "T4A";
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    Map<String, Long> byPattern = new HashMap<>();
    q.jdbc()
        .query(
            "select coalesce(n.domestic_abuse_pattern, '') as pattern, count(*) from "
                + q.n()
                + " n where 'DOMESTIC_ABUSE' = any(n.case_characteristics)"
                + " group by coalesce(n.domestic_abuse_pattern, '')",
            q.params(),
            (RowCallbackHandler) rs -> byPattern.put(rs.getString(1), rs.getLong(2)));
    long total = byPattern.values().stream().mapToLong(Long::longValue).sum();
    long recorded = total - byPattern.getOrDefault("", 0L);
    List<Cell> cells = new ArrayList<>();
    for (String p : PATTERNS) {
      long c = byPattern.getOrDefault(p, 0L);
      cells.add(ReportQuery.count(id(), p, "COUNT", c));
      cells.add(ReportQuery.percent(id(), p, "PERCENT", c, recorded));
    }
    cells.add(ReportQuery.count(id(), "NOT_RECORDED", "COUNT", total - recorded));
    cells.add(ReportQuery.blank(id(), "NOT_RECORDED", "PERCENT"));
    cells.add(ReportQuery.count(id(), "TOTAL", "COUNT", total));
    cells.add(ReportQuery.blank(id(), "TOTAL", "PERCENT"));
    return cells;
  }
}
