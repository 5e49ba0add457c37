package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/**
 * T1, the ethnicity of the children of N: each child counted under its ethnicity's Table 1 group
 * (code list {@code ethnicity}; blank or unknown codes are NOT_RECORDED), the percentage of the
 * children whose ethnicity is recorded, and the Census 2011 share (code list {@code
 * ethnicity_group}, DATA-STANDARD 4.9).
 */
@Component
class EthnicityTable implements ReportTable {

  static final String ID = "T1";
  static final List<String> GROUPS =
      List.of("WHITE_BRITISH", "WHITE_OTHER", "MIXED", "ASIAN", "BLACK", "OTHER", "NOT_RECORDED");

  @Override
  public String id() {
    return ID;
  }

  /** From the pass over C that H, T1 and A1 share. */
  @Override
  public List<Cell> cells(ReportQuery q) {
    Map<String, Long> counts = new HashMap<>();
    for (ChildrenOfN.Group g : ChildrenOfN.groups(q)) {
      counts.merge(g.ethnicity(), g.count(), Long::sum);
    }
    return cells(q, counts);
  }

  /** The cells from the counts of children by ethnic group, with the census beside them. */
  private static List<Cell> cells(ReportQuery q, Map<String, Long> counts) {
    Map<String, String> census = new HashMap<>();
    q.jdbc()
        .query(
            "select code, code_group from code_list_entry where list = 'ethnicity_group'",
            q.params(),
            rs -> {
              census.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
            });
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    long recorded = total - counts.getOrDefault("NOT_RECORDED", 0L);
    List<Cell> cells = new ArrayList<>();
    for (String group : GROUPS) {
      long count = counts.getOrDefault(group, 0L);
      cells.add(ReportQuery.count(ID, group, "COUNT", count));
      cells.add(
          group.equals("NOT_RECORDED")
              ? ReportQuery.blank(ID, group, "PERCENT")
              : ReportQuery.percent(ID, group, "PERCENT", count, recorded));
      cells.add(new Cell(ID, group, "CENSUS_PERCENT", census.getOrDefault(group, "")));
    }
    cells.add(ReportQuery.count(ID, "TOTAL", "COUNT", total));
    cells.add(ReportQuery.blank(ID, "TOTAL", "PERCENT"));
    cells.add(ReportQuery.blank(ID, "TOTAL", "CENSUS_PERCENT"));
    return cells;
  }
}
