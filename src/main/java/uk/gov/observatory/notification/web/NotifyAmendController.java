package uk.gov.observatory.notification.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.notification.InvalidNotificationException;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.notification.Violation;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.web.DateParts;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;
import uk.gov.observatory.web.PageNotFoundException;

/**
 * Amending a sent notification (permission AMEND_NOTIFICATION, within the person's reach): its
 * dates, category and service involvement changed with a reason; the previous version is kept, the
 * change audited and shown on the notification's page, and the Panel told ({@link
 * NotificationRegister#amend}).
 */
@PageController
class NotifyAmendController {

  private final NotificationRegister register;
  private final Viewers viewers;
  private final ReferenceData reference;

  NotifyAmendController(NotificationRegister register, Viewers viewers, ReferenceData reference) {
    this.register = register;
    this.viewers = viewers;
    this.reference = reference;
  }

  /** The form as typed. */
  public record AmendForm(
      @BindParam("incidentDate-day") String incidentDay,
      @BindParam("incidentDate-month") String incidentMonth,
      @BindParam("incidentDate-year") String incidentYear,
      @BindParam("awareDate-day") String awareDay,
      @BindParam("awareDate-month") String awareMonth,
      @BindParam("awareDate-year") String awareYear,
      String category,
      String cscInvolvement,
      String courtOrder,
      String livingArrangement,
      String imdDecile,
      String reason) {

    DateParts incident() {
      return new DateParts(incidentDay, incidentMonth, incidentYear);
    }

    DateParts aware() {
      return new DateParts(awareDay, awareMonth, awareYear);
    }

    static AmendForm of(Notification n) {
      boolean death = "DEATH".equals(n.notificationType());
      return new AmendForm(
          String.valueOf(n.incidentDate().getDayOfMonth()),
          String.valueOf(n.incidentDate().getMonthValue()),
          String.valueOf(n.incidentDate().getYear()),
          String.valueOf(n.awareDate().getDayOfMonth()),
          String.valueOf(n.awareDate().getMonthValue()),
          String.valueOf(n.awareDate().getYear()),
          death ? n.deathCategory() : n.harmCategory(),
          n.cscInvolvement(),
          n.courtOrder(),
          n.livingArrangement(),
          n.imdDecile() == null ? null : n.imdDecile().toString(),
          null);
    }
  }

  private static final Map<String, String> IDS =
      Map.ofEntries(
          Map.entry("incident_date", "incidentDate-day"),
          Map.entry("aware_date", "awareDate-day"),
          Map.entry("death_category", "category"),
          Map.entry("harm_category", "category"),
          Map.entry("csc_involvement", "cscInvolvement"),
          Map.entry("court_order", "courtOrder"),
          Map.entry("living_arrangement", "livingArrangement"),
          Map.entry("imd_decile", "imdDecile"),
          Map.entry("reason", "reason"),
          Map.entry("changes", "incidentDate-day"));

  /** The notification, when the person may amend it; 403 when they may not amend at all. */
  private Notification amendable(String ref, Viewer viewer) {
    if (!viewer.can(Permission.AMEND_NOTIFICATION)) {
      throw new NotAllowed();
    }
    return register
        .find(ref)
        .filter(n -> viewer.reaches(n.laCode(), n.incidentDate()))
        .orElseThrow(() -> new PageNotFoundException("notification " + ref));
  }

  /** Answered 403 with the service's page: the person may not amend notifications. */
  static final class NotAllowed extends RuntimeException {
    NotAllowed() {
      super("may not amend notifications", null, false, false);
    }
  }

  @org.springframework.web.bind.annotation.ExceptionHandler(NotAllowed.class)
  String notAllowed(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    model.addAttribute("status", 403);
    return "error/4xx";
  }

  private String page(Model model, Notification n, AmendForm form, FormErrors errors) {
    boolean death = "DEATH".equals(n.notificationType());
    model.addAttribute("n", n);
    model.addAttribute("form", form);
    model.addAttribute("incident", form.incident());
    model.addAttribute("aware", form.aware());
    model.addAttribute("errors", errors);
    model.addAttribute("death", death);
    model.addAttribute(
        "categories",
        reference.codeList(death ? CodeLists.DEATH_CATEGORY : CodeLists.HARM_CATEGORY).codes());
    model.addAttribute("cscOptions", reference.codeList(CodeLists.CSC_INVOLVEMENT).codes());
    model.addAttribute("courtOptions", reference.codeList(CodeLists.COURT_ORDER).codes());
    model.addAttribute("livingOptions", reference.codeList(CodeLists.LIVING_ARRANGEMENT).codes());
    model.addAttribute("deciles", IntStream.rangeClosed(1, 10).mapToObj(String::valueOf).toList());
    return "notification/amend";
  }

  @GetMapping("/notifications/{ref}/amend")
  String form(@PathVariable String ref, Principal principal, Model model) {
    Notification n = amendable(ref, viewers.of(principal));
    return page(model, n, AmendForm.of(n), new FormErrors());
  }

  @PostMapping("/notifications/{ref}/amend")
  String amend(
      @PathVariable String ref,
      @ModelAttribute AmendForm form,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    Notification n = amendable(ref, viewer);
    FormErrors errors = new FormErrors();
    NotifyJourney.dateProblem(errors, "incidentDate", "Date of the incident", form.incident());
    NotifyJourney.dateProblem(
        errors, "awareDate", "Date the local authority became aware", form.aware());
    if (!errors.isAny()) {
      try {
        register.amend(
            ref,
            viewer,
            new NotificationRegister.Amendment(
                form.incident().toIso(),
                form.aware().toIso(),
                NotifyJourney.str(form.category()),
                NotifyJourney.str(form.cscInvolvement()),
                NotifyJourney.str(form.courtOrder()),
                NotifyJourney.str(form.livingArrangement()),
                NotifyJourney.str(form.imdDecile()),
                form.reason()));
        return "redirect:/notifications/" + n.ref() + "?saved#amendments";
      } catch (InvalidNotificationException e) {
        for (Violation v : e.violations()) {
          String id = IDS.getOrDefault(v.field(), "reason");
          String message =
              switch (v.field()) {
                case "reason" ->
                    v.reason().startsWith("is required")
                        ? "Enter why the notification is being amended"
                        : "The reason must be "
                            + NotificationRegister.MAX_AMENDMENT_REASON
                            + " characters or fewer";
                case "changes" -> "Change at least one answer, or go back without amending";
                default -> JourneyMessages.message(v);
              };
          if ("changes".equals(v.field())) {
            // About the whole form, not one field: in the summary only.
            errors.addLink("changes", "#" + id, message);
            continue;
          }
          errors.add(id, message);
          if (id.endsWith("-day")) {
            errors.mark(id.replace("-day", ""), message);
          }
        }
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return page(model, n, form, errors);
  }
}
