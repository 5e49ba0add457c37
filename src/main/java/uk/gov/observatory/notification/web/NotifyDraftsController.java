package uk.gov.observatory.notification.web;

import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.gov.observatory.web.PageController;
import uk.gov.observatory.web.PageNotFoundException;

/**
 * "Your drafts": the notifications a person has started and not sent, saved on the server as they
 * went ({@link NotificationDrafts}), to continue (on any computer, after signing out or a restart)
 * or delete. Only the owner sees a draft: another's is a page not found.
 */
@PageController
@RequestMapping("/notify/drafts")
class NotifyDraftsController {

  private final NotificationDrafts drafts;
  private final NotifyJourney journey;

  NotifyDraftsController(NotificationDrafts drafts, NotifyJourney journey) {
    this.drafts = drafts;
    this.journey = journey;
  }

  /** A draft as the list shows it: never a child's detail. */
  public record Row(
      String id,
      String laCode,
      String notificationType,
      java.time.Instant createdAt,
      java.time.Instant savedAt,
      LocalDate deleteOn) {}

  private List<Row> rows(String owner) {
    return drafts.list(owner).stream()
        .map(
            s ->
                new Row(
                    s.id(),
                    s.laCode(),
                    s.notificationType(),
                    s.createdAt(),
                    s.savedAt(),
                    LocalDate.ofInstant(s.deleteAfter(), journey.zone())))
        .toList();
  }

  @GetMapping({"", "/"})
  String list(Principal principal, @RequestParam(required = false) String deleted, Model model) {
    model.addAttribute("drafts", rows(principal.getName()));
    model.addAttribute("keepDays", drafts.keep().toDays());
    return "notification/notify/drafts";
  }

  /** Continues a draft at the first question not yet answered. */
  @GetMapping("/{id}")
  String resume(@PathVariable String id, Principal principal, HttpSession session) {
    NotificationDraft d =
        drafts
            .load(principal.getName(), id)
            .orElseThrow(() -> new PageNotFoundException("draft notification"));
    NotifyJourney.resume(session, d);
    return "redirect:" + nextPage(d);
  }

  private String nextPage(NotificationDraft d) {
    if (d.laCode == null) {
      return "/notify/local-authority";
    }
    if (d.incidentDate.toDate() == null || d.awareDate.toDate() == null) {
      return "/notify/dates";
    }
    if (journey.needsIncidentConfirmation(d)) {
      return "/notify/incident-date";
    }
    if (journey.needsLateReason(d)) {
      return "/notify/late";
    }
    if (d.notificationType == null) {
      return "/notify/type";
    }
    if (d.getCategory() == null) {
      return "/notify/category";
    }
    if (d.children.isEmpty()) {
      return "/notify/child";
    }
    if (d.cscInvolvement == null) {
      // The children so far, asking whether to add another: then the circumstances.
      return "/notify/children";
    }
    return "/notify/check";
  }

  @GetMapping("/{id}/delete")
  String confirmDelete(@PathVariable String id, Principal principal, Model model) {
    NotificationDrafts.Summary s =
        drafts
            .summary(principal.getName(), id)
            .orElseThrow(() -> new PageNotFoundException("draft notification"));
    model.addAttribute(
        "draft",
        new Row(
            s.id(),
            s.laCode(),
            s.notificationType(),
            s.createdAt(),
            s.savedAt(),
            LocalDate.ofInstant(s.deleteAfter(), journey.zone())));
    return "notification/notify/draft-delete";
  }

  @PostMapping("/{id}/delete")
  String delete(
      @PathVariable String id,
      Principal principal,
      HttpSession session,
      RedirectAttributes redirect) {
    if (!drafts.delete(principal.getName(), id, "deleted by its owner")) {
      throw new PageNotFoundException("draft notification");
    }
    if (session.getAttribute(NotifyJourney.DRAFT) instanceof NotificationDraft d
        && id.equals(d.draftId)) {
      NotifyJourney.end(session);
    }
    redirect.addFlashAttribute("deletedDraft", true);
    return "redirect:/notify/drafts";
  }
}
