package uk.gov.observatory.notification.web;

import static uk.gov.observatory.notification.web.NotifyJourney.CHECK;
import static uk.gov.observatory.notification.web.NotifyJourney.FIRST;
import static uk.gov.observatory.notification.web.NotifyJourney.dateProblem;
import static uk.gov.observatory.notification.web.NotifyJourney.str;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.observatory.notification.Violation;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.web.DateParts;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;

/**
 * The "Notify a serious incident" journey, its first steps: the incident itself (the local
 * authority, the three dates, the type and its category). One question (or a few close ones) per
 * page, the answers kept in the session ({@link NotifyJourney}); then the children ({@link
 * NotifyChildrenController}), the circumstances ({@link NotifyCircumstancesController}) and "Check
 * your answers" ({@link NotifyCheckController}).
 */
@PageController
@RequestMapping("/notify")
class NotifyController {

  private final NotifyJourney journey;
  private final ReferenceData reference;
  private final Clock clock;

  NotifyController(NotifyJourney journey, ReferenceData reference, Clock clock) {
    this.journey = journey;
    this.reference = reference;
    this.clock = clock;
  }

  /** The three dates as typed, each a GOV.UK date input of day, month and year. */
  record DateAnswers(
      @BindParam("incidentDate-day") String incidentDay,
      @BindParam("incidentDate-month") String incidentMonth,
      @BindParam("incidentDate-year") String incidentYear,
      @BindParam("awareDate-day") String awareDay,
      @BindParam("awareDate-month") String awareMonth,
      @BindParam("awareDate-year") String awareYear,
      @BindParam("notifiedDate-day") String notifiedDay,
      @BindParam("notifiedDate-month") String notifiedMonth,
      @BindParam("notifiedDate-year") String notifiedYear) {}

  @GetMapping({"", "/"})
  String begin() {
    return FIRST;
  }

  private void localAuthorities(Model model) {
    model.addAttribute(
        "localAuthorities", reference.localAuthoritiesInOperationOn(LocalDate.now(clock)));
  }

  @GetMapping("/local-authority")
  String localAuthority(
      @RequestParam(defaultValue = "false") boolean change, HttpSession session, Model model) {
    NotificationDraft d = NotifyJourney.draftOrNew(session);
    localAuthorities(model);
    return journey.page(
        model, "notification/notify/local-authority", d, new FormErrors(), change, "/");
  }

  @PostMapping("/local-authority")
  String localAuthority(
      @RequestParam(required = false) String laCode,
      @RequestParam(defaultValue = "false") boolean change,
      HttpSession session,
      Model model) {
    NotificationDraft d = NotifyJourney.draftOrNew(session);
    d.laCode = str(laCode);
    NotifyJourney.save(session, d);
    FormErrors errors = journey.errors(d, "la_code");
    if (errors.isAny()) {
      localAuthorities(model);
      return journey.page(model, "notification/notify/local-authority", d, errors, change, "/");
    }
    return change ? CHECK : "redirect:/notify/dates";
  }

  @GetMapping("/dates")
  String dates(
      @RequestParam(defaultValue = "false") boolean change, NotificationDraft d, Model model) {
    return journey.page(
        model, "notification/notify/dates", d, new FormErrors(), change, "/notify/local-authority");
  }

  @PostMapping("/dates")
  String dates(
      @ModelAttribute DateAnswers dates,
      @RequestParam(defaultValue = "false") boolean change,
      NotificationDraft d,
      HttpSession session,
      Model model) {
    d.incidentDate =
        new DateParts(dates.incidentDay(), dates.incidentMonth(), dates.incidentYear());
    d.awareDate = new DateParts(dates.awareDay(), dates.awareMonth(), dates.awareYear());
    d.notifiedDate =
        new DateParts(dates.notifiedDay(), dates.notifiedMonth(), dates.notifiedYear());
    NotifyJourney.save(session, d);
    FormErrors errors = new FormErrors();
    dateProblem(errors, "incidentDate", "Date of the incident", d.incidentDate);
    dateProblem(errors, "awareDate", "Date the local authority became aware", d.awareDate);
    dateProblem(errors, "notifiedDate", "Date the Panel was notified", d.notifiedDate);
    for (Violation v :
        journey.violations(
            d, d.children, Set.of("incident_date", "aware_date", "notified_date"), null)) {
      String prefix = JourneyMessages.fieldId(v).replace("-day", "");
      if (!errors.has(prefix)) {
        errors.add(JourneyMessages.fieldId(v), JourneyMessages.message(v));
        errors.mark(prefix, JourneyMessages.message(v));
      }
    }
    if (errors.isAny()) {
      return journey.page(
          model, "notification/notify/dates", d, errors, change, "/notify/local-authority");
    }
    return change ? CHECK : "redirect:/notify/type";
  }

  private void types(Model model) {
    model.addAttribute("types", reference.codeList(CodeLists.NOTIFICATION_TYPE).codes());
  }

  @GetMapping("/type")
  String type(
      @RequestParam(defaultValue = "false") boolean change, NotificationDraft d, Model model) {
    types(model);
    return journey.page(
        model, "notification/notify/type", d, new FormErrors(), change, "/notify/dates");
  }

  @PostMapping("/type")
  String type(
      @RequestParam(required = false) String notificationType,
      @RequestParam(defaultValue = "false") boolean change,
      NotificationDraft d,
      HttpSession session,
      Model model) {
    d.notificationType = str(notificationType);
    if ("DEATH".equals(d.notificationType)) {
      d.harmCategory = null;
    } else {
      d.deathCategory = null;
    }
    NotifyJourney.save(session, d);
    FormErrors errors = journey.errors(d, "notification_type");
    if (errors.isAny()) {
      types(model);
      return journey.page(model, "notification/notify/type", d, errors, change, "/notify/dates");
    }
    if (change && d.getCategory() != null) {
      return CHECK;
    }
    return change ? "redirect:/notify/category?change=true" : "redirect:/notify/category";
  }

  private void categories(Model model, NotificationDraft d) {
    boolean death = "DEATH".equals(d.notificationType);
    model.addAttribute("death", death);
    model.addAttribute(
        "categories",
        reference.codeList(death ? CodeLists.DEATH_CATEGORY : CodeLists.HARM_CATEGORY).codes());
  }

  @GetMapping("/category")
  String category(
      @RequestParam(defaultValue = "false") boolean change, NotificationDraft d, Model model) {
    if (d.notificationType == null) {
      return "redirect:/notify/type";
    }
    categories(model, d);
    return journey.page(
        model, "notification/notify/category", d, new FormErrors(), change, "/notify/type");
  }

  @PostMapping("/category")
  String category(
      @RequestParam(required = false) String category,
      @RequestParam(defaultValue = "false") boolean change,
      NotificationDraft d,
      HttpSession session,
      Model model) {
    if (d.notificationType == null) {
      return "redirect:/notify/type";
    }
    if ("DEATH".equals(d.notificationType)) {
      d.deathCategory = str(category);
    } else {
      d.harmCategory = str(category);
    }
    NotifyJourney.save(session, d);
    FormErrors errors = journey.errors(d, "death_category", "harm_category");
    if (errors.isAny()) {
      categories(model, d);
      return journey.page(model, "notification/notify/category", d, errors, change, "/notify/type");
    }
    if (change) {
      return CHECK;
    }
    return d.children.isEmpty() ? "redirect:/notify/child" : "redirect:/notify/children";
  }
}
