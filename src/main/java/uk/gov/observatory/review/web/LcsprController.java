package uk.gov.observatory.review.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.review.CaseEvent;
import uk.gov.observatory.review.CaseTimeline;
import uk.gov.observatory.review.InvalidReviewException;
import uk.gov.observatory.review.Lcspr;
import uk.gov.observatory.review.LcsprDetails;
import uk.gov.observatory.review.LcsprStatus;
import uk.gov.observatory.review.Lcsprs;
import uk.gov.observatory.review.PublicationIntention;
import uk.gov.observatory.review.Recommendation;
import uk.gov.observatory.review.ReviewConflictException;
import uk.gov.observatory.review.ReviewProblem;
import uk.gov.observatory.review.Worklists;
import uk.gov.observatory.web.DateParts;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;
import uk.gov.observatory.web.PageNotFoundException;

/**
 * Local child safeguarding practice reviews: starting one, each step of its lifecycle to
 * publication, its details and recommendations, the published report; and the worklists.
 */
@PageController
class LcsprController {

  /** The qualities a recommendation may be ticked for, as the page sends them. */
  static final List<String> SMART =
      List.of("specific", "measurable", "achievable", "relevant", "timeBound");

  private final Lcsprs lcsprs;
  private final CaseTimeline timeline;
  private final Worklists worklists;
  private final Viewers viewers;
  private final WorkingDayCalendar calendar;
  private final Clock clock;

  public LcsprController(
      Lcsprs lcsprs,
      CaseTimeline timeline,
      Worklists worklists,
      Viewers viewers,
      WorkingDayCalendar calendar,
      Clock clock) {
    this.lcsprs = lcsprs;
    this.timeline = timeline;
    this.worklists = worklists;
    this.viewers = viewers;
    this.calendar = calendar;
    this.clock = clock;
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  @GetMapping("/lcsprs")
  public String list(Model model, Principal principal) {
    Viewer viewer = viewers.of(principal);
    model.addAttribute("lcsprs", lcsprs.all(viewer));
    model.addAttribute("today", today());
    model.addAttribute("calendar", calendar);
    return "review/lcsprs";
  }

  @GetMapping("/lcsprs/new")
  public String start(
      @RequestParam(required = false) String notification, Model model, Principal principal) {
    Viewer viewer = viewers.of(principal);
    if (!viewer.can(Permission.SUBMIT_REVIEWS)) {
      throw new uk.gov.observatory.review.ReviewNotPermittedException(
          "Your role does not allow you to start an LCSPR.");
    }
    model.addAttribute("notifications", notification == null ? "" : notification);
    model.addAttribute("initiated", ReviewForm.parts(today()));
    model.addAttribute("errors", new FormErrors());
    return "review/lcspr-new";
  }

  @PostMapping("/lcsprs")
  public String initiate(
      @RequestParam(required = false) String notifications,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    DateParts initiated = ReviewForm.date(request, "initiated");
    FormErrors errors = new FormErrors();
    LocalDate on = ReviewForm.date(initiated, "initiated", "The start date", errors);
    List<String> refs =
        notifications == null
            ? List.of()
            : Arrays.stream(notifications.split("[,;\\s]+"))
                .map(s -> s.strip().toUpperCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .toList();
    if (!errors.isAny()) {
      try {
        Lcspr l = lcsprs.initiate(null, refs, on, viewer);
        return "redirect:/lcsprs/" + l.ref() + "?saved=started";
      } catch (InvalidReviewException e) {
        for (ReviewProblem p : e.problems()) {
          String id = p.field().equals("initiated_date") ? "initiated-day" : "notifications";
          errors.add(id, ReviewController.capitalise(p.message()));
          if (id.equals("initiated-day")) {
            errors.mark("initiated", ReviewController.capitalise(p.message()));
          }
        }
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("notifications", notifications);
    model.addAttribute("initiated", initiated);
    model.addAttribute("errors", errors);
    return "review/lcspr-new";
  }

  @GetMapping("/lcsprs/{ref}")
  public String page(@PathVariable String ref, Model model, Principal principal) {
    Viewer viewer = viewers.of(principal);
    Lcspr l = lcsprs.view(ref, viewer).orElseThrow(() -> new PageNotFoundException("LCSPR " + ref));
    return page(model, l, viewer, new FormErrors(), null);
  }

  private String page(Model model, Lcspr l, Viewer viewer, FormErrors errors, String conflict) {
    model.addAttribute("l", l);
    model.addAttribute("errors", errors);
    model.addAttribute("conflict", conflict);
    model.addAttribute("today", today());
    model.addAttribute("calendar", calendar);
    model.addAttribute("writes", viewer.can(Permission.SUBMIT_REVIEWS));
    model.addAttribute("dateToday", ReviewForm.parts(today()));
    model.addAttribute("blankDate", new DateParts());
    model.addAttribute(
        "intentions",
        List.of(
            new uk.gov.observatory.reference.Code(
                "INTENDS_TO_PUBLISH", "Yes, the partnership intends to publish it", null),
            new uk.gov.observatory.reference.Code("NOT_DECIDED", "Not decided yet", null)));
    List<CaseEvent> events = new ArrayList<>();
    if (!l.notificationRefs().isEmpty()) {
      for (CaseEvent e : timeline.of(l.notificationRefs().get(0), viewer)) {
        if (l.ref().equals(e.lcsprRef())) {
          events.add(e);
        }
      }
    }
    model.addAttribute("events", events);
    model.addAttribute(
        "finalState",
        l.status() == LcsprStatus.PUBLISHED || l.status() == LcsprStatus.NOT_PUBLISHING);
    return "review/lcspr";
  }

  /** Runs one step; on a broken rule or a conflict shows the page again with the reason. */
  private String step(
      String ref,
      Model model,
      Principal principal,
      HttpServletResponse response,
      String field,
      java.util.function.Function<Viewer, java.util.Optional<Lcspr>> action) {
    Viewer viewer = viewers.of(principal);
    Supplier<Lcspr> current =
        () -> lcsprs.find(ref, viewer).orElseThrow(() -> new PageNotFoundException("LCSPR " + ref));
    FormErrors errors = new FormErrors();
    try {
      // The service finds the LCSPR (a guess out of reach is audited and answered 404).
      action.apply(viewer).orElseThrow(() -> new PageNotFoundException("LCSPR " + ref));
      return "redirect:/lcsprs/" + ref + "?saved=" + field;
    } catch (InvalidReviewException e) {
      for (ReviewProblem p : e.problems()) {
        errors.add(field, ReviewController.capitalise(p.message()));
      }
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(model, current.get(), viewer, errors, null);
    } catch (ReviewConflictException e) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return page(model, current.get(), viewer, errors, e.getMessage());
    }
  }

  private static LocalDate dateOrMark(
      HttpServletRequest request, String prefix, String label, FormErrors errors) {
    LocalDate d = ReviewForm.date(ReviewForm.date(request, prefix), prefix, label, errors);
    if (d == null && !errors.isAny()) {
      errors.add(prefix + "-day", "Enter " + label.toLowerCase(Locale.ROOT));
    }
    return d;
  }

  private String dated(
      String ref,
      String prefix,
      String label,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response,
      java.util.function.BiFunction<LocalDate, Viewer, java.util.Optional<Lcspr>> action) {
    FormErrors errors = new FormErrors();
    LocalDate on = dateOrMark(request, prefix, label, errors);
    if (errors.isAny()) {
      Viewer viewer = viewers.of(principal);
      Lcspr l =
          lcsprs.find(ref, viewer).orElseThrow(() -> new PageNotFoundException("LCSPR " + ref));
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      FormErrors shown = new FormErrors();
      shown.add(prefix, errors.getList().get(0).message());
      return page(model, l, viewer, shown, null);
    }
    return step(ref, model, principal, response, prefix, v -> action.apply(on, v));
  }

  @PostMapping("/lcsprs/{ref}/complete")
  public String complete(
      @PathVariable String ref,
      @RequestParam(required = false) String version,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    return dated(
        ref,
        "completed",
        "The date it was completed",
        model,
        principal,
        request,
        response,
        (on, v) -> lcsprs.complete(ref, on, ReviewController.parseVersion(version), v));
  }

  @PostMapping("/lcsprs/{ref}/notify-publication")
  public String notifyPublication(
      @PathVariable String ref,
      @RequestParam(required = false) String version,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    return dated(
        ref,
        "noticed",
        "The date the Panel was told",
        model,
        principal,
        request,
        response,
        (on, v) -> lcsprs.notifyPublication(ref, on, ReviewController.parseVersion(version), v));
  }

  @PostMapping("/lcsprs/{ref}/publish")
  public String publish(
      @PathVariable String ref,
      @RequestParam(required = false) String version,
      @RequestParam(required = false) String publicUrl,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    return dated(
        ref,
        "published",
        "The publication date",
        model,
        principal,
        request,
        response,
        (on, v) -> lcsprs.publish(ref, on, publicUrl, ReviewController.parseVersion(version), v));
  }

  @PostMapping("/lcsprs/{ref}/not-publishing")
  public String notPublishing(
      @PathVariable String ref,
      @RequestParam(required = false) String version,
      @RequestParam(required = false) String reason,
      Model model,
      Principal principal,
      HttpServletResponse response) {
    return step(
        ref,
        model,
        principal,
        response,
        "reason",
        v -> lcsprs.decideNotToPublish(ref, reason, ReviewController.parseVersion(version), v));
  }

  @PostMapping("/lcsprs/{ref}/intention")
  public String intention(
      @PathVariable String ref,
      @RequestParam(required = false) String version,
      @RequestParam(required = false) String intention,
      Model model,
      Principal principal,
      HttpServletResponse response) {
    PublicationIntention to;
    try {
      to = PublicationIntention.valueOf(String.valueOf(intention));
    } catch (IllegalArgumentException e) {
      to = null;
    }
    PublicationIntention chosen = to;
    return step(
        ref,
        model,
        principal,
        response,
        "intention",
        v -> {
          if (chosen == null) {
            throw new InvalidReviewException("intention", "select whether it will be published");
          }
          return lcsprs.intend(ref, chosen, ReviewController.parseVersion(version), v);
        });
  }

  @PostMapping("/lcsprs/{ref}/details")
  public String details(
      @PathVariable String ref,
      @RequestParam(required = false) String version,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    LcsprDetails d =
        new LcsprDetails(
            ReviewForm.text(request, "scope"),
            ReviewForm.text(request, "reviewQuestions"),
            ReviewForm.text(request, "methodology"),
            ReviewForm.text(request, "familyInvolvement"),
            ReviewForm.text(request, "practitionerInvolvement"),
            ReviewForm.text(request, "disseminationPlan"));
    Viewer viewer = viewers.of(principal);
    Lcspr l = lcsprs.find(ref, viewer).orElseThrow(() -> new PageNotFoundException("LCSPR " + ref));
    return step(
        ref,
        model,
        principal,
        response,
        "details",
        v ->
            lcsprs.saveDetails(
                ref, d, l.recommendations(), ReviewController.parseVersion(version), v));
  }

  @PostMapping("/lcsprs/{ref}/recommendations")
  public String recommendation(
      @PathVariable String ref,
      @RequestParam(required = false) String version,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    Lcspr l = lcsprs.find(ref, viewer).orElseThrow(() -> new PageNotFoundException("LCSPR " + ref));
    FormErrors errors = new FormErrors();
    LocalDate due = ReviewForm.date(ReviewForm.date(request, "due"), "due", "The due date", errors);
    if (errors.isAny()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      FormErrors shown = new FormErrors();
      shown.add("recommendation", errors.getList().get(0).message());
      return page(model, l, viewer, shown, null);
    }
    List<String> smart =
        request.getParameterValues("smart") == null
            ? List.of()
            : List.of(request.getParameterValues("smart"));
    if (!SMART.containsAll(smart)) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(
          model,
          l,
          viewer,
          new FormErrors()
              .add(
                  "recommendation",
                  "Choose which of " + String.join(", ", SMART) + " the recommendation is"),
          null);
    }
    Recommendation r =
        new Recommendation(
            ReviewForm.text(request, "text"),
            ReviewForm.text(request, "owner"),
            due,
            smart.contains("specific"),
            smart.contains("measurable"),
            smart.contains("achievable"),
            smart.contains("relevant"),
            smart.contains("timeBound"));
    List<Recommendation> all = new ArrayList<>(l.recommendations());
    all.add(r);
    return step(
        ref,
        model,
        principal,
        response,
        "recommendation",
        v -> lcsprs.saveDetails(ref, l.details(), all, ReviewController.parseVersion(version), v));
  }

  @PostMapping("/lcsprs/{ref}/report")
  public String upload(
      @PathVariable String ref,
      @RequestParam(required = false) MultipartFile report,
      @RequestParam(required = false) String version,
      Model model,
      Principal principal,
      HttpServletResponse response)
      throws IOException {
    byte[] bytes = report == null ? null : report.getBytes();
    return step(
        ref,
        model,
        principal,
        response,
        "report",
        v ->
            lcsprs
                .uploadReport(ref, bytes, ReviewController.parseVersion(version), v)
                .flatMap(sha -> lcsprs.find(ref, v)));
  }

  @GetMapping("/lcsprs/{ref}/report.pdf")
  public ResponseEntity<byte[]> report(@PathVariable String ref, Principal principal) {
    byte[] pdf =
        lcsprs
            .report(ref, viewers.of(principal))
            .orElseThrow(() -> new PageNotFoundException("report of LCSPR " + ref));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ref + ".pdf\"")
        .body(pdf);
  }

  @GetMapping("/worklist")
  public String worklist(Model model, Principal principal) {
    Viewer viewer = viewers.of(principal);
    LocalDate today = today();
    if (viewer.can(Permission.SUBMIT_REVIEWS)) {
      model.addAttribute("partnership", worklists.forPartnership(viewer, today));
    }
    if (viewer.can(Permission.RECORD_PANEL_VIEW)) {
      model.addAttribute("panelList", worklists.forPanel(viewer, today));
      model.addAttribute("challengesAnswered", worklists.challengesAnswered(viewer));
    }
    model.addAttribute("today", today);
    return "review/worklist";
  }
}
