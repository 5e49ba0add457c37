package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  /** The notifications with each factor, and with any. */
  static Map<String, String> counts(Codes codes) {
    Map<String, String> counts = new LinkedHashMap<>();
    for (String factor : FACTORS) {
      counts.put("CV1:" + factor, codes.has("covid_factors", "covid_factors", factor));
    }
    counts.put("CV1:ANY_FACTOR", "n.covid_factors <> 0");
    return counts;
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    CaseCounts n = CaseCounts.of(q);
    List<Cell> cells = new ArrayList<>();
    List<String> rows = new ArrayList<>(FACTORS);
    rows.add("ANY_FACTOR");
    for (String row : rows) {
      long total = 0;
      for (String type : TYPES) {
        long count = n.count("CV1:" + row, type);
        total += count;
        cells.add(ReportQuery.count(ID, row, type, count));
      }
      cells.add(ReportQuery.count(ID, row, "TOTAL", total));
    }
    return cells;
  }
}
