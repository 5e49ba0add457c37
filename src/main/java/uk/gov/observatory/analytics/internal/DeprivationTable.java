package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/**
 * IMD1, the deprivation of N: quintile q holds deciles 2q-1 and 2q (QUINTILE_1 the most deprived
 * 20%); percentages of the notifications with a known decile.
 */
@Component
class DeprivationTable implements ReportTable {

  static final String ID = "IMD1";
  static final List<String> QUINTILES =
      List.of("QUINTILE_1", "QUINTILE_2", "QUINTILE_3", "QUINTILE_4", "QUINTILE_5");

  @Override
  public String id() {
    return ID;
  }

  /** The notifications of each quintile of deprivation (deciles 1-2, 3-4, ...). */
  static Map<String, String> counts(Codes codes) {
    Map<String, String> counts = new LinkedHashMap<>();
    for (int k = 1; k <= QUINTILES.size(); k++) {
      counts.put(
          "IMD1:" + QUINTILES.get(k - 1), "n.imd_decile in (" + (2 * k - 1) + ", " + 2 * k + ")");
    }
    return counts;
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    CaseCounts n = CaseCounts.of(q);
    long known = QUINTILES.stream().mapToLong(k -> n.count("IMD1:" + k)).sum();
    long unknown = n.notifications() - known;
    List<Cell> cells = new ArrayList<>();
    for (String quintile : QUINTILES) {
      long count = n.count("IMD1:" + quintile);
      cells.add(ReportQuery.count(ID, quintile, "COUNT", count));
      cells.add(ReportQuery.percent(ID, quintile, "PERCENT", count, known));
    }
    cells.add(ReportQuery.count(ID, "UNKNOWN", "COUNT", unknown));
    cells.add(ReportQuery.blank(ID, "UNKNOWN", "PERCENT"));
    cells.add(ReportQuery.count(ID, "TOTAL", "COUNT", known + unknown));
    cells.add(ReportQuery.blank(ID, "TOTAL", "PERCENT"));
    return cells;
  }
}
