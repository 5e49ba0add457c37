package uk.gov.observatory.notification.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.notification.InvalidNotificationException;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.notification.Violation;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;
import uk.gov.observatory.web.PageNotFoundException;

/**
 * The "Notify a serious incident" journey, its end: "Check your answers" (every broken rule listed,
 * each linking to the page that asks for it), sending the notification to the register, and the
 * confirmation with its reference.
 */
@PageController
@RequestMapping("/notify")
class NotifyCheckController {

  private final NotifyJourney journey;
  private final NotificationRegister register;
  private final Viewers viewers;

  NotifyCheckController(NotifyJourney journey, NotificationRegister register, Viewers viewers) {
    this.journey = journey;
    this.register = register;
    this.viewers = viewers;
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
    return journey.page(
        model, "notification/notify/check", d, errors, false, "/notify/other-factors");
  }

  @GetMapping("/check")
  String check(NotificationDraft d, Model model) {
    return checkPage(model, d, allErrors(journey.allViolations(d)));
  }

  @PostMapping("/check")
  String submit(NotificationDraft d, HttpSession session, Model model, HttpServletRequest request) {
    Notification n;
    try {
      n =
          register
              .notify(d.toSubmission(), null, viewers.of(request.getUserPrincipal()))
              .notification();
    } catch (InvalidNotificationException e) {
      return checkPage(model, d, allErrors(e.violations()));
    }
    NotifyJourney.end(session);
    return "redirect:/notify/confirmation/" + n.ref();
  }

  @GetMapping("/confirmation/{ref}")
  String confirmation(@PathVariable String ref, Model model, HttpServletRequest request) {
    Notification n =
        register
            .view(ref, viewers.of(request.getUserPrincipal()))
            .orElseThrow(() -> new PageNotFoundException("notification " + ref));
    model.addAttribute("n", n);
    model.addAttribute("timeliness", register.timeliness(n));
    return "notification/notify/confirmation";
  }
}
