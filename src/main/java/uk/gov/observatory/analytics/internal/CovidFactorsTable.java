package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/** CV1, the notifications of N with each COVID-19 factor, and with any, by type. */
@Component
class CovidFactorsTable implements ReportTable {

  static final String ID = "CV1";
  static final List<String> FACTORS =
      List.of(
          "PARENTAL_FAMILY_STRESSORS",
          "CHILD_VULNERABILITY",
          "SCHOOL_CLOSURE",
          "COVID_SAFE_ADAPTATION");
  static final List<String> TYPES = List.of("DEATH", "SERIOUS_HARM", "OTHER");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    // One pass over N: the notifications of each type with each factor, and with any.
    StringBuilder sql = new StringBuilder("select n.notification_type");
    for (String factor : FACTORS) {
      sql.append(", count(*) filter (where '").append(factor).append("' = any(n.covid_factors))");
    }
    sql.append(", count(*) filter (where cardinality(n.covid_factors) > 0) from ")
        .append(q.n())
        .append(" n group by 1");
    Map<String, Long> counts = new HashMap<>();
    q.jdbc()
        .query(
            sql.toString(),
            q.params(),
            (RowCallbackHandler)
                rs -> {
                  String type = rs.getString(1);
                  for (int i = 0; i < FACTORS.size(); i++) {
                    counts.put(FACTORS.get(i) + "|" + type, rs.getLong(i + 2));
                  }
                  counts.put("ANY_FACTOR|" + type, rs.getLong(FACTORS.size() + 2));
                });
    List<Cell> cells = new ArrayList<>();
    List<String> rows = new ArrayList<>(FACTORS);
    rows.add("ANY_FACTOR");
    for (String row : rows) {
      long total = 0;
      for (String type : TYPES) {
        long count = Tallies.get(counts, row + "|" + type);
        total += count;
        cells.add(ReportQuery.count(ID, row, type, count));
      }
      cells.add(ReportQuery.count(ID, row, "TOTAL", total));
    }
    return cells;
  }
}
