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
  private final NotificationDrafts drafts;

  NotifyCheckController(
      NotifyJourney journey,
      NotificationRegister register,
      Viewers viewers,
      NotificationDrafts drafts) {
    this.journey = journey;
    this.register = register;
    this.viewers = viewers;
    this.drafts = drafts;
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

  /** The journey's own checks beyond the data standard's rules: asked, but not yet answered. */
  private void journeyErrors(NotificationDraft d, FormErrors errors) {
    if (journey.needsIncidentConfirmation(d)) {
      errors.addLink(
          "incident_date_confirmed",
          "/notify/incident-date?change=true#right",
          "Confirm that the date of the incident is right: it is more than a year ago");
    }
    if (journey.needsLateReason(d)) {
      errors.addLink(
          "late_reason",
          "/notify/late?change=true#lateReason",
          "Enter why the notification is later than 5 working days");
    }
  }

  private String checkPage(Model model, NotificationDraft d, FormErrors errors) {
    journey.notifiedToday(d);
    journeyErrors(d, errors);
    model.addAttribute("submission", d.toSubmission());
    model.addAttribute("lateness", journey.lateness(d));
    model.addAttribute("covidApplies", NotifyJourney.covidApplies(d));
    model.addAttribute("severalAuthorities", journey.offered(journey.viewer()).size() > 1);
    model.addAttribute(
        "deleteOn",
        d.deleteAfter == null
            ? null
            : java.time.LocalDate.ofInstant(d.deleteAfter, journey.zone()));
    return journey.page(
        model, "notification/notify/check", d, errors, false, "/notify/other-factors");
  }

  @GetMapping("/check")
  String check(NotificationDraft d, Model model) {
    return checkPage(model, d, allErrors(journey.allViolations(d)));
  }

  @PostMapping("/check")
  String submit(NotificationDraft d, HttpSession session, Model model, HttpServletRequest request) {
    journey.notifiedToday(d);
    FormErrors asked = new FormErrors();
    journeyErrors(d, asked);
    if (asked.isAny()) {
      return checkPage(model, d, allErrors(journey.allViolations(d)));
    }
    NotifyJourney.Lateness lateness = journey.lateness(d);
    String lateReason = lateness != null && lateness.late() ? d.lateReason : null;
    Notification n;
    try {
      n =
          register
              .notifyExplainingLateness(
                  d.toSubmission(), viewers.of(request.getUserPrincipal()), lateReason)
              .notification();
    } catch (InvalidNotificationException e) {
      return checkPage(model, d, allErrors(e.violations()));
    }
    if (d.draftId != null && request.getUserPrincipal() != null) {
      drafts.delete(
          request.getUserPrincipal().getName(), d.draftId, "draft sent as notification " + n.ref());
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
    model.addAttribute("lateReason", register.lateReason(n.ref()).orElse(null));
    return "notification/notify/confirmation";
  }
}
