package uk.gov.observatory.notification.web;

import static uk.gov.observatory.notification.web.NotifyJourney.CHECK;
import static uk.gov.observatory.notification.web.NotifyJourney.FIRST;
import static uk.gov.observatory.notification.web.NotifyJourney.dateProblem;
import static uk.gov.observatory.notification.web.NotifyJourney.str;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.observatory.notification.NotificationRules;
import uk.gov.observatory.notification.Violation;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.LocalAuthority;
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
  private final NotificationDrafts drafts;

  NotifyController(NotifyJourney journey, ReferenceData reference, NotificationDrafts drafts) {
    this.journey = journey;
    this.reference = reference;
    this.drafts = drafts;
  }

  /** The two dates as typed, each a GOV.UK date input of day, month and year. */
  record DateAnswers(
      @BindParam("incidentDate-day") String incidentDay,
      @BindParam("incidentDate-month") String incidentMonth,
      @BindParam("incidentDate-year") String incidentYear,
      @BindParam("awareDate-day") String awareDay,
      @BindParam("awareDate-month") String awareMonth,
      @BindParam("awareDate-year") String awareYear) {}

  /** "Notify a serious incident": the person's drafts first, when they have any. */
  @GetMapping({"", "/"})
  String begin() {
    String owner = NotifyJourney.owner();
    return owner != null && !drafts.list(owner).isEmpty() ? "redirect:/notify/drafts" : FIRST;
  }

  /** A new notification: whatever the session held is put aside (it stays among the drafts). */
  @GetMapping("/new")
  String startNew(HttpSession session) {
    NotifyJourney.end(session);
    return FIRST;
  }

  private void localAuthorities(Model model, NotificationDraft d, List<LocalAuthority> offered) {
    model.addAttribute("localAuthorities", offered);
    model.addAttribute("chosen", journey.currentCode(d.laCode));
    model.addAttribute("everyAuthority", journey.viewer().everything());
  }

  @GetMapping("/local-authority")
  String localAuthority(
      @RequestParam(defaultValue = "false") boolean change, HttpSession session, Model model) {
    NotificationDraft d = NotifyJourney.draftOrNew(session);
    List<LocalAuthority> offered = journey.offered(journey.viewer());
    if (offered.size() == 1) {
      // One authority: no question. The journey starts with it, at the dates.
      if (d.laCode == null || !journey.currentCode(d.laCode).equals(offered.get(0).code())) {
        d.laCode = journey.codeOnIncidentDate(offered.get(0).code(), d.incidentDate.toDate());
      }
      return change ? CHECK : "redirect:/notify/dates";
    }
    localAuthorities(model, d, offered);
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
    List<LocalAuthority> offered = journey.offered(journey.viewer());
    String given = str(laCode);
    FormErrors errors = new FormErrors();
    if (given == null) {
      errors.add("laCode", "Select the local authority");
    } else if (offered.stream().noneMatch(la -> la.code().equals(journey.currentCode(given)))) {
      errors.add("laCode", "Select one of the local authorities in the list");
    }
    if (errors.isAny()) {
      localAuthorities(model, d, offered);
      return journey.page(model, "notification/notify/local-authority", d, errors, change, "/");
    }
    d.laCode = journey.codeOnIncidentDate(given, d.incidentDate.toDate());
    journey.save(session, d);
    return change ? CHECK : "redirect:/notify/dates";
  }

  private String datesBack() {
    return journey.offered(journey.viewer()).size() == 1 ? "/" : "/notify/local-authority";
  }

  private String datesPage(Model model, NotificationDraft d, FormErrors errors, boolean change) {
    model.addAttribute("today", journey.today());
    return journey.page(model, "notification/notify/dates", d, errors, change, datesBack());
  }

  @GetMapping("/dates")
  String dates(
      @RequestParam(defaultValue = "false") boolean change, NotificationDraft d, Model model) {
    return datesPage(model, d, new FormErrors(), change);
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
    journey.notifiedToday(d);
    LocalDate incident = d.incidentDate.toDate();
    d.laCode = journey.codeOnIncidentDate(d.laCode, incident);
    if (!NotifyJourney.covidApplies(d)) {
      d.covidFactors = new ArrayList<>();
    }
    FormErrors errors = new FormErrors();
    if (d.incidentDate.isBlank()) {
      errors.add("incidentDate-day", "Enter the date of the incident");
      errors.mark("incidentDate", "Enter the date of the incident");
    }
    if (d.awareDate.isBlank()) {
      errors.add(
          "awareDate-day", "Enter the date the local authority became aware of the incident");
      errors.mark("awareDate", "Enter the date the local authority became aware of the incident");
    }
    dateProblem(errors, "incidentDate", "Date of the incident", d.incidentDate);
    dateProblem(errors, "awareDate", "Date the local authority became aware", d.awareDate);
    if (incident != null
        && !errors.has("incidentDate")
        && incident.isBefore(NotificationRules.NOTIFICATION_DUTY_BEGAN)) {
      String message =
          "Date of the incident must be on or after 29 June 2018, when the duty to notify the"
              + " Panel began";
      errors.add("incidentDate-day", message);
      errors.mark("incidentDate", message);
    }
    for (Violation v :
        journey.violations(d, d.children, Set.of("incident_date", "aware_date", "la_code"), null)) {
      String prefix =
          v.field().equals("la_code")
              ? "incidentDate"
              : JourneyMessages.fieldId(v).replace("-day", "");
      if (!errors.has(prefix)) {
        errors.add(prefix + "-day", JourneyMessages.message(v));
        errors.mark(prefix, JourneyMessages.message(v));
      }
    }
    journey.save(session, d);
    if (errors.isAny()) {
      return datesPage(model, d, errors, change);
    }
    if (journey.needsIncidentConfirmation(d)) {
      return change
          ? "redirect:/notify/incident-date?change=true"
          : "redirect:/notify/incident-date";
    }
    return afterDates(d, change);
  }

  /** After the dates (and their confirmation): the reason for lateness when late, else on. */
  private String afterDates(NotificationDraft d, boolean change) {
    NotifyJourney.Lateness l = journey.lateness(d);
    if (l != null && l.late()) {
      return change ? "redirect:/notify/late?change=true" : "redirect:/notify/late";
    }
    d.lateReason = null;
    return change ? CHECK : "redirect:/notify/type";
  }

  // ---- "Is the incident date right?" ----

  private String confirmPage(Model model, NotificationDraft d, FormErrors errors, boolean change) {
    model.addAttribute("incident", d.incidentDate.toDate());
    model.addAttribute("today", journey.today());
    return journey.page(
        model, "notification/notify/incident-date", d, errors, change, "/notify/dates");
  }

  @GetMapping("/incident-date")
  String confirmIncident(
      @RequestParam(defaultValue = "false") boolean change, NotificationDraft d, Model model) {
    if (d.incidentDate.toDate() == null) {
      return "redirect:/notify/dates";
    }
    return confirmPage(model, d, new FormErrors(), change);
  }

  @PostMapping("/incident-date")
  String confirmIncident(
      @RequestParam(required = false) String right,
      @RequestParam(defaultValue = "false") boolean change,
      NotificationDraft d,
      HttpSession session,
      Model model) {
    LocalDate incident = d.incidentDate.toDate();
    if (incident == null) {
      return "redirect:/notify/dates";
    }
    String answer = str(right);
    if (!"yes".equals(answer) && !"no".equals(answer)) {
      FormErrors errors = new FormErrors();
      errors.add("right", "Select yes if the date of the incident is right");
      return confirmPage(model, d, errors, change);
    }
    if ("no".equals(answer)) {
      d.incidentDateConfirmed = null;
      journey.save(session, d);
      return change ? "redirect:/notify/dates?change=true" : "redirect:/notify/dates";
    }
    d.incidentDateConfirmed = incident.toString();
    journey.save(session, d);
    return afterDates(d, change);
  }

  // ---- the reason for lateness ----

  private String latePage(Model model, NotificationDraft d, FormErrors errors, boolean change) {
    model.addAttribute("lateness", journey.lateness(d));
    model.addAttribute("today", journey.today());
    return journey.page(model, "notification/notify/late", d, errors, change, "/notify/dates");
  }

  @GetMapping("/late")
  String late(
      @RequestParam(defaultValue = "false") boolean change, NotificationDraft d, Model model) {
    NotifyJourney.Lateness l = journey.lateness(d);
    if (l == null || !l.late()) {
      return change ? CHECK : "redirect:/notify/type";
    }
    return latePage(model, d, new FormErrors(), change);
  }

  @PostMapping("/late")
  String late(
      @RequestParam(required = false) String lateReason,
      @RequestParam(defaultValue = "false") boolean change,
      NotificationDraft d,
      HttpSession session,
      Model model) {
    NotifyJourney.Lateness l = journey.lateness(d);
    if (l == null || !l.late()) {
      return change ? CHECK : "redirect:/notify/type";
    }
    d.lateReason = str(lateReason);
    journey.save(session, d);
    FormErrors errors = new FormErrors();
    if (d.lateReason == null) {
      errors.add("lateReason", "Enter why the notification is later than 5 working days");
    } else if (d.lateReason.length() > MAX_LATE_REASON) {
      errors.add("lateReason", "The reason must be " + MAX_LATE_REASON + " characters or fewer");
    }
    if (errors.isAny()) {
      return latePage(model, d, errors, change);
    }
    return change ? CHECK : "redirect:/notify/type";
  }

  /** The longest reason for lateness kept. */
  static final int MAX_LATE_REASON = 2000;

  private String typeBack(NotificationDraft d) {
    NotifyJourney.Lateness l = journey.lateness(d);
    return l != null && l.late() ? "/notify/late" : "/notify/dates";
  }

  private void types(Model model) {
    model.addAttribute("types", reference.codeList(CodeLists.NOTIFICATION_TYPE).codes());
  }

  @GetMapping("/type")
  String type(
      @RequestParam(defaultValue = "false") boolean change, NotificationDraft d, Model model) {
    types(model);
    return journey.page(
        model, "notification/notify/type", d, new FormErrors(), change, typeBack(d));
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
    journey.save(session, d);
    FormErrors errors = journey.errors(d, "notification_type");
    if (errors.isAny()) {
      types(model);
      return journey.page(model, "notification/notify/type", d, errors, change, typeBack(d));
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
    journey.save(session, d);
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
