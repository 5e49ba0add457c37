package uk.gov.observatory.notification.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.notification.InvalidNotificationException;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationCsv;
import uk.gov.observatory.notification.NotificationPage;
import uk.gov.observatory.notification.NotificationQueries;
import uk.gov.observatory.notification.NotificationQuery;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.notification.ReviewStatus;
import uk.gov.observatory.notification.StandardFields;
import uk.gov.observatory.notification.Violation;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.web.Fmt;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;

/**
 * The register of notifications: a filterable, sortable, paged table, and its CSV export. (The page
 * of one notification, with its reviews' story, is the review module's {@code CaseController}.)
 */
@PageController
class RegisterController {

  private final Viewers viewers;
  private final NotificationCsv csv;

  /** The filters as given, echoed back into the form. */
  public record Filters(
      String la,
      String type,
      String from,
      String to,
      String sort,
      String order,
      String size,
      String review) {}

  /** A row of the table, with its review status (null when it has none to show). */
  /**
   * A row of the register as it reads: each cell's words made here, once, rather than by a call
   * from the template for each cell of each row.
   */
  public record Row(
      String ref,
      String href,
      String la,
      String incidentDate,
      String notifiedDate,
      String type,
      int children,
      boolean late,
      String review) {

    static Row of(Notification n, boolean late, ReviewStatus review, Fmt fmt) {
      return new Row(
          n.ref(),
          "/notifications/"
              + org.springframework.web.util.UriUtils.encodePathSegment(
                  n.ref(), java.nio.charset.StandardCharsets.UTF_8),
          fmt.la(n.laCode()),
          Fmt.dateOf(n.incidentDate()),
          Fmt.dateOf(n.notifiedDate()),
          fmt.label(CodeLists.NOTIFICATION_TYPE, n.notificationType()),
          n.children().size(),
          late,
          review == null ? "" : review.label());
    }
  }

  /** A sortable column heading: its link and its aria-sort value. */
  public record SortHeader(String field, String label, String href, String ariaSort) {}

  /** An item of the pagination component: a page number link, or an ellipsis (number 0). */
  public record PageItem(int number, String href, boolean current) {}

  private static final Map<String, String> FILTER_FIELD_IDS =
      Map.of("la", "la", "type", "type", "from", "from", "to", "to", "review", "review");

  private static final List<String[]> COLUMNS =
      List.of(
          new String[] {"notification_ref", "Reference"},
          new String[] {"la_code", "Local authority"},
          new String[] {"incident_date", "Incident date"},
          new String[] {"notified_date", "Notified"},
          new String[] {"notification_type", "Type"});

  private final NotificationRegister register;
  private final NotificationQueries queries;
  private final ReferenceData reference;
  private final NotificationDrafts drafts;
  private final Fmt fmt;

  public RegisterController(
      NotificationRegister register,
      NotificationQueries queries,
      ReferenceData reference,
      Viewers viewers,
      NotificationCsv csv,
      NotificationDrafts drafts,
      Fmt fmt) {
    this.drafts = drafts;
    this.fmt = fmt;
    this.viewers = viewers;
    this.csv = csv;
    this.register = register;
    this.queries = queries;
    this.reference = reference;
  }

  /**
   * Goes straight to a notification by its reference (SIN-YYYY-NNNNN, any case, spaces ignored);
   * one the person may not see is answered as one that does not exist.
   */
  @GetMapping("/notifications/find")
  public String find(
      @RequestParam(required = false) String ref,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    String given = ref == null ? "" : ref.strip();
    String wanted = given.replaceAll("\\s+", "");
    String message;
    int status;
    if (wanted.isEmpty()) {
      message = "Enter a notification reference, for example SIN-2026-00042";
      status = 400;
    } else if (!StandardFields.REFERENCE.matcher(wanted).matches()) {
      message =
          "Enter a notification reference as it was given, for example SIN-2026-00042 (letters,"
              + " numbers and hyphens)";
      status = 400;
    } else {
      var viewer = viewers.of(request.getUserPrincipal());
      for (String candidate :
          new java.util.LinkedHashSet<>(
              List.of(wanted, wanted.toUpperCase(java.util.Locale.ROOT)))) {
        if (register
            .find(candidate)
            .filter(n -> viewer.reaches(n.laCode(), n.incidentDate()))
            .isPresent()) {
          return "redirect:/notifications/" + candidate;
        }
      }
      message = "There is no notification with reference " + wanted + " that you can see";
      status = 404;
    }
    String page =
        search(
            new Filters(null, null, null, null, null, null, null, null),
            null,
            model,
            request,
            response);
    FormErrors errors = (FormErrors) model.getAttribute("errors");
    errors.add("ref", message);
    model.addAttribute("findRef", given.length() > 40 ? given.substring(0, 40) : given);
    response.setStatus(status);
    return page;
  }

  @GetMapping("/notifications")
  public String search(
      @ModelAttribute("filters") Filters filters,
      @RequestParam(required = false) String page,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    model.addAttribute("filters", filters);
    if (uk.gov.observatory.web.SignedIn.may(request.getUserPrincipal(), "NOTIFY")) {
      model.addAttribute("draftCount", drafts.count(request.getUserPrincipal().getName()));
    }
    // the list's 170 options made in one go (Fmt.laOptions): drawn by the template, they were
    // most of the page's time
    model.addAttribute("laOptions", fmt.laOptions(reference.authorities(), filters.la()));
    model.addAttribute("types", reference.codeList(CodeLists.NOTIFICATION_TYPE).codes());
    model.addAttribute("reviewStatuses", ReviewStatus.values());
    FormErrors errors = new FormErrors();
    model.addAttribute("errors", errors);
    ReviewStatus review = null;
    NotificationQuery query;
    try {
      if (filters.review() != null && !filters.review().isBlank()) {
        review = ReviewStatus.of(filters.review().strip());
        if (review == null) {
          throw new InvalidNotificationException(
              List.of(Violation.of("review", filters.review(), "must be one from the list")));
        }
      }
      query =
          queries.throughItsCodes(
              new NotificationQueries.Parameters(
                  filters.la(),
                  filters.type(),
                  typedDate(filters.from()),
                  typedDate(filters.to()),
                  filters.sort(),
                  filters.order(),
                  page,
                  filters.size()));
    } catch (InvalidNotificationException e) {
      for (Violation v : e.violations()) {
        String id = FILTER_FIELD_IDS.get(v.field());
        String message = filterLabel(v.field()) + " " + v.reason();
        if (v.field().equals("from") || v.field().equals("to")) {
          message =
              filterLabel(v.field())
                  + " must be "
                  + uk.gov.observatory.calendar.DateInput.FILTER_RULE
                  + ", from "
                  + uk.gov.observatory.web.Fmt.dateOf(
                      uk.gov.observatory.calendar.DateInput.EARLIEST)
                  + " to "
                  + uk.gov.observatory.web.Fmt.dateOf(uk.gov.observatory.calendar.DateInput.LATEST);
        }
        if (id != null) {
          errors.add(id, message);
        } else {
          errors.addLink(v.field(), null, message);
        }
      }
      response.setStatus(400);
      model.addAttribute("rows", List.of());
      model.addAttribute("total", 0L);
      model.addAttribute("headers", List.of());
      model.addAttribute("pages", List.of());
      return "notification/register";
    }
    NotificationPage result =
        register.search(query, review, viewers.of(request.getUserPrincipal()));
    Map<String, ReviewStatus> reviews = register.reviewStatuses(result.items());
    List<Row> rows =
        result.items().stream()
            .map(
                n ->
                    Row.of(n, register.timeliness(n).lateNotification(), reviews.get(n.ref()), fmt))
            .toList();
    model.addAttribute("rows", rows);
    model.addAttribute("total", result.total());
    model.addAttribute("headers", headers(filters, query));
    // (the CSV is the data standard's notifications.csv: it has no review status to filter by)
    UriComponentsBuilder download =
        base(filters).replacePath("/notifications/export.csv").replaceQueryParam("review");
    param(download, "sort", filters.sort());
    param(download, "order", filters.order());
    model.addAttribute("downloadHref", download.encode().build().toUriString());
    addPagination(model, filters, result);
    return "notification/register";
  }

  private static String filterLabel(String field) {
    return switch (field) {
      case "la" -> "Local authority";
      case "type" -> "Notification type";
      case "from" -> "Notified from";
      case "to" -> "Notified to";
      case "review" -> "Review status";
      case "sort" -> "Sort column";
      case "order" -> "Sort order";
      case "page" -> "Page";
      case "size" -> "Page size";
      default -> field;
    };
  }

  private static UriComponentsBuilder base(Filters f) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath("/notifications");
    param(b, "la", f.la());
    param(b, "type", f.type());
    param(b, "from", f.from());
    param(b, "to", f.to());
    param(b, "review", f.review());
    return b;
  }

  private static void param(UriComponentsBuilder b, String name, String value) {
    if (value != null && !value.isBlank()) {
      b.queryParam(name, value.strip());
    }
  }

  private static List<SortHeader> headers(Filters f, NotificationQuery q) {
    List<SortHeader> headers = new ArrayList<>();
    for (String[] col : COLUMNS) {
      boolean current = q.sort().field().equals(col[0]);
      String nextOrder = current && !q.descending() ? "desc" : "asc";
      UriComponentsBuilder b = base(f).queryParam("sort", col[0]).queryParam("order", nextOrder);
      param(b, "size", f.size());
      String ariaSort = current ? (q.descending() ? "descending" : "ascending") : "none";
      headers.add(new SortHeader(col[0], col[1], b.encode().build().toUriString(), ariaSort));
    }
    return headers;
  }

  private static void addPagination(Model model, Filters f, NotificationPage result) {
    int pages = result.pages();
    int current = result.page();
    List<PageItem> items = new ArrayList<>();
    if (pages > 1) {
      int last = 0;
      for (int i = 1; i <= pages; i++) {
        if (i == 1 || i == pages || Math.abs(i - current) <= 1) {
          if (last != 0 && i - last > 1) {
            items.add(new PageItem(0, null, false));
          }
          items.add(new PageItem(i, pageHref(f, i), i == current));
          last = i;
        }
      }
    }
    model.addAttribute("pages", items);
    model.addAttribute("previousHref", pages > 1 && current > 1 ? pageHref(f, current - 1) : null);
    model.addAttribute("nextHref", current < pages ? pageHref(f, current + 1) : null);
  }

  private static String pageHref(Filters f, int page) {
    UriComponentsBuilder b = base(f);
    param(b, "sort", f.sort());
    param(b, "order", f.order());
    param(b, "size", f.size());
    b.queryParam("page", page);
    return b.encode().build().toUriString();
  }

  /**
   * The register's current filters as notifications.csv (the data standard's columns, never
   * identifying details), only what the viewer may see; audited as an export. Bad filters get the
   * register page with its error summary.
   */
  @GetMapping("/notifications/export.csv")
  public String export(
      @ModelAttribute("filters") Filters given,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response)
      throws java.io.IOException {
    // the export takes no page size: the whole of the filtered register
    Filters filters =
        new Filters(
            given.la(),
            given.type(),
            given.from(),
            given.to(),
            given.sort(),
            given.order(),
            null,
            null);
    NotificationQuery query;
    try {
      query =
          queries.throughItsCodes(
              new NotificationQueries.Parameters(
                  filters.la(),
                  filters.type(),
                  typedDate(filters.from()),
                  typedDate(filters.to()),
                  filters.sort(),
                  filters.order(),
                  null,
                  null));
    } catch (InvalidNotificationException e) {
      return search(filters, null, model, request, response);
    }
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"" + NotificationCsv.NOTIFICATIONS + "\"");
    csv.writeNotifications(response.getWriter(), query, viewers.of(request.getUserPrincipal()));
    return null;
  }

  /**
   * A filter date as typed on the page (30/06/2020 as well as 2020-06-30, by {@link
   * uk.gov.observatory.calendar.DateInput#parseFilter}) in the query's strict form; anything else
   * as typed, for the query to refuse with its message.
   */
  private static String typedDate(String typed) {
    return uk.gov.observatory.calendar.DateInput.parseFilter(typed)
        .map(java.time.LocalDate::toString)
        .orElse(typed);
  }
}
