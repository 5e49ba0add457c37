package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
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

  @Override
  public List<Cell> cells(ReportQuery q) {
    // One pass over the deaths of N, by category and the category's group.
    Map<String, Long> byCategory = new HashMap<>();
    Map<String, Long> byGroup = new HashMap<>();
    q.jdbc()
        .query(
            "select n.death_category, e.code_group, count(*) from "
                + q.n()
                + " n left join code_list_entry e on e.list = 'death_category'"
                + " and e.code = n.death_category"
                + " where n.notification_type = 'DEATH' group by 1, 2",
            q.params(),
            (RowCallbackHandler)
                rs -> {
                  String category = rs.getString(1);
                  String group = rs.getString(2);
                  long count = rs.getLong(3);
                  byCategory.merge(category == null ? "" : category, count, Long::sum);
                  if (group != null) {
                    byGroup.merge(group, count, Long::sum);
                  }
                });
    long deaths = byCategory.values().stream().mapToLong(Long::longValue).sum();
    List<Cell> cells = new ArrayList<>();
    for (String row : ROWS) {
      String code;
      long count;
      if (row.equals("TOTAL")) {
        code = row;
        count = deaths;
      } else if (row.startsWith("group:")) {
        code = row.substring("group:".length());
        count = Tallies.get(byGroup, code);
      } else {
        code = row;
        count = Tallies.get(byCategory, code);
      }
      cells.add(ReportQuery.count(ID, code, "COUNT", count));
      cells.add(ReportQuery.percent(ID, code, "PERCENT", count, deaths));
    }
    return cells;
  }
}
