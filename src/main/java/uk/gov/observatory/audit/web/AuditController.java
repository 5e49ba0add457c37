package uk.gov.observatory.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import uk.gov.observatory.audit.AuditEntry;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.audit.AuditPage;
import uk.gov.observatory.calendar.DateInput;
import uk.gov.observatory.web.Fmt;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;

/**
 * The secretariat's search of the audit log: by person, by record, by action and by date (UK days,
 * typed 30/06/2020 or 2020-06-30), newest first, each entry in words (see {@link AuditWords}), a
 * page of {@value AuditLog#PAGE_SIZE} at a time.
 */
@PageController
class AuditController {

  private static final ZoneId UK = ZoneId.of("Europe/London");

  /** The last page that may be asked for (far beyond any log; its offset fits an int). */
  static final int MAX_PAGE = 1_000_000;

  private final AuditLog audit;

  public AuditController(AuditLog audit) {
    this.audit = audit;
  }

  /** The search as given, echoed back into the form. */
  public record Search(String person, String record, String action, String from, String to) {}

  /** One entry as a person reads it (see {@link AuditWords}). */
  public record Row(
      Instant recordedAt,
      String person,
      String personHref,
      String action,
      String recordType,
      String recordRef,
      String recordHref,
      String details) {}

  @GetMapping("/audit")
  public String search(
      @ModelAttribute("search") Search search,
      @RequestParam(required = false) String page,
      Model model,
      HttpServletResponse response) {
    String from = search.from();
    String to = search.to();
    FormErrors errors = new FormErrors();
    model.addAttribute("search", search);
    model.addAttribute("errors", errors);
    model.addAttribute("actions", AuditWords.actions());
    LocalDate fromDate = date(from, "from", "From", errors);
    LocalDate toDate = date(to, "to", "To", errors);
    if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
      errors.add("to", "To must be the same as or after From (" + Fmt.dateOf(fromDate) + ")");
    }
    String action = search.action() == null ? null : search.action().strip();
    if (action != null && !action.isEmpty() && !AuditWords.actions().containsKey(action)) {
      errors.add("action", "Choose an action from the list");
    }
    int pageNumber = 1;
    if (page != null) {
      // ASCII digits only (Integer.parseInt would read other scripts' digits, and a sign)
      String digits = page.strip();
      pageNumber = digits.matches("[0-9]{1,9}") ? Integer.parseInt(digits) : 0;
      if (pageNumber < 1 || pageNumber > MAX_PAGE) {
        errors.addLink("page", null, "Page must be a whole number from 1 to " + MAX_PAGE);
      }
    }
    if (errors.isAny()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "audit/audit";
    }
    Instant fromInstant = fromDate == null ? null : fromDate.atStartOfDay(UK).toInstant();
    Instant toInstant = toDate == null ? null : toDate.plusDays(1).atStartOfDay(UK).toInstant();
    AuditPage result =
        audit.search(search.person(), search.record(), action, fromInstant, toInstant, pageNumber);
    model.addAttribute("result", result);
    model.addAttribute("rows", result.items().stream().map(AuditController::row).toList());
    model.addAttribute("previousHref", pageNumber > 1 ? href(search, pageNumber - 1) : null);
    model.addAttribute(
        "nextHref", pageNumber < result.pages() ? href(search, pageNumber + 1) : null);
    return "audit/audit";
  }

  private static Row row(AuditEntry e) {
    String actor = e.actor();
    boolean named = actor != null && !actor.isBlank() && AuditWords.person(actor).equals(actor);
    return new Row(
        e.recordedAt(),
        AuditWords.person(actor),
        named
            ? UriComponentsBuilder.fromPath("/audit")
                .queryParam("person", actor)
                .encode()
                .build()
                .toUriString()
            : null,
        AuditWords.action(e.action()),
        AuditWords.recordType(e.recordType()),
        AuditWords.recordRef(e.recordType(), e.recordRef()),
        AuditWords.recordHref(e.recordType(), e.recordRef()),
        AuditWords.details(e.details()));
  }

  private static LocalDate date(String value, String id, String label, FormErrors errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    LocalDate d = DateInput.parseFilterOrNull(value);
    if (d == null) {
      errors.add(
          id,
          label
              + " must be "
              + DateInput.FILTER_RULE
              + ", from "
              + Fmt.dateOf(DateInput.EARLIEST)
              + " to "
              + Fmt.dateOf(DateInput.LATEST));
    }
    return d;
  }

  private static String href(Search s, int page) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath("/audit");
    for (String[] p :
        new String[][] {
          {"person", s.person()},
          {"record", s.record()},
          {"action", s.action()},
          {"from", s.from()},
          {"to", s.to()}
        }) {
      if (p[1] != null && !p[1].isBlank()) {
        b.queryParam(p[0], p[1].strip());
      }
    }
    return b.queryParam("page", page).encode().build().toUriString();
  }
}
