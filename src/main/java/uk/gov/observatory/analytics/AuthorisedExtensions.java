package uk.gov.observatory.analytics;

import java.util.List;
import org.springframework.stereotype.Service;
import uk.gov.observatory.review.ReviewClocks;

/**
 * The periods of notified dates in which the Panel authorised an extension of the 15 working days
 * (the timeliness policy periods so marked): what Tables 7 and 8 of a laid-out report are titled
 * and footnoted by.
 */
@Service
public class AuthorisedExtensions {

  private final ReviewClocks clocks;

  public AuthorisedExtensions(ReviewClocks clocks) {
    this.clocks = clocks;
  }

  /** Every authorised extension, as the layout takes them. */
  public List<AnnualReportLayout.Extension> all() {
    return clocks.policyPeriods().stream()
        .filter(p -> p.authorisedExtension())
        .map(p -> new AnnualReportLayout.Extension(p.notifiedFrom(), p.notifiedTo()))
        .toList();
  }
}
