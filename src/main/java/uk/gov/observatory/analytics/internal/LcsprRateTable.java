package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.List;
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

  @Override
  public List<Cell> cells(ReportQuery q) {
    List<Cell> cells = new ArrayList<>();
    for (String row : ROWS) {
      long[] v = {ReviewsOfN.of(q, row, ReviewsOfN.LCSPR), ReviewsOfN.of(q, row, ReviewsOfN.TOTAL)};
      cells.add(ReportQuery.count(id(), row, "LCSPR_COUNT", v[0]));
      cells.add(ReportQuery.count(id(), row, "TOTAL_COUNT", v[1]));
      cells.add(ReportQuery.percent(id(), row, "LCSPR_PERCENT", v[0], v[1]));
    }
    return cells;
  }
}
