package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/**
 * T2, the category of death of the deaths in N, with the groups RELATED, MALTREATMENT_FAMILY and
 * EXTRA_FAMILIAL of code list {@code death_category}; percentages of the deaths.
 */
@Component
class DeathCategoryTable implements ReportTable {

  static final String ID = "T2";

  /** The rows in order: a category, or a group (prefixed "group:"), or TOTAL. */
  static final List<String> ROWS =
      List.of(
          "OVERT_FILICIDE",
          "COVERT_FILICIDE",
          "FATAL_PHYSICAL_ABUSE",
          "SEVERE_PERSISTENT_CRUELTY",
          "EXTREME_NEGLECT",
          "EXTRA_FAMILIAL_HOMICIDE",
          "EXTRA_FAMILIAL_FATAL_ASSAULT",
          "SUDI",
          "SUICIDE",
          "group:RELATED",
          "RELATED_ACCIDENT",
          "RELATED_MEDICAL",
          "RELATED_RISK_TAKING",
          "RELATED_POISONING",
          "RELATED_OTHER",
          "NOT_MALTREATMENT_RELATED",
          "NOT_CLEAR",
          "group:MALTREATMENT_FAMILY",
          "group:EXTRA_FAMILIAL",
          "TOTAL");

  @Override
  public String id() {
    return ID;
  }

  /** The deaths of each category and of each group of categories. */
  static Map<String, String> counts(Codes codes) {
    Map<String, String> counts = new LinkedHashMap<>();
    for (String row : ROWS) {
      if (row.startsWith("group:")) {
        String group = row.substring("group:".length());
        counts.put("T2:" + row, codes.is("death_group", "death_category_group", group));
      } else if (!row.equals("TOTAL")) {
        counts.put("T2:" + row, codes.is("death_category", "death_category", row));
      }
    }
    return counts;
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    CaseCounts n = CaseCounts.of(q);
    long deaths = n.notifications("DEATH");
    List<Cell> cells = new ArrayList<>();
    for (String row : ROWS) {
      String code = row.startsWith("group:") ? row.substring("group:".length()) : row;
      long count = row.equals("TOTAL") ? deaths : n.count("T2:" + row);
      cells.add(ReportQuery.count(ID, code, "COUNT", count));
      cells.add(ReportQuery.percent(ID, code, "PERCENT", count, deaths));
    }
    return cells;
  }
}
