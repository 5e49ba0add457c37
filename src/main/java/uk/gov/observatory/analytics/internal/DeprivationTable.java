package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
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

  @Override
  public List<Cell> cells(ReportQuery q) {
    Map<String, Long> counts =
        Tallies.byKey(
            q,
            "select case when n.imd_decile is null then 'UNKNOWN'"
                + " else 'QUINTILE_' || ((n.imd_decile + 1) / 2) end, count(*) from "
                + q.n()
                + " n group by 1");
    long known = Tallies.sum(counts, QUINTILES);
    long unknown = Tallies.get(counts, "UNKNOWN");
    List<Cell> cells = new ArrayList<>();
    for (String quintile : QUINTILES) {
      long count = Tallies.get(counts, quintile);
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
