package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/**
 * A1, the age (band of DATA-STANDARD 4.11) and gender of the children of N; PERCENT is the row's
 * total over all the children.
 */
@Component
class AgeGenderTable implements ReportTable {

  static final String ID = "A1";
  static final List<String> BANDS =
      List.of("UNDER_1", "AGE_1_4", "AGE_5_9", "AGE_10_14", "AGE_15_17");
  static final List<String> GENDERS = List.of("MALE", "FEMALE", "TRANSGENDER", "NOT_KNOWN");

  @Override
  public String id() {
    return ID;
  }

  /** From the pass over C that H, T1 and A1 share. */
  @Override
  public List<Cell> cells(ReportQuery q) {
    Map<String, Long> counts = new HashMap<>();
    for (ChildrenOfN.Group g : ChildrenOfN.groups(q)) {
      counts.merge(g.band() + "|" + g.gender(), g.count(), Long::sum);
    }
    return cells(counts);
  }

  /** The cells from the counts of children by band and gender ("band|gender"). */
  private static List<Cell> cells(Map<String, Long> counts) {
    long children = counts.values().stream().mapToLong(Long::longValue).sum();
    List<Cell> cells = new ArrayList<>();
    for (String band : BANDS) {
      for (String gender : GENDERS) {
        cells.add(
            ReportQuery.count(ID, band, gender, counts.getOrDefault(band + "|" + gender, 0L)));
      }
      // Every child of the band, whatever its gender.
      long rowTotal =
          counts.entrySet().stream()
              .filter(e -> e.getKey().startsWith(band + "|"))
              .mapToLong(Map.Entry::getValue)
              .sum();
      cells.add(ReportQuery.count(ID, band, "TOTAL", rowTotal));
      cells.add(ReportQuery.percent(ID, band, "PERCENT", rowTotal, children));
    }
    for (String gender : GENDERS) {
      long count =
          counts.entrySet().stream()
              .filter(e -> e.getKey().endsWith("|" + gender))
              .mapToLong(Map.Entry::getValue)
              .sum();
      cells.add(ReportQuery.count(ID, "TOTAL", gender, count));
    }
    cells.add(ReportQuery.count(ID, "TOTAL", "TOTAL", children));
    cells.add(ReportQuery.percent(ID, "TOTAL", "PERCENT", children, children));
    return cells;
  }
}
