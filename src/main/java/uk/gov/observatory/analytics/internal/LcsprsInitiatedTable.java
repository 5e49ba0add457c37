package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/**
 * L1, LCSPRs initiated by year: one row {@code Y<yyyy>} for every calendar year from the earliest
 * initiated_date to the year of as_at, counting the LCSPRs initiated by as_at (any incident date).
 * With none, the one row of the year of as_at.
 */
@Component
class LcsprsInitiatedTable implements ReportTable {

  @Override
  public String id() {
    return "L1";
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    Map<Integer, Long> byYear = new TreeMap<>();
    q.jdbc()
        .query(
            "select cast(extract(year from l.initiated_date) as int) as y, count(*) as c"
                + " from published_lcspr l where l.initiated_date <= :as_at and "
                + LcsprsInArea.condition(q)
                + " group by 1",
            q.params(),
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> byYear.put(rs.getInt("y"), rs.getLong("c")));
    int last = q.request().asAt().getYear();
    int first = byYear.isEmpty() ? last : Math.min(last, byYear.keySet().iterator().next());
    List<Cell> cells = new ArrayList<>();
    for (int y = first; y <= last; y++) {
      cells.add(ReportQuery.count(id(), "Y" + y, "COUNT", byYear.getOrDefault(y, 0L)));
    }
    return cells;
  }
}
