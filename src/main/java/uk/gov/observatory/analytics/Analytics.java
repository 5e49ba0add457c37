package uk.gov.observatory.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditJson;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.reference.ReferenceData;

/**
 * The report's tables, computed from the register for a period of incident dates and an optional
 * local authority, over only what the reader may see (an authority's notifier counts its own
 * authority's notifications; a Panel member's counts leave out cases they are withdrawn from).
 * Every report is audited.
 */
@Service
public class Analytics {

  public static final String AUDIT_RECORD_TYPE = "report";

  private final NotificationRegister register;
  private final ReferenceData reference;
  private final AuditLog audit;

  public Analytics(NotificationRegister register, ReferenceData reference, AuditLog audit) {
    this.register = register;
    this.reference = reference;
    this.audit = audit;
  }

  /** Table H for incidents in [from, to], of one local authority when {@code laCode} is given. */
  public Headline headline(LocalDate from, LocalDate to, String laCode, Viewer viewer) {
    check(from, to, laCode);
    long[] counts = new long[6];
    Set<String> las = new HashSet<>();
    register.forEachIncidentBetween(
        from,
        to,
        laCode,
        viewer,
        n -> {
          counts[0]++;
          switch (n.notificationType()) {
            case "DEATH" -> counts[1]++;
            case "SERIOUS_HARM" -> counts[2]++;
            default -> counts[3]++;
          }
          counts[4] += n.children().size();
          las.add(n.laCode());
          if (register.timeliness(n).lateNotification()) {
            counts[5]++;
          }
        });
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("table", Headline.TABLE_ID);
    details.put("from", from);
    details.put("to", to);
    details.put("la_code", laCode);
    audit.record(
        AuditEvent.of(viewer.actor(), AuditAction.REPORTED, AUDIT_RECORD_TYPE, Headline.TABLE_ID)
            .withDetails(AuditJson.of(details)));
    return new Headline(
        from,
        to,
        laCode,
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        counts[4],
        las.size(),
        counts[5]);
  }

  private void check(LocalDate from, LocalDate to, String laCode) {
    List<InvalidReportException.Problem> problems = new ArrayList<>();
    if (from == null) {
      problems.add(new InvalidReportException.Problem("from", "Enter the start of the period"));
    }
    if (to == null) {
      problems.add(new InvalidReportException.Problem("to", "Enter the end of the period"));
    }
    if (from != null && to != null && to.isBefore(from)) {
      problems.add(
          new InvalidReportException.Problem(
              "to", "The end of the period must be the same as or after its start (" + from + ")"));
    }
    if (laCode != null && reference.localAuthority(laCode).isEmpty()) {
      problems.add(
          new InvalidReportException.Problem(
              "la", "Local authority " + laCode + " is not a local authority's GSS code"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidReportException(problems);
    }
  }
}
