package uk.gov.observatory.review.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.review.CaseTimeline;
import uk.gov.observatory.review.Lcsprs;
import uk.gov.observatory.review.RapidReview;
import uk.gov.observatory.review.RapidReviews;
import uk.gov.observatory.review.ReviewClocks;

/**
 * The case page's whole story for people who read cases: the rapid review and its clock, the
 * Panel's consideration and challenges, the LCSPRs covering the case, and the timeline of events.
 */
@Component
class CaseStory {

  private final RapidReviews rapidReviews;
  private final Lcsprs lcsprs;
  private final CaseTimeline timeline;
  private final ReviewClocks clocks;
  private final WorkingDayCalendar calendar;
  private final RapidReviewText text;
  private final uk.gov.observatory.notification.NotificationRegister register;
  private final uk.gov.observatory.audit.AuditLog audit;
  private final Clock clock;

  CaseStory(
      RapidReviews rapidReviews,
      Lcsprs lcsprs,
      CaseTimeline timeline,
      ReviewClocks clocks,
      WorkingDayCalendar calendar,
      RapidReviewText text,
      uk.gov.observatory.notification.NotificationRegister register,
      uk.gov.observatory.audit.AuditLog audit,
      Clock clock) {
    this.text = text;
    this.register = register;
    this.audit = audit;
    this.rapidReviews = rapidReviews;
    this.lcsprs = lcsprs;
    this.timeline = timeline;
    this.clocks = clocks;
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * The whole case page: the notification, its timeliness, the children (their names and dates of
   * birth only when {@code identifying}), the story, and who has viewed it for {@code readsAudit}.
   */
  String page(Notification n, boolean identifying, Viewer viewer, Model model, boolean readsAudit) {
    return page(n, identifying, viewer, model, readsAudit, 1);
  }

  /**
   * The case page with page {@code viewersPage} (from 1) of who has viewed it. Past the last page
   * of people, the last page.
   */
  String page(
      Notification n,
      boolean identifying,
      Viewer viewer,
      Model model,
      boolean readsAudit,
      int viewersPage) {
    model.addAttribute("n", n);
    model.addAttribute("timeliness", register.timeliness(n));
    model.addAttribute("lateReason", register.lateReason(n.ref()).orElse(null));
    model.addAttribute("versions", register.versions(n.ref()));
    model.addAttribute("mayAmend", viewer.can(Permission.AMEND_NOTIFICATION));
    model.addAttribute("amendLabels", NotificationRegister.AMENDABLE_LABELS);
    model.addAttribute("identifying", identifying);
    model.addAttribute("mayShowIdentifying", viewer.identifyingDetails());
    fill(model, n, viewer);
    if (readsAudit) {
      uk.gov.observatory.audit.ViewerPage views = audit.viewersOf(n.ref(), viewersPage);
      model.addAttribute("views", views);
      String here = "/notifications/" + n.ref();
      model.addAttribute(
          "viewersPrevious",
          viewersPage > 1 ? here + "?viewers=" + (viewersPage - 1) + "#who-has-viewed" : null);
      model.addAttribute(
          "viewersNext",
          viewersPage < views.pages()
              ? here + "?viewers=" + (viewersPage + 1) + "#who-has-viewed"
              : null);
    }
    return "review/case";
  }

  void fill(Model model, Notification n, Viewer viewer) {
    model.addAttribute("readsCases", viewer.can(Permission.READ_CASES));
    if (!viewer.can(Permission.READ_CASES)) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    // the notification as read (and checked as within reach) already: not read again for each part
    RapidReview review = rapidReviews.find(n, viewer).orElse(null);
    model.addAttribute("review", review);
    model.addAttribute(
        "clock",
        clocks.rapidReview(n.notifiedDate(), review == null ? null : review.receivedDate(), today));
    model.addAttribute(
        "challenges", review == null ? List.of() : rapidReviews.challengesOf(review));
    model.addAttribute("lcsprs", lcsprs.of(n.ref(), viewer));
    model.addAttribute("calendar", calendar);
    model.addAttribute("today", today);
    model.addAttribute("timeline", timeline.of(n, viewer));
    model.addAttribute("writesReviews", viewer.can(Permission.SUBMIT_REVIEWS));
    model.addAttribute("panel", viewer.can(Permission.RECORD_PANEL_VIEW));
    // What the partnership wrote, read-only: once submitted, or its draft to those who write it.
    boolean textShown =
        review != null && (review.submitted() || viewer.can(Permission.SUBMIT_REVIEWS));
    model.addAttribute("reviewText", textShown ? text.groups(review.content()) : null);
  }
}
