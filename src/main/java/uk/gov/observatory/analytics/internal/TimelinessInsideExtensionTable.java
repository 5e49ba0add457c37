package uk.gov.observatory.analytics.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/**
 * T8, T6 restricted to R notified inside a timeliness policy period marked as an authorised
 * extension.
 */
@Component
class TimelinessInsideExtensionTable implements ReportTable {

  @Override
  public String id() {
    return "T8";
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    return RapidReviewTimeliness.cells(id(), q, true);
  }
}
