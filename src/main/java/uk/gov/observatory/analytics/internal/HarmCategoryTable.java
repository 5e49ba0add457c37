package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  /** The non-fatal notifications of each harm category. */
  static Map<String, String> counts(Codes codes) {
    Map<String, String> counts = new LinkedHashMap<>();
    for (String category : CATEGORIES) {
      counts.put("T3:" + category, codes.is("harm_category", "harm_category", category));
    }
    return counts;
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    CaseCounts n = CaseCounts.of(q);
    long nonFatal = n.notifications("SERIOUS_HARM") + n.notifications("OTHER");
    List<Cell> cells = new ArrayList<>();
    for (String category : CATEGORIES) {
      long count = n.count("T3:" + category);
      cells.add(ReportQuery.count(ID, category, "COUNT", count));
      cells.add(ReportQuery.percent(ID, category, "PERCENT", count, nonFatal));
    }
    cells.add(ReportQuery.count(ID, "TOTAL", "COUNT", nonFatal));
    cells.add(ReportQuery.percent(ID, "TOTAL", "PERCENT", nonFatal, nonFatal));
    return cells;
  }
}
