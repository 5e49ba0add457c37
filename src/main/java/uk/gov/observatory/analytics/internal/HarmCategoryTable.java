package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/** T3, the category of harm of the non-fatal notifications of N (SERIOUS_HARM and OTHER). */
@Component
class HarmCategoryTable implements ReportTable {

  static final String ID = "T3";
  static final List<String> CATEGORIES =
      List.of(
          "NONFATAL_PHYSICAL_ABUSE",
          "NONFATAL_NEGLECT",
          "EMOTIONAL_ABUSE",
          "CSA_INTRA_FAMILIAL",
          "CSA_EXTRA_FAMILIAL",
          "CSE",
          "CRIMINAL_EXPLOITATION",
          "YOUNG_PERSON_PERPETRATOR",
          "OTHER_RISK_TAKING_VIOLENT",
          "OTHER_NON_FATAL");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    Map<String, Long> counts =
        Tallies.byKey(
            q,
            "select n.harm_category, count(*) from "
                + q.n()
                + " n where n.notification_type in ('SERIOUS_HARM', 'OTHER') group by 1");
    long nonFatal = counts.values().stream().mapToLong(Long::longValue).sum();
    List<Cell> cells = new ArrayList<>();
    for (String category : CATEGORIES) {
      long count = Tallies.get(counts, category);
      cells.add(ReportQuery.count(ID, category, "COUNT", count));
      cells.add(ReportQuery.percent(ID, category, "PERCENT", count, nonFatal));
    }
    cells.add(ReportQuery.count(ID, "TOTAL", "COUNT", nonFatal));
    cells.add(ReportQuery.percent(ID, "TOTAL", "PERCENT", nonFatal, nonFatal));
    return cells;
  }
}
