package uk.gov.observatory.review.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.InvalidReviewException;
import uk.gov.observatory.review.PanelView;
import uk.gov.observatory.review.QualityCriterion;
import uk.gov.observatory.review.RapidReview;
import uk.gov.observatory.review.RapidReviewContent;
import uk.gov.observatory.review.RapidReviews;
import uk.gov.observatory.review.Regulation11Criterion;
import uk.gov.observatory.review.ReviewConflictException;
import uk.gov.observatory.review.ReviewNotPermittedException;
import uk.gov.observatory.review.ReviewProblem;
import uk.gov.observatory.web.DateParts;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;
import uk.gov.observatory.web.PageNotFoundException;

/**
 * The rapid review pages: the partnership writes and submits it; the Panel records its view,
 * assesses it, considers it for a national review, and challenges it (a thread both answer).
 */
@PageController
class ReviewController {

  private final RapidReviews rapidReviews;
  private final NotificationRegister register;
  private final Viewers viewers;
  private final ReferenceData reference;
  private final RapidReviewText text;
  private final CaseStory caseStory;
  private final uk.gov.observatory.web.Fmt fmt;
  private final Clock clock;

  public ReviewController(
      RapidReviews rapidReviews,
      NotificationRegister register,
      Viewers viewers,
      ReferenceData reference,
      RapidReviewText text,
      CaseStory caseStory,
      uk.gov.observatory.web.Fmt fmt,
      Clock clock) {
    this.caseStory = caseStory;
    this.fmt = fmt;
    this.rapidReviews = rapidReviews;
    this.register = register;
    this.viewers = viewers;
    this.reference = reference;
    this.text = text;
    this.clock = clock;
  }

  /** The case, read by the viewer (audited as viewed; a guess out of reach audited as refused). */
  private Notification reachable(String ref, Viewer viewer) {
    return register
        .view(ref, viewer)
        .orElseThrow(() -> new PageNotFoundException("notification " + ref));
  }

  private static void require(Viewer viewer, Permission permission, String what) {
    if (!viewer.can(permission)) {
      throw new ReviewNotPermittedException("Your role does not allow you to " + what + ".");
    }
  }

  // The partnership's rapid review

  @GetMapping("/notifications/{ref}/rapid-review")
  public String edit(@PathVariable String ref, Model model, Principal principal) {
    Viewer viewer = viewers.of(principal);
    Notification n = reachable(ref, viewer);
    if (!viewer.can(Permission.SUBMIT_REVIEWS) && viewer.can(Permission.READ_CASES)) {
      // The Panel reads the rapid review; it never gets the partnership's form.
      return "redirect:/notifications/" + ref + "/rapid-review/read";
    }
    require(viewer, Permission.SUBMIT_REVIEWS, "write rapid reviews");
    Optional<RapidReview> review = rapidReviews.find(ref, viewer);
    ReviewForm form =
        review
            .map(r -> ReviewForm.of(r.content(), r.version()))
            .orElse(ReviewForm.of(RapidReviewContent.empty(), 0));
    return form(model, n, review.orElse(null), form, new FormErrors(), new DateParts(), null);
  }

  /**
   * The rapid review form, one form with two buttons: Save keeps a new version; Submit saves
   * everything typed first, then checks what submission needs (the three sign-off dates and the
   * date the Panel received it) and, when something is missing, lists every missing item with all
   * the typed values kept in the fields. A save that meets someone else's newer version (a
   * conflict) keeps both texts: the person's own in the fields, the other version's shown above.
   */
  @PostMapping("/notifications/{ref}/rapid-review")
  public String save(
      @PathVariable String ref,
      @RequestParam(required = false) String action,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    Notification n = reachable(ref, viewer);
    // Refused (and audited) before anything typed is read.
    rapidReviews.require(viewer, Permission.SUBMIT_REVIEWS, ref, "write rapid reviews");
    boolean submit = "submit".equals(action);
    ReviewForm form = ReviewForm.from(request);
    DateParts received = ReviewForm.date(request, "receivedDate");
    FormErrors errors = new FormErrors();
    RapidReviewContent content = form.toContent(errors);
    LocalDate receivedDate = null;
    if (submit) {
      missingForSubmission(form, errors);
      receivedDate =
          ReviewForm.date(received, "receivedDate", "The date the Panel received it", errors);
      if (receivedDate == null && !errors.has("receivedDate")) {
        errors.add("receivedDate-day", "Enter the date the Panel received the rapid review");
        errors.mark("receivedDate", "Enter the date the Panel received the rapid review");
      }
    }
    RapidReview current = rapidReviews.find(ref, viewer).orElse(null);
    Integer savedVersion = null;
    if (content != null) {
      try {
        boolean unchanged =
            submit
                && current != null
                && current.content().equals(content)
                && Integer.valueOf(current.version()).equals(form.expectedVersion());
        // Submitting what is already saved adds no version of its own.
        RapidReview stored =
            unchanged
                ? current
                : rapidReviews
                    .save(ref, content, form.expectedVersion(), viewer)
                    .orElseThrow(() -> new PageNotFoundException("notification " + ref));
        if (!submit) {
          return "redirect:/notifications/" + ref + "?saved=rapid-review#rapid-review";
        }
        current = stored;
        savedVersion = stored.version();
        // What was typed is saved: a second press starts from this version.
        form.version = String.valueOf(stored.version());
      } catch (InvalidReviewException e) {
        add(errors, e.problems());
      } catch (ReviewConflictException e) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        return conflict(model, n, ref, viewer, form, content, errors, received, e);
      }
    }
    if (submit && savedVersion != null && !errors.isAny()) {
      try {
        rapidReviews.submit(ref, receivedDate, savedVersion, viewer);
        return "redirect:/notifications/" + ref + "?saved=submitted#rapid-review";
      } catch (InvalidReviewException e) {
        for (ReviewProblem p : e.problems()) {
          String id =
              switch (p.field()) {
                case "received_date" -> "receivedDate-day";
                case "sign_off" -> "signedOffLa-day";
                default -> "submit";
              };
          errors.add(id, capitalise(p.message()));
          if (id.endsWith("-day")) {
            errors.mark(id.substring(0, id.length() - "-day".length()), capitalise(p.message()));
          }
        }
      } catch (ReviewConflictException e) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        return conflict(model, n, ref, viewer, form, content, errors, received, e);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("savedDraft", savedVersion);
    return form(model, n, current, form, errors, received, null);
  }

  /** What submission needs that the form leaves blank: each sign-off date, named. */
  private static void missingForSubmission(ReviewForm form, FormErrors errors) {
    String[][] partners = {
      {"signedOffLa", "the local authority"},
      {"signedOffHealth", "health"},
      {"signedOffPolice", "the police"}
    };
    for (String[] p : partners) {
      DateParts d =
          switch (p[0]) {
            case "signedOffLa" -> form.signedOffLa;
            case "signedOffHealth" -> form.signedOffHealth;
            default -> form.signedOffPolice;
          };
      if (d.isBlank() && !errors.has(p[0])) {
        String message =
            "Enter the date "
                + p[1]
                + " signed off the rapid review: it is submitted only when all three safeguarding"
                + " partners have signed it off";
        errors.add(p[0] + "-day", message);
        errors.mark(p[0], message);
      }
    }
  }

  /**
   * A save that met a newer version: the person's own text stays in the fields (not saved), the
   * version saved meanwhile is shown above it, and the form now starts from that version, so saving
   * again (after comparing) replaces it on purpose.
   */
  private String conflict(
      Model model,
      Notification n,
      String ref,
      Viewer viewer,
      ReviewForm form,
      RapidReviewContent mine,
      FormErrors errors,
      DateParts received,
      ReviewConflictException e) {
    RapidReview theirs = rapidReviews.find(ref, viewer).orElse(null);
    String message =
        "You started from version "
            + e.expectedVersion()
            + "; version "
            + e.currentVersion()
            + " was saved meanwhile.";
    if (theirs != null) {
      form.version = String.valueOf(theirs.version());
      model.addAttribute("theirs", theirs);
      model.addAttribute("theirsGroups", text.groups(theirs.content()));
      List<uk.gov.observatory.review.RapidReviewVersion> versions =
          rapidReviews.versions(ref, viewer);
      model.addAttribute(
          "theirsBy",
          versions.isEmpty()
              ? null
              : versions.get(versions.size() - 1).recordedBy()
                  + " on "
                  + fmt.dateTime(versions.get(versions.size() - 1).recordedAt()));
      model.addAttribute(
          "conflictSections",
          mine == null
              ? List.of()
              : text.changes(theirs.content(), mine).stream()
                  .map(RapidReviewText.Change::label)
                  .toList());
    }
    return form(model, n, theirs, form, errors, received, message);
  }

  /**
   * Submits what is already saved (the API's way, kept for forms from before the page's one form):
   * the page itself submits through {@link #save} with the Submit button, saving first.
   */
  @PostMapping("/notifications/{ref}/rapid-review/submit")
  public String submit(
      @PathVariable String ref,
      @RequestParam(required = false) String version,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    Notification n = reachable(ref, viewer);
    DateParts received = ReviewForm.date(request, "receivedDate");
    FormErrors errors = new FormErrors();
    LocalDate date = ReviewForm.date(received, "receivedDate", "The received date", errors);
    if (!errors.isAny() && date == null) {
      errors.add("receivedDate-day", "Enter the date the Panel received the rapid review");
      errors.mark("receivedDate", "Enter the date the Panel received the rapid review");
    }
    RapidReview current = rapidReviews.find(ref, viewer).orElse(null);
    if (!errors.isAny()) {
      try {
        rapidReviews.submit(ref, date, parseVersion(version), viewer);
        return "redirect:/notifications/" + ref + "?saved=submitted#rapid-review";
      } catch (InvalidReviewException e) {
        for (ReviewProblem p : e.problems()) {
          String id = p.field().equals("received_date") ? "receivedDate-day" : "submit";
          errors.add(id, capitalise(p.message()));
          if (id.equals("receivedDate-day")) {
            errors.mark("receivedDate", capitalise(p.message()));
          }
        }
      } catch (ReviewConflictException e) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        ReviewForm form = ReviewForm.of(current.content(), current.version());
        return form(model, n, current, form, errors, received, e.getMessage());
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    ReviewForm form =
        current == null
            ? ReviewForm.of(RapidReviewContent.empty(), 0)
            : ReviewForm.of(current.content(), current.version());
    return form(model, n, current, form, errors, received, null);
  }

  private String form(
      Model model,
      Notification n,
      RapidReview review,
      ReviewForm form,
      FormErrors errors,
      DateParts received,
      String conflict) {
    model.addAttribute("n", n);
    model.addAttribute("review", review);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("received", received);
    model.addAttribute("conflict", conflict);
    model.addAttribute("decisions", reference.codeList("rapid_review_decision").codes());
    model.addAttribute("reasons", reference.codeList("no_lcspr_reason").codes());
    model.addAttribute("criteria", Regulation11Criterion.values());
    model.addAttribute("themes", reference.codeList(CodeLists.PRACTICE_THEMES).codes());
    model.addAttribute(
        "yesNo",
        List.of(
            new uk.gov.observatory.reference.Code("yes", "Yes", null),
            new uk.gov.observatory.reference.Code("no", "No", null)));
    return "review/rapid-review";
  }

  /**
   * The rapid review read-only, with its versions and what each changed: for everyone who reads
   * cases (the Panel first). A draft is shown only to those who write rapid reviews. Audited as
   * viewed.
   */
  @GetMapping("/notifications/{ref}/rapid-review/read")
  public String read(@PathVariable String ref, Model model, Principal principal) {
    Viewer viewer = viewers.of(principal);
    Notification n = reachable(ref, viewer);
    require(viewer, Permission.READ_CASES, "read rapid reviews");
    RapidReview review = rapidReviews.view(ref, viewer).orElse(null);
    boolean shown = review != null && (review.submitted() || viewer.can(Permission.SUBMIT_REVIEWS));
    model.addAttribute("n", n);
    model.addAttribute("review", review);
    model.addAttribute("shown", shown);
    model.addAttribute("panel", viewer.can(Permission.RECORD_PANEL_VIEW));
    if (shown) {
      model.addAttribute("groups", text.groups(review.content()));
      model.addAttribute("history", text.history(rapidReviews.versions(ref, viewer)));
    }
    return "review/rapid-review-read";
  }

  // The Panel's consideration

  @GetMapping("/notifications/{ref}/consideration")
  public String consideration(@PathVariable String ref, Model model, Principal principal) {
    Viewer viewer = viewers.of(principal);
    Notification n = reachable(ref, viewer);
    require(viewer, Permission.RECORD_PANEL_VIEW, "record the Panel's consideration");
    return considerationPage(model, n, viewer, new FormErrors(), null, null, null);
  }

  private String considerationPage(
      Model model,
      Notification n,
      Viewer viewer,
      FormErrors errors,
      String view,
      String reasons,
      String conflict) {
    RapidReview review =
        rapidReviews
            .find(n.ref(), viewer)
            .orElseThrow(() -> new PageNotFoundException("rapid review of " + n.ref()));
    model.addAttribute("n", n);
    model.addAttribute("review", review);
    model.addAttribute("groups", text.groups(review.content()));
    model.addAttribute("history", text.history(rapidReviews.versions(n.ref(), viewer)));
    model.addAttribute("errors", errors);
    model.addAttribute("view", view != null ? view : nameOf(review.panelView()));
    model.addAttribute("reasons", reasons != null ? reasons : review.panelViewReasons());
    model.addAttribute("criteria", QualityCriterion.values());
    model.addAttribute("views", reference.codeList("panel_view").codes());
    model.addAttribute("conflict", conflict);
    return "review/consideration";
  }

  @PostMapping("/notifications/{ref}/panel-view")
  public String panelView(
      @PathVariable String ref,
      @RequestParam(required = false) String view,
      @RequestParam(required = false) String reasons,
      @RequestParam(required = false) String version,
      Model model,
      Principal principal,
      HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    Notification n = reachable(ref, viewer);
    FormErrors errors = new FormErrors();
    PanelView chosen = null;
    if (view == null || view.isBlank()) {
      errors.add("view", "Select whether the Panel agrees with the decision");
    } else {
      try {
        chosen = PanelView.valueOf(view);
      } catch (IllegalArgumentException e) {
        errors.add("view", "Select agree or disagree");
      }
    }
    if (!errors.isAny()) {
      try {
        rapidReviews.recordPanelView(ref, chosen, reasons, parseVersion(version), viewer);
        return "redirect:/notifications/" + ref + "?saved=panel-view#rapid-review";
      } catch (InvalidReviewException e) {
        for (ReviewProblem p : e.problems()) {
          errors.add(
              p.field().equals("panel_view_reasons") ? "reasons" : "view", capitalise(p.message()));
        }
      } catch (ReviewConflictException e) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        return considerationPage(model, n, viewer, errors, view, reasons, e.getMessage());
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return considerationPage(model, n, viewer, errors, view, reasons, null);
  }

  @PostMapping("/notifications/{ref}/quality")
  public String quality(
      @PathVariable String ref,
      @RequestParam(required = false) String version,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    Notification n = reachable(ref, viewer);
    Map<QualityCriterion, Integer> scores = new EnumMap<>(QualityCriterion.class);
    for (QualityCriterion c : QualityCriterion.values()) {
      String v = request.getParameter("quality-" + c.name());
      if (v != null && v.matches("[012]")) {
        scores.put(c, v.charAt(0) - '0');
      }
    }
    FormErrors errors = new FormErrors();
    try {
      rapidReviews.assessQuality(ref, scores, parseVersion(version), viewer);
      return "redirect:/notifications/" + ref + "?saved=quality#rapid-review";
    } catch (ReviewConflictException e) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return considerationPage(model, n, viewer, errors, null, null, e.getMessage());
    } catch (InvalidReviewException e) {
      for (ReviewProblem p : e.problems()) {
        String id =
            p.field().startsWith("quality_")
                ? "quality-" + p.field().substring("quality_".length()).toUpperCase()
                : "quality";
        errors.add(id, capitalise(p.message()));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return considerationPage(model, n, viewer, errors, null, null, null);
  }

  @PostMapping("/notifications/{ref}/national-review")
  public String nationalReview(
      @PathVariable String ref,
      @RequestParam(required = false) String consider,
      @RequestParam(required = false) String version,
      Model model,
      Principal principal,
      HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    Notification n = reachable(ref, viewer);
    try {
      rapidReviews.considerForNationalReview(
          ref, "yes".equals(consider), parseVersion(version), viewer);
    } catch (ReviewConflictException e) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return considerationPage(model, n, viewer, new FormErrors(), null, null, e.getMessage());
    } catch (InvalidReviewException e) {
      FormErrors errors = new FormErrors();
      for (ReviewProblem p : e.problems()) {
        errors.add("national-review", capitalise(p.message()));
      }
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return considerationPage(model, n, viewer, errors, null, null, null);
    }
    return "redirect:/notifications/" + ref + "?saved=national-review#rapid-review";
  }

  @PostMapping("/notifications/{ref}/challenges")
  public String challenge(
      @PathVariable String ref,
      @RequestParam(required = false) String question,
      Model model,
      Principal principal,
      HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    Notification n = reachable(ref, viewer);
    FormErrors errors = new FormErrors();
    try {
      if (question != null && question.length() > RapidReviewContent.MAX_TEXT) {
        throw new InvalidReviewException("question", "the question " + TOO_LONG);
      }
      rapidReviews.challenge(ref, question, viewer);
      return "redirect:/notifications/" + ref + "?saved=challenge#challenges";
    } catch (InvalidReviewException e) {
      e.problems().forEach(p -> errors.add("question", capitalise(p.message())));
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("question", question);
    return considerationPage(model, n, viewer, errors, null, null, null);
  }

  @PostMapping("/notifications/{ref}/challenges/{id}/replies")
  public String reply(
      @PathVariable String ref,
      @PathVariable long id,
      @RequestParam(required = false) String body,
      @RequestParam(required = false) String close,
      Principal principal,
      HttpServletResponse response,
      Model model) {
    Viewer viewer = viewers.of(principal);
    Notification n = reachable(ref, viewer);
    if (!ReviewForm.isTickedOrNot(close)) {
      return refused(
          response, model, ref, "Close the challenge is either ticked (yes) or not sent at all");
    }
    try {
      if (body != null && body.length() > RapidReviewContent.MAX_TEXT) {
        throw new InvalidReviewException("body", "your reply " + TOO_LONG);
      }
      rapidReviews
          .reply(id, body, "yes".equals(close), viewer)
          .orElseThrow(() -> new PageNotFoundException("challenge " + id));
      return "redirect:/notifications/" + ref + "?saved=reply#challenges";
    } catch (InvalidReviewException e) {
      // Back to the case page, the reply box marked with what is wrong and what was typed kept.
      FormErrors errors = new FormErrors();
      String message =
          String.join(". ", e.problems().stream().map(p -> capitalise(p.message())).toList());
      if (e.problems().stream().anyMatch(p -> p.field().equals("body"))) {
        message = message.replace("Enter your reply", "Enter your reply before pressing Send");
      }
      errors.add("reply-" + id, message);
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errors", errors);
      model.addAttribute("replyId", id);
      model.addAttribute("replyBody", body);
      return caseStory.page(n, false, viewer, model, viewer.can(Permission.READ_AUDIT));
    }
  }

  /**
   * The national-review form with an answer that is neither yes nor no (or none): refused, nothing
   * changed. A mapping of its own, so that such a request never reaches the change.
   */
  @PostMapping(
      value = "/notifications/{ref}/national-review",
      params = {"consider!=yes", "consider!=no"})
  public String nationalReviewNeitherYesNorNo(
      @PathVariable String ref, Principal principal, HttpServletResponse response, Model model) {
    reachable(ref, viewers.of(principal));
    return refused(
        response,
        model,
        ref,
        "Whether to consider the case for a national review is yes or no; nothing was changed");
  }

  /** What a challenge or a reply may hold at most, as a rapid review's texts. */
  private static final String TOO_LONG =
      "is longer than " + RapidReviewContent.MAX_TEXT + " characters: shorten it";

  /** The refusal page (400) with its message and a link back to the case's challenges. */
  private static String refused(
      HttpServletResponse response, Model model, String ref, String message) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("status", 400);
    model.addAttribute("message", message);
    model.addAttribute("back", "/notifications/" + ref + "#challenges");
    return "review/refused";
  }

  private static void add(FormErrors errors, List<ReviewProblem> problems) {
    for (ReviewProblem p : problems) {
      String id = fieldId(p.field());
      errors.add(id, capitalise(p.message()));
      if (id.endsWith("-day")) {
        errors.mark(id.substring(0, id.length() - "-day".length()), capitalise(p.message()));
      }
    }
  }

  /** The form field a problem's field name is about. */
  static String fieldId(String field) {
    return switch (field) {
      case "no_lcspr_reason" -> "noLcsprReason";
      case "sign_off" -> "signedOffLa-day";
      case "signed_off_la" -> "signedOffLa-day";
      case "signed_off_health" -> "signedOffHealth-day";
      case "signed_off_police" -> "signedOffPolice-day";
      case "dissemination_by" -> "disseminationBy-day";
      case "practice_themes" -> "practiceThemes";
      case "agencies_involved" -> "agenciesInvolved";
      case "chronology" -> "chronology";
      case "immediate_actions" -> "immediateActions";
      case "learning_identified" -> "learningIdentified";
      case "dissemination_plan" -> "disseminationPlan";
      case "decision_rationale" -> "decisionRationale";
      case "alternative_methodology_detail" -> "alternativeMethodologyDetail";
      default -> "decision";
    };
  }

  /**
   * The version a form names (a hidden field every change form carries): null when missing (the
   * service then refuses the change), -1 when it is not a whole number of ASCII digits (a
   * conflict).
   */
  static Integer parseVersion(String version) {
    if (version == null || version.isBlank()) {
      return null;
    }
    String v = version.strip();
    if (!v.matches("[0-9]{1,9}")) {
      return -1;
    }
    return Integer.valueOf(v);
  }

  static String capitalise(String s) {
    return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String nameOf(Enum<?> e) {
    return e == null ? null : e.name();
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }
}
