package uk.gov.observatory.review.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import uk.gov.observatory.reference.ReferenceData;
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
  private final ReferenceData reference;

  public LcsprController(
      Lcsprs lcsprs,
      CaseTimeline timeline,
      Worklists worklists,
      Viewers viewers,
      WorkingDayCalendar calendar,
      Clock clock,
      ReferenceData reference) {
    this.reference = reference;
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

  /** The ways the LCSPR list can be sorted, with their words. */
  static final Map<String, String> LCSPR_SORTS =
      linked(
          "started-desc", "Started, newest first",
          "due", "Publication due, soonest first",
          "due-desc", "Publication due, latest first",
          "ref", "Reference");

  /** The LCSPR list's "due" filter. */
  static final Map<String, String> LCSPR_DUE =
      linked(
          "overdue", "Past 6 months and not published",
          "due-soon", "Publication due in the next 30 days");

  /** An LCSPR as its list shows it. */
  public record LcsprRow(Lcspr lcspr, List<String> laCodes, LocalDate due, boolean overdue) {}

  @GetMapping("/lcsprs")
  public String list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String la,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String due,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String page,
      Model model,
      Principal principal,
      HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    LocalDate today = today();
    FormErrors errors = new FormErrors();
    LcsprStatus wanted = null;
    if (status != null && !status.isBlank()) {
      try {
        wanted = LcsprStatus.valueOf(status.strip());
      } catch (IllegalArgumentException e) {
        errors.add("status", "Choose a status from the list");
      }
    }
    var byLa = Listing.authority(la, reference, errors, "la");
    var byRegion = Listing.region(region, reference, errors, "region");
    if (due != null && !due.isBlank() && !LCSPR_DUE.containsKey(due.strip())) {
      errors.add("due", "Choose when publication is due from the list");
    }
    if (sort != null && !sort.isBlank() && !LCSPR_SORTS.containsKey(sort.strip())) {
      errors.add("sort", "Choose an order from the list");
    }
    Listing<LcsprRow> listing =
        new Listing<LcsprRow>("/lcsprs")
            .param("status", status)
            .param("la", la)
            .param("region", region)
            .param("due", due)
            .param("sort", sort)
            .page(page, errors);
    List<LcsprRow> rows = new ArrayList<>();
    if (!errors.isAny()) {
      String dueFilter = due == null ? "" : due.strip();
      for (Lcsprs.Listed x : lcsprs.listed(viewer)) {
        Lcspr l = x.lcspr();
        LocalDate dueDate = l.initiatedDate().plusMonths(Lcspr.PUBLICATION_MONTHS);
        LcsprRow row = new LcsprRow(l, x.laCodes(), dueDate, l.publicationOverdue(today));
        if (wanted != null && l.status() != wanted) {
          continue;
        }
        if (byLa != null && x.laCodes().stream().noneMatch(byLa)) {
          continue;
        }
        if (byRegion != null && x.laCodes().stream().noneMatch(byRegion)) {
          continue;
        }
        if (dueFilter.equals("overdue")
            && (!row.overdue() || l.status() == LcsprStatus.PUBLISHED)) {
          continue;
        }
        if (dueFilter.equals("due-soon")
            && (!l.status().active()
                || dueDate.isBefore(today)
                || dueDate.isAfter(today.plusDays(30)))) {
          continue;
        }
        rows.add(row);
      }
      Comparator<LcsprRow> byRef = Comparator.comparing(r -> r.lcspr().ref());
      Comparator<LcsprRow> order =
          switch (sort == null || sort.isBlank() ? "started-desc" : sort.strip()) {
            case "due" -> Comparator.comparing(LcsprRow::due).thenComparing(byRef);
            case "due-desc" -> Comparator.comparing(LcsprRow::due).reversed().thenComparing(byRef);
            case "ref" -> byRef;
            default ->
                Comparator.comparing((LcsprRow r) -> r.lcspr().initiatedDate())
                    .reversed()
                    .thenComparing(byRef);
          };
      rows.sort(order);
    } else {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    listing.of(rows);
    model.addAttribute("listing", listing);
    model.addAttribute("errors", errors);
    model.addAttribute("statuses", LcsprStatus.values());
    model.addAttribute("status", status);
    model.addAttribute("la", la == null ? null : la.strip());
    model.addAttribute("region", region);
    model.addAttribute("due", due);
    model.addAttribute("sort", sort == null || sort.isBlank() ? "started-desc" : sort.strip());
    model.addAttribute("sorts", LCSPR_SORTS);
    model.addAttribute("dues", LCSPR_DUE);
    model.addAttribute("localAuthorities", authoritiesOf(viewer));
    model.addAttribute("regions", reference.regions());
    model.addAttribute("filtered", listingFiltered(status, la, region, due));
    model.addAttribute("today", today);
    model.addAttribute("calendar", calendar);
    model.addAttribute("writes", viewer.can(Permission.SUBMIT_REVIEWS));
    return "review/lcsprs";
  }

  /** The authorities a filter offers the viewer: those they reach (every one for the Panel). */
  private List<uk.gov.observatory.reference.LocalAuthority> authoritiesOf(Viewer viewer) {
    if (viewer.everything()) {
      return reference.authorities();
    }
    return reference.authorities().stream()
        .filter(a -> reference.codesOf(a.code()).stream().anyMatch(viewer.laCodes()::contains))
        .toList();
  }

  private static boolean listingFiltered(String... filters) {
    return Arrays.stream(filters).anyMatch(f -> f != null && !f.isBlank());
  }

  private static Map<String, String> linked(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
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
    // never pre-filled: a date a person did not type is not recorded
    model.addAttribute("initiated", new DateParts());
    model.addAttribute("confirmAnother", false);
    model.addAttribute("errors", new FormErrors());
    return "review/lcspr-new";
  }

  @PostMapping("/lcsprs")
  public String initiate(
      @RequestParam(required = false) String notifications,
      @RequestParam(required = false) String confirmAnother,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    DateParts initiated = ReviewForm.date(request, "initiated");
    FormErrors errors = new FormErrors();
    List<String> refs =
        notifications == null
            ? List.of()
            : Arrays.stream(notifications.split("[,;\\s]+"))
                .map(s -> s.strip().toUpperCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .toList();
    if (refs.isEmpty()) {
      errors.add("notifications", "Enter the reference of a notification the review covers");
    }
    LocalDate on = ReviewForm.date(initiated, "initiated", "The date the review started", errors);
    if (initiated.isBlank()) {
      errors.add("initiated-day", "Enter the date the review started");
      errors.mark("initiated", "Enter the date the review started");
    }
    boolean confirmed = "yes".equals(confirmAnother);
    boolean askedToConfirm = false;
    if (!errors.isAny() && !confirmed) {
      // A second review of a case is rare and usually a mistake (a double click, a second try):
      // the person is told of the one going on and confirms before another is started.
      for (String ref : refs) {
        for (Lcspr other : lcsprs.of(ref, viewer)) {
          if (other.status() != LcsprStatus.WITHDRAWN) {
            errors.add(
                "confirmAnother",
                ref
                    + " already has a local review, "
                    + other.ref()
                    + " (started "
                    + uk.gov.observatory.web.Fmt.dateOf(other.initiatedDate())
                    + ", "
                    + other.status().label().toLowerCase(Locale.ROOT)
                    + "). Confirm you want to start another one covering it");
            askedToConfirm = true;
          }
        }
      }
    }
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
    model.addAttribute("confirmAnother", askedToConfirm || confirmed);
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
    return page(model, l, viewer, errors, conflict, Map.of());
  }

  private String page(
      Model model,
      Lcspr l,
      Viewer viewer,
      FormErrors errors,
      String conflict,
      Map<String, DateParts> typed) {
    model.addAttribute("l", l);
    model.addAttribute("errors", errors);
    model.addAttribute("conflict", conflict);
    model.addAttribute("today", today());
    model.addAttribute("calendar", calendar);
    // nothing more is recorded on a withdrawn review
    model.addAttribute(
        "writes", viewer.can(Permission.SUBMIT_REVIEWS) && l.status() != LcsprStatus.WITHDRAWN);
    model.addAttribute("withdrawal", lcsprs.withdrawal(l).orElse(null));
    // Date fields are never pre-filled (a blank date is refused, never taken as today); after a
    // refusal they show what was typed.
    model.addAttribute("typed", typed);
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
    model.addAttribute("finalState", l.status().isFinal());
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
    return step(ref, model, principal, response, field, Map.of(), action);
  }

  /**
   * {@link #step}, for a form with a date ({@code typed}: its prefix and what was typed): a broken
   * rule links to the date's day field and the date keeps what was typed.
   */
  private String step(
      String ref,
      Model model,
      Principal principal,
      HttpServletResponse response,
      String field,
      Map<String, DateParts> typed,
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
        String message = ReviewController.capitalise(p.message());
        if (typed.containsKey(field)) {
          errors.add(field + "-day", message);
          errors.mark(field, message);
        } else {
          errors.add(field, message);
        }
      }
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(model, current.get(), viewer, errors, null, typed);
    } catch (ReviewConflictException e) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return page(model, current.get(), viewer, errors, e.getMessage(), typed);
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
      var first = errors.getList().get(0);
      shown.add(first.key(), first.message());
      shown.mark(prefix, first.message());
      return page(model, l, viewer, shown, null, Map.of(prefix, ReviewForm.date(request, prefix)));
    }
    return step(
        ref,
        model,
        principal,
        response,
        prefix,
        Map.of(prefix, ReviewForm.date(request, prefix)),
        v -> action.apply(on, v));
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

  @PostMapping("/lcsprs/{ref}/withdraw")
  public String withdraw(
      @PathVariable String ref,
      @RequestParam(required = false) String version,
      @RequestParam(required = false) String withdrawnReason,
      Model model,
      Principal principal,
      HttpServletResponse response) {
    return step(
        ref,
        model,
        principal,
        response,
        "withdrawnReason",
        v -> lcsprs.withdraw(ref, withdrawnReason, ReviewController.parseVersion(version), v));
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

  /** The worklist's "due" filter (for the lists with a due date). */
  static final Map<String, String> WORKLIST_DUE =
      linked(
          "overdue",
          "Overdue",
          "due-soon",
          "Due in the next " + Worklists.DUE_SOON_WORKING_DAYS + " working days");

  /** The ways a worklist can be sorted, with their words. */
  static final Map<String, String> WORKLIST_SORTS =
      linked("due", "Due date, soonest first", "due-desc", "Due date, latest first");

  @GetMapping("/worklist")
  public String worklist(
      @RequestParam(required = false) String list,
      @RequestParam(required = false) String la,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String due,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String page,
      Model model,
      Principal principal,
      HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    LocalDate today = today();
    List<Worklists.WorkList> lists = worklists.lists(viewer, today);
    FormErrors errors = new FormErrors();
    // first the first list with work on it
    Worklists.WorkList chosen =
        lists.stream()
            .filter(w -> !w.rows().isEmpty())
            .findFirst()
            .orElse(lists.isEmpty() ? null : lists.get(0));
    if (list != null && !list.isBlank()) {
      chosen = lists.stream().filter(w -> w.id().equals(list.strip())).findFirst().orElse(null);
      if (chosen == null) {
        throw new PageNotFoundException("worklist " + list);
      }
    }
    var byLa = Listing.authority(la, reference, errors, "la");
    var byRegion = Listing.region(region, reference, errors, "region");
    if (due != null && !due.isBlank() && !WORKLIST_DUE.containsKey(due.strip())) {
      errors.add("due", "Choose when it is due from the list");
    }
    if (sort != null && !sort.isBlank() && !WORKLIST_SORTS.containsKey(sort.strip())) {
      errors.add("sort", "Choose an order from the list");
    }
    Listing<Worklists.Row> listing =
        new Listing<Worklists.Row>("/worklist")
            .param("list", chosen == null ? null : chosen.id())
            .param("la", la)
            .param("region", region)
            .param("due", due)
            .param("sort", sort)
            .page(page, errors);
    List<Worklists.Row> rows = new ArrayList<>();
    if (chosen != null && !errors.isAny()) {
      String dueFilter = due == null ? "" : due.strip();
      for (Worklists.Row r : chosen.rows()) {
        if (byLa != null && !byLa.test(r.laCode())) {
          continue;
        }
        if (byRegion != null && !byRegion.test(r.laCode())) {
          continue;
        }
        if (dueFilter.equals("overdue") && !r.overdue()) {
          continue;
        }
        if (dueFilter.equals("due-soon") && !r.dueSoon()) {
          continue;
        }
        rows.add(r);
      }
      if ("due-desc".equals(sort == null ? null : sort.strip()) && chosen.dueHeading() != null) {
        rows.sort(
            Comparator.comparing(
                    Worklists.Row::due, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                .reversed());
      }
    }
    if (errors.isAny()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    listing.of(rows);
    model.addAttribute("lists", lists);
    model.addAttribute("chosen", chosen);
    model.addAttribute("listing", listing);
    model.addAttribute("errors", errors);
    model.addAttribute("la", la == null ? null : la.strip());
    model.addAttribute("region", region);
    model.addAttribute("due", due);
    model.addAttribute("sort", sort == null || sort.isBlank() ? "due" : sort.strip());
    model.addAttribute("sorts", WORKLIST_SORTS);
    model.addAttribute("dues", WORKLIST_DUE);
    model.addAttribute("localAuthorities", authoritiesOf(viewer));
    model.addAttribute("regions", reference.regions());
    model.addAttribute("filtered", listingFiltered(la, region, due));
    model.addAttribute("today", today);
    return "review/worklist";
  }
}
