package uk.gov.observatory.review.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
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
  private final CaseStory caseStory;

  CaseController(NotificationRegister register, Viewers viewers, CaseStory caseStory) {
    this.register = register;
    this.viewers = viewers;
    this.caseStory = caseStory;
  }

  /** The highest page of who has viewed a case that may be asked for. */
  static final int MAX_VIEWERS_PAGE = 100_000;

  @GetMapping("/notifications/{ref}")
  String notification(
      @PathVariable String ref,
      @RequestParam(name = "viewers", required = false) String viewersPage,
      Model model,
      HttpServletResponse response,
      Authentication signedIn) {
    int page = 1;
    if (viewersPage != null) {
      String digits = viewersPage.strip();
      page = digits.matches("[0-9]{1,6}") ? Integer.parseInt(digits) : 0;
      if (page < 1 || page > MAX_VIEWERS_PAGE) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("status", 400);
        model.addAttribute(
            "message",
            "The page of who has viewed this case (viewers) must be a whole number from 1 to "
                + String.format("%,d", MAX_VIEWERS_PAGE)
                + ".");
        return "error/4xx";
      }
    }
    Viewer viewer = viewers.of(signedIn);
    Notification n =
        register
            .view(ref, viewer)
            .orElseThrow(() -> new PageNotFoundException("notification " + ref));
    return caseStory.page(
        n, false, viewer, model, SignedIn.may(signedIn, Permission.READ_AUDIT.name()), page);
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
    return caseStory.page(
        n, identifying, viewer, model, SignedIn.may(signedIn, Permission.READ_AUDIT.name()));
  }
}
