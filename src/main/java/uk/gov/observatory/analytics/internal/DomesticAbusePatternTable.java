package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** The notifications with domestic abuse, by pattern recorded. */
  static Map<String, String> counts(Codes codes) {
    String abuse = codes.has("case_characteristics", "case_characteristics", "DOMESTIC_ABUSE");
    Map<String, String> counts = new LinkedHashMap<>();
    counts.put("T4A:TOTAL", abuse);
    for (String p : PATTERNS) {
      counts.put(
          "T4A:" + p,
          abuse + " and " + codes.is("domestic_abuse_pattern", "domestic_abuse_pattern", p));
    }
    return counts;
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    CaseCounts n = CaseCounts.of(q);
    long total = n.count("T4A:TOTAL");
    long recorded = PATTERNS.stream().mapToLong(p -> n.count("T4A:" + p)).sum();
    List<Cell> cells = new ArrayList<>();
    for (String p : PATTERNS) {
      long c = n.count("T4A:" + p);
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
