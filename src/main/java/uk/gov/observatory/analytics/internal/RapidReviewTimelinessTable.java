package uk.gov.observatory.analytics.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/**
 * T6, the timeliness of rapid reviews: population R by the working days each review took or has
 * taken so far.
 */
@Component
class RapidReviewTimelinessTable implements ReportTable {

  @Override
  public String id() {
    return "T6";
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    return RapidReviewTimeliness.cells(id(), q, null);
  }
}
