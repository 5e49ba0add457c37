package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    Map<String, Long> counts =
        Tallies.byTwoKeys(
            q,
            "select f.factor, n.notification_type, count(distinct n.id) from "
                + q.n()
                + " n cross join lateral unnest(n.covid_factors) as f(factor) group by 1, 2"
                + " union all"
                + " select 'ANY_FACTOR', n.notification_type, count(*) from "
                + q.n()
                + " n where cardinality(n.covid_factors) > 0 group by 2");
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
