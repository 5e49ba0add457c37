package uk.gov.observatory.analytics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.analytics.Analytics;
import uk.gov.observatory.analytics.Headline;
import uk.gov.observatory.analytics.InvalidReportException;
import uk.gov.observatory.analytics.ReportRequest;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;

/**
 * Analytics pages: the report's tables for a period of incident dates and an area, over only the
 * notifications the reader may see, with the tidy CSV of REPORT-SPEC.md to download.
 */
@PageController
class AnalyticsController {

  private final Analytics analytics;
  private final uk.gov.observatory.analytics.Reports reports;
  private final Viewers viewers;
  private final ReferenceData reference;
  private final Clock clock;

  public AnalyticsController(
      Analytics analytics,
      uk.gov.observatory.analytics.Reports reports,
      Viewers viewers,
      ReferenceData reference,
      Clock clock) {
    this.analytics = analytics;
    this.reports = reports;
    this.viewers = viewers;
    this.reference = reference;
    this.clock = clock;
  }

  /** The filters as given, echoed back into the form. */
  public record Filters(String from, String to, String la) {}

  @GetMapping("/analytics")
  public String headline(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String la,
      Model model,
      Principal principal,
      HttpServletResponse response) {
    Filters filters = defaults(from, to, la);
    model.addAttribute("filters", filters);
    model.addAttribute("localAuthorities", reference.localAuthorities());
    FormErrors errors = new FormErrors();
    model.addAttribute("errors", errors);
    Headline headline = compute(filters, principal, errors);
    if (headline == null) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "analytics/analytics";
    }
    model.addAttribute("headline", headline);
    model.addAttribute(
        "downloadHref",
        UriComponentsBuilder.fromPath("/analytics/headline.csv")
            .queryParam("from", filters.from())
            .queryParam("to", filters.to())
            .queryParamIfPresent("la", java.util.Optional.ofNullable(blankToNull(filters.la())))
            .encode()
            .build()
            .toUriString());
    return "analytics/analytics";
  }

  /** Table H as REPORT-SPEC's tidy CSV: {@code table_id,row_code,column_code,value}. */
  @GetMapping("/analytics/headline.csv")
  public String headlineCsv(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String la,
      Model model,
      Principal principal,
      HttpServletResponse response)
      throws IOException {
    Filters filters = defaults(from, to, la);
    FormErrors errors = new FormErrors();
    Headline headline = compute(filters, principal, errors);
    if (headline == null) {
      return headline(from, to, la, model, principal, response);
    }
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"headline.csv\"");
    PrintWriter out = response.getWriter();
    uk.gov.observatory.analytics.ReportWriter.csv(headline.cells(), out);
    return null;
  }

  /**
   * Without dates (the page first opened): the last complete calendar year, as the annual report
   * counts. A date given blank stays blank, and is an error: the page never picks one silently.
   */
  private Filters defaults(String from, String to, String la) {
    int lastYear = LocalDate.now(clock).getYear() - 1;
    return new Filters(
        from == null ? lastYear + "-01-01" : from.strip(),
        to == null ? lastYear + "-12-31" : to.strip(),
        la == null ? "" : la.strip());
  }

  private Headline compute(Filters f, Principal principal, FormErrors errors) {
    LocalDate from = date(f.from(), "from", "The start of the period", errors);
    LocalDate to = date(f.to(), "to", "The end of the period", errors);
    String la = blankToNull(f.la());
    if (la != null && !isAreaCode(la)) {
      errors.add("la", "Choose a local authority from the list, or all of England");
    }
    if (errors.isAny()) {
      return null;
    }
    try {
      return analytics.headline(from, to, la, viewers.of(principal));
    } catch (InvalidReportException e) {
      e.problems().forEach(p -> errors.add(p.field(), p.message()));
      return null;
    }
  }

  /**
   * A report's date from a filter, by the report's rule ({@link ReportRequest#parseDate}: {@code
   * YYYY-MM-DD}, ASCII digits, within the report's range); null with an error under {@code id} when
   * blank or not one.
   */
  static LocalDate date(String value, String id, String label, FormErrors errors) {
    if (value == null || value.isBlank()) {
      errors.add(
          id, "Enter " + label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1));
      return null;
    }
    LocalDate d = filterDate(value);
    if (d == null) {
      errors.add(
          id,
          label
              + " must be "
              + uk.gov.observatory.calendar.DateInput.FILTER_RULE
              + ", from "
              + uk.gov.observatory.web.Fmt.dateOf(ReportRequest.EARLIEST)
              + " to "
              + uk.gov.observatory.web.Fmt.dateOf(ReportRequest.LATEST));
    }
    return d;
  }

  /**
   * A report's date typed into a filter: as the pages take dates ({@link
   * uk.gov.observatory.calendar.DateInput#parseFilter}: 30/06/2020 as well as 2020-06-30) and
   * within the report's range; null when it is not one. The API keeps the strict rule.
   */
  static LocalDate filterDate(String value) {
    LocalDate d = uk.gov.observatory.calendar.DateInput.parseFilterOrNull(value);
    return d == null || d.isBefore(ReportRequest.EARLIEST) || d.isAfter(ReportRequest.LATEST)
        ? null
        : d;
  }

  /** The shape of a GSS code of a region or a local authority (a letter and 8 digits). */
  static boolean isAreaCode(String code) {
    return code.matches("[A-Z][0-9]{8}");
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
