package uk.gov.observatory.notification.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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
import uk.gov.observatory.notification.NotificationRules;
import uk.gov.observatory.notification.Violation;
import uk.gov.observatory.notification.web.NotificationDraft.ChildDraft;
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

  NotifyJourney(NotificationRules rules) {
    this.rules = rules;
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

  static void save(HttpSession session, NotificationDraft d) {
    session.setAttribute(DRAFT, d); // re-set so a replicated session sees the change
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

  /** Every broken rule of the whole notification. */
  List<Violation> allViolations(NotificationDraft d) {
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
