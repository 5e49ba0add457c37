package uk.gov.observatory.analytics.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/**
 * T7, T6 restricted to R notified outside any timeliness policy period marked as an authorised
 * extension.
 */
@Component
class TimelinessOutsideExtensionTable implements ReportTable {

  @Override
  public String id() {
    return "T7";
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    return RapidReviewTimeliness.cells(id(), q, false);
  }
}
