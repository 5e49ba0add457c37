package uk.gov.observatory.notification.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.calendar.StatutoryDeadlines;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.notification.NotificationRules;
import uk.gov.observatory.notification.Violation;
import uk.gov.observatory.notification.web.NotificationDraft.ChildDraft;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.web.DateParts;
import uk.gov.observatory.web.FormErrors;

/**
 * What every page of the "Notify a serious incident" journey shares: the answers kept in the
 * session ({@link NotificationDraft}), the page's frame (its errors, a 400 when an answer is
 * refused, the back link), and each page's check of its own fields by {@link NotificationRules}.
 *
 * <p>A page after the first declares a {@link NotificationDraft} parameter and gets the journey's
 * answers so far; when the journey has not started (a new session, or one that ended) it is sent to
 * the first question instead, by {@link NotStarted}, the one place that check is written.
 */
@Component
class NotifyJourney implements WebMvcConfigurer {

  /** The session attribute holding the answers. */
  static final String DRAFT = "notificationDraft";

  /** The first question, where a journey that has not started begins. */
  static final String FIRST = "redirect:/notify/local-authority";

  /** "Check your answers", where a change goes back to. */
  static final String CHECK = "redirect:/notify/check";

  private final NotificationRules rules;
  private final NotificationDrafts drafts;
  private final ReferenceData reference;
  private final Viewers viewers;
  private final WorkingDayCalendar calendar;
  private final Clock clock;

  NotifyJourney(
      NotificationRules rules,
      NotificationDrafts drafts,
      ReferenceData reference,
      Viewers viewers,
      WorkingDayCalendar calendar,
      Clock clock) {
    this.rules = rules;
    this.drafts = drafts;
    this.reference = reference;
    this.viewers = viewers;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The service's time zone (its clock's). */
  java.time.ZoneId zone() {
    return clock.getZone();
  }

  /** Today, by the service's clock: the notified date of a notification sent now. */
  LocalDate today() {
    return LocalDate.now(clock);
  }

  // ---- whose journey ----

  /** The signed-in person's username, or null. */
  static String owner() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
      Principal p = a.getRequest().getUserPrincipal();
      return p == null ? null : p.getName();
    }
    return null;
  }

  Viewer viewer() {
    String owner = owner();
    return owner == null ? Viewer.nobody("anonymous") : viewers.of(owner);
  }

  /**
   * The authorities a person may notify for: the secretariat (every authority) any authority in
   * operation today; anyone else only the authorities on their account, one entry per authority
   * under its current code (a recoded authority's older code is used for an incident before its
   * change, see {@link #codeOnIncidentDate}).
   */
  List<LocalAuthority> offered(Viewer viewer) {
    if (viewer.everything()) {
      return reference.localAuthoritiesInOperationOn(today());
    }
    return reference.authorities().stream().filter(la -> viewer.reaches(la.code())).toList();
  }

  /** The authority's current code (what the picker shows as chosen). */
  String currentCode(String laCode) {
    return laCode == null
        ? null
        : reference.current(laCode).map(LocalAuthority::code).orElse(laCode);
  }

  /**
   * The authority's code in operation on the incident date (Sheffield's E08000019 for an incident
   * before May 2025, E08000039 after); the code itself when none or the date is not known.
   */
  String codeOnIncidentDate(String laCode, LocalDate incident) {
    if (laCode == null || incident == null) {
      return laCode;
    }
    return reference.sameAuthority(laCode).stream()
        .filter(la -> la.inOperationOn(incident))
        .map(LocalAuthority::code)
        .findFirst()
        .orElse(laCode);
  }

  // ---- lateness and plausibility ----

  /** How late the notification will be if sent today. */
  record Lateness(int workingDays, boolean late) {}

  /** Null until the aware date is a real date. */
  Lateness lateness(NotificationDraft d) {
    LocalDate aware = d.awareDate.toDate();
    if (aware == null) {
      return null;
    }
    int days = calendar.workingDaysBetween(aware, today());
    return new Lateness(days, days > StatutoryDeadlines.NOTIFICATION_DUTY_WORKING_DAYS);
  }

  /** True when the notification will be late and no reason is given yet. */
  boolean needsLateReason(NotificationDraft d) {
    Lateness l = lateness(d);
    return l != null && l.late() && d.lateReason == null;
  }

  /**
   * True when the incident is more than a year before today and the notifier has not confirmed that
   * date.
   */
  boolean needsIncidentConfirmation(NotificationDraft d) {
    LocalDate incident = d.incidentDate.toDate();
    return incident != null
        && incident.isBefore(today().minus(NotificationRules.CONFIRM_INCIDENT_OLDER_THAN))
        && !incident.toString().equals(d.incidentDateConfirmed);
  }

  /** Whether the COVID-19 factors are asked for this draft's incident. */
  static boolean covidApplies(NotificationDraft d) {
    return NotificationRules.covidFactorsApply(d.incidentDate.toDate());
  }

  /** The notified date of a notification sent today, as the draft keeps dates. */
  void notifiedToday(NotificationDraft d) {
    LocalDate t = today();
    d.notifiedDate =
        new DateParts(
            String.valueOf(t.getDayOfMonth()),
            String.valueOf(t.getMonthValue()),
            String.valueOf(t.getYear()));
  }

  // ---- the answers in the session ----

  private static NotificationDraft draft(HttpSession session) {
    Object d = session.getAttribute(DRAFT);
    return d instanceof NotificationDraft nd ? nd : null;
  }

  /** The answers so far, or new ones (the first question starts the journey). */
  static NotificationDraft draftOrNew(HttpSession session) {
    NotificationDraft d = draft(session);
    if (d == null) {
      d = new NotificationDraft();
      session.setAttribute(DRAFT, d);
    }
    return d;
  }

  /** Keeps the answers in the session and saves them on the server, as the signed-in person's. */
  void save(HttpSession session, NotificationDraft d) {
    String owner = owner();
    if (owner != null) {
      drafts.save(owner, d);
    }
    session.setAttribute(DRAFT, d); // re-set so a replicated session sees the change
  }

  /** Continues a saved draft: its answers become the session's. */
  static void resume(HttpSession session, NotificationDraft d) {
    session.setAttribute(DRAFT, d);
  }

  static void end(HttpSession session) {
    session.removeAttribute(DRAFT);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new StartedDraft());
  }

  /** Resolves a page's {@link NotificationDraft} parameter to the started journey's answers. */
  static final class StartedDraft implements HandlerMethodArgumentResolver {
    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType() == NotificationDraft.class;
    }

    @Override
    public Object resolveArgument(
        MethodParameter parameter,
        ModelAndViewContainer container,
        NativeWebRequest request,
        WebDataBinderFactory binderFactory) {
      Object d =
          request.getAttribute(DRAFT, NativeWebRequest.SCOPE_SESSION)
                      instanceof NotificationDraft nd
                  && nd.isStarted()
              ? nd
              : null;
      if (d == null) {
        throw new NotStarted();
      }
      return d;
    }
  }

  /** A page of the journey asked for before the journey started. */
  static final class NotStarted extends RuntimeException {
    NotStarted() {
      super("the notify journey has not started", null, false, false);
    }
  }

  /** Sends a page asked for before the journey started to the first question. */
  @ControllerAdvice(basePackageClasses = NotifyJourney.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class NotStartedAdvice {
    @ExceptionHandler(NotStarted.class)
    String toTheStart() {
      return FIRST;
    }
  }

  // ---- the page ----

  /**
   * The model every page of the journey has (its answers, errors and back link); a page shown again
   * because an answer was refused is a 400.
   */
  String page(
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

  // ---- the checks ----

  /** The rules' violations of the given fields (of the notification, or of one child). */
  List<Violation> violations(
      NotificationDraft d, List<ChildDraft> children, Set<String> fields, Integer childIndex) {
    return rules.check(d.toSubmission(children), false).violations().stream()
        .filter(v -> fields.contains(v.field()))
        .filter(
            v -> childIndex == null ? v.childIndex() == null : childIndex.equals(v.childIndex()))
        .toList();
  }

  /** The errors of the notification's own fields (not a child's) on this page. */
  FormErrors errors(NotificationDraft d, String... fields) {
    FormErrors errors = new FormErrors();
    addAll(errors, violations(d, d.children, Set.of(fields), null));
    return errors;
  }

  /** Every broken rule of the whole notification, as sent today. */
  List<Violation> allViolations(NotificationDraft d) {
    notifiedToday(d);
    return rules.check(d.toSubmission(), false).violations();
  }

  static void addAll(FormErrors errors, List<Violation> violations) {
    for (Violation v : violations) {
      errors.add(JourneyMessages.fieldId(v), JourneyMessages.message(v));
    }
  }

  static void dateProblem(FormErrors errors, String prefix, String label, DateParts parts) {
    String[] problem = parts.problem(label);
    if (problem != null) {
      errors.add(prefix + "-" + problem[1], problem[0]);
      errors.mark(prefix, problem[0]);
    }
  }

  /** An answer as kept: stripped, and null when blank. */
  static String str(String s) {
    return NotificationDraft.strip(s);
  }
}
