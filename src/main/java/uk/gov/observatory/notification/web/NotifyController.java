package uk.gov.observatory.notification.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.notification.InvalidNotificationException;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.notification.NotificationRules;
import uk.gov.observatory.notification.Violation;
import uk.gov.observatory.notification.web.NotificationDraft.ChildDraft;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.web.DateParts;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;
import uk.gov.observatory.web.PageNotFoundException;

/**
 * The "Notify a serious incident" journey: one question (or a few close ones) per page, answers
 * kept in the session as a {@link NotificationDraft}, each page checked by {@link
 * NotificationRules} for its own fields, then "Check your answers" and the register.
 */
@PageController
@RequestMapping("/notify")
public class NotifyController {

  private final Viewers viewers;

  static final String DRAFT = "notificationDraft";
  private static final String FIRST = "redirect:/notify/local-authority";
  private static final String CHECK = "redirect:/notify/check";

  private final NotificationRegister register;
  private final NotificationRules rules;
  private final ReferenceData reference;
  private final Clock clock;

  public NotifyController(
      NotificationRegister register,
      NotificationRules rules,
      ReferenceData reference,
      Clock clock,
      Viewers viewers) {
    this.viewers = viewers;
    this.register = register;
    this.rules = rules;
    this.reference = reference;
    this.clock = clock;
  }

  // ---- helpers ----

  private static NotificationDraft draft(HttpSession session) {
    Object d = session.getAttribute(DRAFT);
    return d instanceof NotificationDraft nd ? nd : null;
  }

  private static NotificationDraft draftOrNew(HttpSession session) {
    NotificationDraft d = draft(session);
    if (d == null) {
      d = new NotificationDraft();
      session.setAttribute(DRAFT, d);
    }
    return d;
  }

  /** The draft, or null when the journey has not started (the caller redirects to the start). */
  private static NotificationDraft started(HttpSession session) {
    NotificationDraft d = draft(session);
    return d != null && d.isStarted() ? d : null;
  }

  private static void save(HttpSession session, NotificationDraft d) {
    session.setAttribute(DRAFT, d); // re-set so a replicated session sees the change
  }

  private String page(
      Model model,
      String view,
      NotificationDraft d,
      FormErrors errors,
      boolean change,
      String back) {
    model.addAttribute("draft", d);
    model.addAttribute("errors", errors);
    model.addAttribute("change", change);
    if (errors.isAny()
        && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
        && "POST".equals(a.getRequest().getMethod())
        && a.getResponse() != null) {
      // An answer refused: the page again, with what to change, as a 400.
      a.getResponse().setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    model.addAttribute("back", change ? "/notify/check" : back);
    return view;
  }

  /** The rules' violations of the given fields (of the notification, or of one child). */
  private List<Violation> violations(
      NotificationDraft d, List<ChildDraft> children, Set<String> fields, Integer childIndex) {
    return rules.check(d.toSubmission(children), false).violations().stream()
        .filter(v -> fields.contains(v.field()))
        .filter(
            v -> childIndex == null ? v.childIndex() == null : childIndex.equals(v.childIndex()))
        .toList();
  }

  private static void addAll(FormErrors errors, List<Violation> violations) {
    for (Violation v : violations) {
      errors.add(JourneyMessages.fieldId(v), JourneyMessages.message(v));
    }
  }

  private static void dateProblem(FormErrors errors, String prefix, String label, DateParts parts) {
    String[] problem = parts.problem(label);
    if (problem != null) {
      errors.add(prefix + "-" + problem[1], problem[0]);
      errors.mark(prefix, problem[0]);
    }
  }

  private static String str(String s) {
    return NotificationDraft.strip(s);
  }

  // ---- pages ----

  @GetMapping({"", "/"})
  public String begin() {
    return FIRST;
  }

  @GetMapping("/local-authority")
  public String localAuthority(
      @RequestParam(defaultValue = "false") boolean change, HttpSession session, Model model) {
    NotificationDraft d = draftOrNew(session);
    model.addAttribute(
        "localAuthorities", reference.localAuthoritiesInOperationOn(LocalDate.now(clock)));
    return page(model, "notification/notify/local-authority", d, new FormErrors(), change, "/");
  }

  @PostMapping("/local-authority")
  public String localAuthority(
      @RequestParam(required = false) String laCode,
      @RequestParam(defaultValue = "false") boolean change,
      HttpSession session,
      Model model) {
    NotificationDraft d = draftOrNew(session);
    d.laCode = str(laCode);
    save(session, d);
    FormErrors errors = new FormErrors();
    addAll(errors, violations(d, d.children, Set.of("la_code"), null));
    if (errors.isAny()) {
      model.addAttribute(
          "localAuthorities", reference.localAuthoritiesInOperationOn(LocalDate.now(clock)));
      return page(model, "notification/notify/local-authority", d, errors, change, "/");
    }
    return change ? CHECK : "redirect:/notify/dates";
  }

  @GetMapping("/dates")
  public String dates(
      @RequestParam(defaultValue = "false") boolean change, HttpSession session, Model model) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    return page(
        model, "notification/notify/dates", d, new FormErrors(), change, "/notify/local-authority");
  }

  @PostMapping("/dates")
  public String dates(
      @RequestParam(name = "incidentDate-day", required = false) String incidentDay,
      @RequestParam(name = "incidentDate-month", required = false) String incidentMonth,
      @RequestParam(name = "incidentDate-year", required = false) String incidentYear,
      @RequestParam(name = "awareDate-day", required = false) String awareDay,
      @RequestParam(name = "awareDate-month", required = false) String awareMonth,
      @RequestParam(name = "awareDate-year", required = false) String awareYear,
      @RequestParam(name = "notifiedDate-day", required = false) String notifiedDay,
      @RequestParam(name = "notifiedDate-month", required = false) String notifiedMonth,
      @RequestParam(name = "notifiedDate-year", required = false) String notifiedYear,
      @RequestParam(defaultValue = "false") boolean change,
      HttpSession session,
      Model model) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    d.incidentDate = new DateParts(incidentDay, incidentMonth, incidentYear);
    d.awareDate = new DateParts(awareDay, awareMonth, awareYear);
    d.notifiedDate = new DateParts(notifiedDay, notifiedMonth, notifiedYear);
    save(session, d);
    FormErrors errors = new FormErrors();
    dateProblem(errors, "incidentDate", "Date of the incident", d.incidentDate);
    dateProblem(errors, "awareDate", "Date the local authority became aware", d.awareDate);
    dateProblem(errors, "notifiedDate", "Date the Panel was notified", d.notifiedDate);
    for (Violation v :
        violations(d, d.children, Set.of("incident_date", "aware_date", "notified_date"), null)) {
      String prefix = JourneyMessages.fieldId(v).replace("-day", "");
      if (!errors.has(prefix)) {
        errors.add(JourneyMessages.fieldId(v), JourneyMessages.message(v));
        errors.mark(prefix, JourneyMessages.message(v));
      }
    }
    if (errors.isAny()) {
      return page(model, "notification/notify/dates", d, errors, change, "/notify/local-authority");
    }
    return change ? CHECK : "redirect:/notify/type";
  }

  @GetMapping("/type")
  public String type(
      @RequestParam(defaultValue = "false") boolean change, HttpSession session, Model model) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    model.addAttribute("types", reference.codeList(CodeLists.NOTIFICATION_TYPE).codes());
    return page(model, "notification/notify/type", d, new FormErrors(), change, "/notify/dates");
  }

  @PostMapping("/type")
  public String type(
      @RequestParam(required = false) String notificationType,
      @RequestParam(defaultValue = "false") boolean change,
      HttpSession session,
      Model model) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    d.notificationType = str(notificationType);
    if ("DEATH".equals(d.notificationType)) {
      d.harmCategory = null;
    } else {
      d.deathCategory = null;
    }
    save(session, d);
    FormErrors errors = new FormErrors();
    addAll(errors, violations(d, d.children, Set.of("notification_type"), null));
    if (errors.isAny()) {
      model.addAttribute("types", reference.codeList(CodeLists.NOTIFICATION_TYPE).codes());
      return page(model, "notification/notify/type", d, errors, change, "/notify/dates");
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
  public String category(
      @RequestParam(defaultValue = "false") boolean change, HttpSession session, Model model) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    if (d.notificationType == null) {
      return "redirect:/notify/type";
    }
    categories(model, d);
    return page(model, "notification/notify/category", d, new FormErrors(), change, "/notify/type");
  }

  @PostMapping("/category")
  public String category(
      @RequestParam(required = false) String category,
      @RequestParam(defaultValue = "false") boolean change,
      HttpSession session,
      Model model) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    if (d.notificationType == null) {
      return "redirect:/notify/type";
    }
    if ("DEATH".equals(d.notificationType)) {
      d.deathCategory = str(category);
    } else {
      d.harmCategory = str(category);
    }
    save(session, d);
    FormErrors errors = new FormErrors();
    addAll(errors, violations(d, d.children, Set.of("death_category", "harm_category"), null));
    if (errors.isAny()) {
      categories(model, d);
      return page(model, "notification/notify/category", d, errors, change, "/notify/type");
    }
    if (change) {
      return CHECK;
    }
    return d.children.isEmpty() ? "redirect:/notify/child" : "redirect:/notify/children";
  }

  private void childOptions(Model model) {
    model.addAttribute("genders", reference.codeList(CodeLists.GENDER).codes());
    model.addAttribute("ethnicities", reference.codeList(CodeLists.ETHNICITY).codes());
  }

  private String childPage(
      Model model,
      NotificationDraft d,
      ChildDraft child,
      int number,
      boolean isNew,
      FormErrors errors,
      boolean change) {
    childOptions(model);
    model.addAttribute("child", child);
    model.addAttribute("number", number);
    model.addAttribute("isNew", isNew);
    model.addAttribute("action", isNew ? "/notify/child" : "/notify/child/" + number);
    String back = d.children.isEmpty() ? "/notify/category" : "/notify/children";
    page(model, "notification/notify/child", d, errors, false, back);
    model.addAttribute("change", change);
    return "notification/notify/child";
  }

  @GetMapping("/child")
  public String newChild(
      @RequestParam(defaultValue = "false") boolean change, HttpSession session, Model model) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    return childPage(
        model, d, new ChildDraft(), d.children.size() + 1, true, new FormErrors(), change);
  }

  @GetMapping("/child/{number}")
  public String child(
      @PathVariable int number,
      @RequestParam(defaultValue = "false") boolean change,
      HttpSession session,
      Model model) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    if (number < 1 || number > d.children.size()) {
      return "redirect:/notify/children";
    }
    return childPage(model, d, d.children.get(number - 1), number, false, new FormErrors(), change);
  }

  @PostMapping({"/child", "/child/{number}"})
  public String child(
      @PathVariable(required = false) Integer number,
      @RequestParam(required = false) String gender,
      @RequestParam(required = false) String ageYears,
      @RequestParam(required = false) String ethnicity,
      @RequestParam(required = false) String childName,
      @RequestParam(name = "dateOfBirth-day", required = false) String dobDay,
      @RequestParam(name = "dateOfBirth-month", required = false) String dobMonth,
      @RequestParam(name = "dateOfBirth-year", required = false) String dobYear,
      @RequestParam(defaultValue = "false") boolean change,
      HttpSession session,
      Model model) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    boolean isNew = number == null;
    if (!isNew && (number < 1 || number > d.children.size())) {
      return "redirect:/notify/children";
    }
    int index = isNew ? d.children.size() : number - 1;
    ChildDraft c = new ChildDraft();
    c.gender = str(gender);
    c.ageYears = str(ageYears);
    c.ethnicity = str(ethnicity);
    c.childName = str(childName);
    c.dateOfBirth = new DateParts(dobDay, dobMonth, dobYear);
    List<ChildDraft> children = new ArrayList<>(d.children);
    if (isNew) {
      children.add(c);
    } else {
      children.set(index, c);
    }
    FormErrors errors = new FormErrors();
    dateProblem(errors, "dateOfBirth", "Date of birth", c.dateOfBirth);
    for (Violation v :
        violations(
            d,
            children,
            Set.of("gender", "age_years", "ethnicity", "child_name", "date_of_birth"),
            index)) {
      if (v.field().equals("date_of_birth") && errors.has("dateOfBirth")) {
        continue;
      }
      errors.add(JourneyMessages.fieldId(v), JourneyMessages.message(v));
      if (v.field().equals("date_of_birth")) {
        errors.mark("dateOfBirth", JourneyMessages.message(v));
      }
    }
    if (errors.isAny()) {
      return childPage(model, d, c, index + 1, isNew, errors, change);
    }
    d.children = children;
    save(session, d);
    return change ? "redirect:/notify/children?change=true" : "redirect:/notify/children";
  }

  @GetMapping("/child/{number}/remove")
  public String removeChild(@PathVariable int number, HttpSession session, Model model) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    if (number < 1 || number > d.children.size()) {
      return "redirect:/notify/children";
    }
    model.addAttribute("number", number);
    model.addAttribute("child", d.children.get(number - 1));
    return page(
        model, "notification/notify/child-remove", d, new FormErrors(), false, "/notify/children");
  }

  @PostMapping("/child/{number}/remove")
  public String removeChild(@PathVariable int number, HttpSession session) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    if (number >= 1 && number <= d.children.size()) {
      d.children.remove(number - 1);
      save(session, d);
    }
    return d.children.isEmpty() ? "redirect:/notify/child" : "redirect:/notify/children";
  }

  @GetMapping("/children")
  public String children(
      @RequestParam(defaultValue = "false") boolean change, HttpSession session, Model model) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    if (d.children.isEmpty()) {
      return "redirect:/notify/child";
    }
    childOptions(model);
    return page(
        model, "notification/notify/children", d, new FormErrors(), change, "/notify/category");
  }

  @PostMapping("/children")
  public String children(
      @RequestParam(required = false) String addAnother,
      @RequestParam(defaultValue = "false") boolean change,
      HttpSession session,
      Model model) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    if (d.children.isEmpty()) {
      return "redirect:/notify/child";
    }
    if ("yes".equals(addAnother)) {
      return change ? "redirect:/notify/child?change=true" : "redirect:/notify/child";
    }
    if ("no".equals(addAnother)) {
      return change ? CHECK : "redirect:/notify/characteristics";
    }
    childOptions(model);
    FormErrors errors =
        new FormErrors().add("addAnother", "Select yes if you need to add another child");
    return page(model, "notification/notify/children", d, errors, change, "/notify/category");
  }

  @GetMapping("/characteristics")
  public String characteristics(
      @RequestParam(defaultValue = "false") boolean change, HttpSession session, Model model) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    characteristicOptions(model);
    return page(
        model,
        "notification/notify/characteristics",
        d,
        new FormErrors(),
        change,
        "/notify/children");
  }

  private void characteristicOptions(Model model) {
    model.addAttribute(
        "characteristics", reference.codeList(CodeLists.CASE_CHARACTERISTICS).codes());
    model.addAttribute("patterns", reference.codeList(CodeLists.DOMESTIC_ABUSE_PATTERN).codes());
  }

  @PostMapping("/characteristics")
  public String characteristics(
      @RequestParam(required = false) List<String> caseCharacteristics,
      @RequestParam(required = false) String domesticAbusePattern,
      @RequestParam(defaultValue = "false") boolean change,
      HttpSession session,
      Model model) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    d.caseCharacteristics =
        caseCharacteristics == null ? new ArrayList<>() : new ArrayList<>(caseCharacteristics);
    d.domesticAbusePattern =
        d.caseCharacteristics.contains("DOMESTIC_ABUSE") ? str(domesticAbusePattern) : null;
    save(session, d);
    FormErrors errors = new FormErrors();
    addAll(
        errors,
        violations(d, d.children, Set.of("case_characteristics", "domestic_abuse_pattern"), null));
    if (errors.isAny()) {
      characteristicOptions(model);
      return page(
          model, "notification/notify/characteristics", d, errors, change, "/notify/children");
    }
    return change ? CHECK : "redirect:/notify/service";
  }

  private void serviceOptions(Model model) {
    model.addAttribute("cscOptions", reference.codeList(CodeLists.CSC_INVOLVEMENT).codes());
    model.addAttribute("courtOptions", reference.codeList(CodeLists.COURT_ORDER).codes());
    model.addAttribute("livingOptions", reference.codeList(CodeLists.LIVING_ARRANGEMENT).codes());
  }

  @GetMapping("/service")
  public String service(
      @RequestParam(defaultValue = "false") boolean change, HttpSession session, Model model) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    serviceOptions(model);
    return page(
        model,
        "notification/notify/service",
        d,
        new FormErrors(),
        change,
        "/notify/characteristics");
  }

  @PostMapping("/service")
  public String service(
      @RequestParam(required = false) String cscInvolvement,
      @RequestParam(required = false) String courtOrder,
      @RequestParam(required = false) String livingArrangement,
      @RequestParam(defaultValue = "false") boolean change,
      HttpSession session,
      Model model) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    d.cscInvolvement = str(cscInvolvement);
    d.courtOrder = str(courtOrder);
    d.livingArrangement = str(livingArrangement);
    save(session, d);
    FormErrors errors = new FormErrors();
    addAll(
        errors,
        violations(
            d, d.children, Set.of("csc_involvement", "court_order", "living_arrangement"), null));
    if (errors.isAny()) {
      serviceOptions(model);
      return page(
          model, "notification/notify/service", d, errors, change, "/notify/characteristics");
    }
    return change ? CHECK : "redirect:/notify/other-factors";
  }

  private void otherOptions(Model model) {
    model.addAttribute("covidOptions", reference.codeList(CodeLists.COVID_FACTORS).codes());
    model.addAttribute("deciles", IntStream.rangeClosed(1, 10).mapToObj(String::valueOf).toList());
  }

  @GetMapping("/other-factors")
  public String otherFactors(
      @RequestParam(defaultValue = "false") boolean change, HttpSession session, Model model) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    otherOptions(model);
    return page(
        model, "notification/notify/other-factors", d, new FormErrors(), change, "/notify/service");
  }

  @PostMapping("/other-factors")
  public String otherFactors(
      @RequestParam(required = false) List<String> covidFactors,
      @RequestParam(required = false) String imdDecile,
      @RequestParam(defaultValue = "false") boolean change,
      HttpSession session,
      Model model) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    d.covidFactors = covidFactors == null ? new ArrayList<>() : new ArrayList<>(covidFactors);
    d.imdDecile = str(imdDecile);
    save(session, d);
    FormErrors errors = new FormErrors();
    addAll(errors, violations(d, d.children, Set.of("covid_factors", "imd_decile"), null));
    if (errors.isAny()) {
      otherOptions(model);
      return page(model, "notification/notify/other-factors", d, errors, change, "/notify/service");
    }
    return "redirect:/notify/check";
  }

  private static FormErrors allErrors(List<Violation> violations) {
    FormErrors errors = new FormErrors();
    for (Violation v : violations) {
      String id = JourneyMessages.fieldId(v);
      String href = JourneyMessages.page(v) + "?change=true" + (id == null ? "" : "#" + id);
      String message =
          (v.childIndex() == null ? "" : "Child " + (v.childIndex() + 1) + ": ")
              + JourneyMessages.message(v);
      errors.addLink(v.path(), href, message);
    }
    return errors;
  }

  private String checkPage(Model model, NotificationDraft d, FormErrors errors) {
    model.addAttribute("submission", d.toSubmission());
    return page(model, "notification/notify/check", d, errors, false, "/notify/other-factors");
  }

  @GetMapping("/check")
  public String check(HttpSession session, Model model) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    return checkPage(model, d, allErrors(rules.check(d.toSubmission(), false).violations()));
  }

  @PostMapping("/check")
  public String submit(HttpSession session, Model model, HttpServletRequest request) {
    NotificationDraft d = started(session);
    if (d == null) {
      return FIRST;
    }
    Notification n;
    try {
      n =
          register
              .notify(d.toSubmission(), null, viewers.of(request.getUserPrincipal()))
              .notification();
    } catch (InvalidNotificationException e) {
      return checkPage(model, d, allErrors(e.violations()));
    }
    session.removeAttribute(DRAFT);
    return "redirect:/notify/confirmation/" + n.ref();
  }

  @GetMapping("/confirmation/{ref}")
  public String confirmation(@PathVariable String ref, Model model, HttpServletRequest request) {
    Notification n =
        register
            .view(ref, viewers.of(request.getUserPrincipal()))
            .orElseThrow(() -> new PageNotFoundException("notification " + ref));
    model.addAttribute("n", n);
    model.addAttribute("timeliness", register.timeliness(n));
    return "notification/notify/confirmation";
  }
}
