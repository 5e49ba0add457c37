package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/**
 * D2, the rate of LCSPR decisions (rapid reviews received by as_at that decided on one) by kind of
 * incident: deaths by their category's group (code list death_category), and non-fatal.
 */
@Component
class LcsprRateTable implements ReportTable {

  static final List<String> ROWS =
      List.of("DEATH_MALTREATMENT_OR_EXTRA_FAMILIAL", "DEATH_RELATED", "DEATH_OTHER", "NON_FATAL");

  @Override
  public String id() {
    return "D2";
  }

  /** The notifications of each kind, and those of each kind with an LCSPR decided by as_at. */
  static Map<String, String> counts(Codes codes) {
    String death = codes.is("notification_type", "notification_type", "DEATH");
    String group = "death_group";
    String list = "death_category_group";
    String maltreatmentOrExtraFamilial =
        "("
            + codes.is(group, list, "MALTREATMENT_FAMILY")
            + " or "
            + codes.is(group, list, "EXTRA_FAMILIAL")
            + ")";
    String related = codes.is(group, list, "RELATED");
    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put(
        "DEATH_MALTREATMENT_OR_EXTRA_FAMILIAL", death + " and " + maltreatmentOrExtraFamilial);
    kinds.put("DEATH_RELATED", death + " and " + related);
    kinds.put(
        "DEATH_OTHER",
        death + " and not coalesce(" + maltreatmentOrExtraFamilial + " or " + related + ", false)");
    kinds.put("NON_FATAL", "not (" + death + ")");
    String lcspr =
        CaseCounts.RECEIVED + " and " + codes.is("decision", "rapid_review_decision", "LCSPR");
    Map<String, String> counts = new LinkedHashMap<>();
    kinds.forEach(
        (kind, condition) -> {
          counts.put("D2:" + kind, condition);
          counts.put("D2:" + kind + ":LCSPR", condition + " and " + lcspr);
        });
    return counts;
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    CaseCounts n = CaseCounts.of(q);
    List<Cell> cells = new ArrayList<>();
    for (String row : ROWS) {
      long lcspr = n.count("D2:" + row + ":LCSPR");
      long total = n.count("D2:" + row);
      cells.add(ReportQuery.count(id(), row, "LCSPR_COUNT", lcspr));
      cells.add(ReportQuery.count(id(), row, "TOTAL_COUNT", total));
      cells.add(ReportQuery.percent(id(), row, "LCSPR_PERCENT", lcspr, total));
    }
    return cells;
  }
}
