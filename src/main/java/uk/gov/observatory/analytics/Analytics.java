package uk.gov.observatory.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import uk.gov.observatory.access.Viewer;

/**
 * The report's tables, computed from the register for a period of incident dates and an optional
 * local authority, over only what the reader may see (an authority's notifier counts its own
 * authority's notifications; a Panel member's counts leave out cases they are withdrawn from).
 * Every report is audited. The tables themselves are {@link Reports}', read from the read replica
 * when one is configured ({@link Reports#mayLag()}).
 */
@Service
public class Analytics {

  public static final String AUDIT_RECORD_TYPE = "report";

  private final Reports reports;
  private final Clock clock;

  public Analytics(Reports reports, Clock clock) {
    // The analytics pages' figures: from the read replica when one is configured.
    this.reports = reports.mayLag();
    this.clock = clock;
  }

  /** Table H for incidents in [from, to], of one local authority when {@code laCode} is given. */
  public Headline headline(LocalDate from, LocalDate to, String laCode, Viewer viewer) {
    LocalDate today = LocalDate.now(clock);
    Report report =
        reports.report(
            new ReportRequest(
                from, to, today.isBefore(to == null ? today : to) ? to : today, null, laCode),
            List.of(Headline.TABLE_ID),
            viewer);
    Map<String, Long> v = new HashMap<>();
    for (Cell c : report.tables().get(Headline.TABLE_ID)) {
      v.put(c.rowCode(), Long.parseLong(c.value()));
    }
    return new Headline(
        from,
        to,
        laCode,
        v.get("NOTIFICATIONS"),
        v.get("DEATH"),
        v.get("SERIOUS_HARM"),
        v.get("OTHER"),
        v.get("CHILDREN"),
        v.get("LAS_NOTIFYING"),
        v.get("LATE_NOTIFICATIONS"));
  }
}
