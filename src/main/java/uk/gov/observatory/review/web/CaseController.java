package uk.gov.observatory.review.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.notification.IdentifyingDetailsNotAllowedException;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.web.PageController;
import uk.gov.observatory.web.PageNotFoundException;
import uk.gov.observatory.web.SignedIn;

/**
 * The page of one notification: its answers, its timeliness and the story of its case (the rapid
 * review and LCSPR that followed, {@link CaseStory}), and who has looked at it for those who may
 * read the audit. Here rather than in the notification module because it shows the reviews too.
 */
@PageController
class CaseController {

  private final NotificationRegister register;
  private final Viewers viewers;
  private final AuditLog audit;
  private final CaseStory caseStory;

  CaseController(
      NotificationRegister register, Viewers viewers, AuditLog audit, CaseStory caseStory) {
    this.register = register;
    this.viewers = viewers;
    this.audit = audit;
    this.caseStory = caseStory;
  }

  @GetMapping("/notifications/{ref}")
  String notification(@PathVariable String ref, Model model, Authentication signedIn) {
    Viewer viewer = viewers.of(signedIn);
    Notification n =
        register
            .view(ref, viewer)
            .orElseThrow(() -> new PageNotFoundException("notification " + ref));
    return notificationPage(n, false, viewer, model, signedIn);
  }

  /**
   * The same page with the children's names and dates of birth: only on this explicit request (a
   * form post, so never in a link, the browser's history or a cache), and audited.
   */
  @PostMapping("/notifications/{ref}/identifying-details")
  String identifyingDetails(
      @PathVariable String ref,
      Model model,
      HttpServletResponse response,
      Authentication signedIn) {
    Viewer viewer = viewers.of(signedIn);
    Notification n;
    try {
      n =
          register
              .showIdentifyingDetails(ref, viewer)
              .orElseThrow(() -> new PageNotFoundException("notification " + ref));
    } catch (IdentifyingDetailsNotAllowedException e) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      model.addAttribute("status", 403);
      return "error/4xx";
    }
    return notificationPage(n, true, viewer, model, signedIn);
  }

  private String notificationPage(
      Notification n, boolean identifying, Viewer viewer, Model model, Authentication signedIn) {
    model.addAttribute("n", n);
    model.addAttribute("timeliness", register.timeliness(n));
    model.addAttribute("lateReason", register.lateReason(n.ref()).orElse(null));
    model.addAttribute("versions", register.versions(n.ref()));
    model.addAttribute("mayAmend", viewer.can(Permission.AMEND_NOTIFICATION));
    model.addAttribute("amendLabels", NotificationRegister.AMENDABLE_LABELS);
    model.addAttribute("identifying", identifying);
    model.addAttribute("mayShowIdentifying", viewer.identifyingDetails());
    caseStory.fill(model, n, viewer);
    if (SignedIn.may(signedIn, Permission.READ_AUDIT.name())) {
      model.addAttribute("views", audit.viewsOf(n.ref()));
    }
    return "review/case";
  }
}
