package uk.gov.observatory.review.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.api.ApiController;
import uk.gov.observatory.api.Problem;
import uk.gov.observatory.api.ResourceNotFoundException;
import uk.gov.observatory.review.CaseEvent;
import uk.gov.observatory.review.CaseTimeline;
import uk.gov.observatory.review.Decision;
import uk.gov.observatory.review.InvalidReviewException;
import uk.gov.observatory.review.Lcspr;
import uk.gov.observatory.review.Lcsprs;
import uk.gov.observatory.review.NoLcsprReason;
import uk.gov.observatory.review.PanelView;
import uk.gov.observatory.review.PublicationIntention;
import uk.gov.observatory.review.RapidReview;
import uk.gov.observatory.review.RapidReviewClock;
import uk.gov.observatory.review.RapidReviewContent;
import uk.gov.observatory.review.RapidReviews;
import uk.gov.observatory.review.Regulation11Criterion;
import uk.gov.observatory.review.ReviewClocks;
import uk.gov.observatory.review.ReviewFields;
import uk.gov.observatory.review.ReviewProblem;
import uk.gov.observatory.review.Worklists;

/**
 * The JSON API of reviews: a notification's rapid review (read, write, submit, the Panel's view),
 * its timeline, LCSPRs and their lifecycle, and the caller's worklist. Scoped and audited by the
 * review services like the pages; field names follow the data standard.
 */
@ApiController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reviews", description = "Rapid reviews, the Panel's view, LCSPRs and worklists")
class ReviewsController {

  private final RapidReviews rapidReviews;
  private final Lcsprs lcsprs;
  private final CaseTimeline timeline;
  private final Worklists worklists;
  private final ReviewClocks clocks;
  private final Viewers viewers;
  private final Clock clock;
  private final uk.gov.observatory.notification.NotificationRegister register;

  public ReviewsController(
      RapidReviews rapidReviews,
      Lcsprs lcsprs,
      CaseTimeline timeline,
      Worklists worklists,
      ReviewClocks clocks,
      Viewers viewers,
      Clock clock,
      uk.gov.observatory.notification.NotificationRegister register) {
    this.register = register;
    this.rapidReviews = rapidReviews;
    this.lcsprs = lcsprs;
    this.timeline = timeline;
    this.worklists = worklists;
    this.clocks = clocks;
    this.viewers = viewers;
    this.clock = clock;
  }

  /** A rapid review as written, in the data standard's names. */
  public record RapidReviewBody(
      @JsonProperty("version") Integer version,
      @JsonProperty("agencies_involved") String agenciesInvolved,
      @JsonProperty("chronology") String chronology,
      @JsonProperty("immediate_actions") String immediateActions,
      @JsonProperty("learning_identified") String learningIdentified,
      @JsonProperty("dissemination_plan") String disseminationPlan,
      @JsonProperty("dissemination_by") String disseminationBy,
      @JsonProperty("decision") String decision,
      @JsonProperty("no_lcspr_reason") String noLcsprReason,
      @JsonProperty("decision_rationale") String decisionRationale,
      @JsonProperty("criteria") List<String> criteria,
      @JsonProperty("alternative_methodology") Boolean alternativeMethodology,
      @JsonProperty("alternative_methodology_detail") String alternativeMethodologyDetail,
      @JsonProperty("ethnicity_recorded") Boolean ethnicityRecorded,
      @JsonProperty("family_context_recorded") Boolean familyContextRecorded,
      @JsonProperty("signed_off_la") String signedOffLa,
      @JsonProperty("signed_off_health") String signedOffHealth,
      @JsonProperty("signed_off_police") String signedOffPolice,
      @JsonProperty("practice_themes") List<String> practiceThemes) {}

  /** A step with a date: a submission's received date, an LCSPR's completion, and so on. */
  public record StepBody(
      @JsonProperty("version") Integer version,
      @JsonProperty("date") String date,
      @JsonProperty("view") String view,
      @JsonProperty("reasons") String reasons,
      @JsonProperty("public_url") String publicUrl,
      @JsonProperty("to") String to) {}

  /** A new LCSPR. */
  public record NewLcspr(
      @JsonProperty("notification_refs") List<String> notificationRefs,
      @JsonProperty("initiated_date") String initiatedDate) {}

  /** The problems every change to an existing review or LCSPR may meet. */
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
  @ApiResponse(
      responseCode = "409",
      description = "The version named is no longer the current one: nothing changed",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "413",
      description = "The body is larger than 1 MB",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "415",
      description = "The body is not application/json",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "428",
      description =
          "The change does not name the version of the record it started from: nothing changed",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = Problem.class)))
  @interface ChangeProblems {}

  private Viewer viewer(HttpServletRequest request) {
    return viewers.of(request.getUserPrincipal());
  }

  @Operation(summary = "A notification's rapid review, with its clock")
  @GetMapping("/notifications/{ref}/rapid-review")
  public Map<String, Object> rapidReview(@PathVariable String ref, HttpServletRequest request) {
    RapidReview r =
        rapidReviews
            .view(ref, viewer(request))
            .orElseThrow(() -> new ResourceNotFoundException("No rapid review of '" + ref + "'."));
    return json(r);
  }

  @ChangeProblems
  @Operation(summary = "Start or save the rapid review (name the version you started from)")
  @PutMapping(
      path = "/notifications/{ref}/rapid-review",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> saveRapidReview(
      @PathVariable String ref, @RequestBody RapidReviewBody body, HttpServletRequest request) {
    RapidReview r =
        rapidReviews
            .save(ref, content(body), body.version(), viewer(request))
            .orElseThrow(() -> notFound(ref));
    return json(r);
  }

  @ChangeProblems
  @Operation(summary = "Submit the rapid review to the Panel (date: when the Panel received it)")
  @PostMapping(
      path = "/notifications/{ref}/rapid-review/submission",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> submit(
      @PathVariable String ref, @RequestBody StepBody body, HttpServletRequest request) {
    return json(
        rapidReviews
            .submit(ref, date("date", body.date(), true), body.version(), viewer(request))
            .orElseThrow(() -> notFound(ref)));
  }

  @ChangeProblems
  @Operation(summary = "Record the Panel's view (AGREE or DISAGREE) with its reasons")
  @PostMapping(
      path = "/notifications/{ref}/rapid-review/panel-view",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> panelView(
      @PathVariable String ref, @RequestBody StepBody body, HttpServletRequest request) {
    PanelView view = parse(PanelView.class, "view", body.view());
    return json(
        rapidReviews
            .recordPanelView(ref, view, body.reasons(), body.version(), viewer(request))
            .orElseThrow(() -> notFound(ref)));
  }

  @Operation(summary = "A case's timeline of events")
  @GetMapping("/notifications/{ref}/timeline")
  public List<Map<String, Object>> timeline(@PathVariable String ref, HttpServletRequest request) {
    Viewer viewer = viewer(request);
    // Reading the case: audited; a missing case and one out of reach answer 404 alike.
    register.view(ref, viewer).orElseThrow(() -> notFound(ref));
    List<Map<String, Object>> out = new ArrayList<>();
    for (CaseEvent e : timeline.of(ref, viewer)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("at", e.at().toString());
      m.put("actor", e.actor());
      m.put("event", e.event());
      m.put("from_state", e.fromState());
      m.put("to_state", e.toState());
      m.put("details", e.details());
      m.put("lcspr_ref", e.lcsprRef());
      out.add(m);
    }
    return out;
  }

  @Operation(summary = "The LCSPRs the caller reaches")
  @GetMapping("/lcsprs")
  public List<Map<String, Object>> lcsprs(HttpServletRequest request) {
    return lcsprs.all(viewer(request)).stream().map(this::json).toList();
  }

  @Operation(summary = "One LCSPR")
  @GetMapping("/lcsprs/{ref}")
  public Map<String, Object> lcspr(@PathVariable String ref, HttpServletRequest request) {
    return json(
        lcsprs
            .view(ref, viewer(request))
            .orElseThrow(() -> new ResourceNotFoundException("No LCSPR '" + ref + "'.")));
  }

  @Operation(summary = "Start an LCSPR covering one or more notifications")
  @PostMapping(path = "/lcsprs", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> initiate(@RequestBody NewLcspr body, HttpServletRequest request) {
    return json(
        lcsprs.initiate(
            null,
            body.notificationRefs(),
            date("initiated_date", body.initiatedDate(), true),
            viewer(request)));
  }

  @ChangeProblems
  @Operation(
      summary =
          "Move an LCSPR on: to COMPLETED, PUBLICATION_NOTIFIED or PUBLISHED (with date),"
              + " NOT_PUBLISHING (with reasons), or INTENDS_TO_PUBLISH / NOT_DECIDED")
  @PostMapping(path = "/lcsprs/{ref}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> transition(
      @PathVariable String ref, @RequestBody StepBody body, HttpServletRequest request) {
    Viewer v = viewer(request);
    String to = body.to() == null ? "" : body.to();
    var result =
        switch (to) {
          case "COMPLETED" ->
              lcsprs.complete(ref, date("date", body.date(), true), body.version(), v);
          case "PUBLICATION_NOTIFIED" ->
              lcsprs.notifyPublication(ref, date("date", body.date(), true), body.version(), v);
          case "PUBLISHED" ->
              lcsprs.publish(
                  ref, date("date", body.date(), true), body.publicUrl(), body.version(), v);
          case "NOT_PUBLISHING" ->
              lcsprs.decideNotToPublish(ref, body.reasons(), body.version(), v);
          case "INTENDS_TO_PUBLISH", "NOT_DECIDED" ->
              lcsprs.intend(ref, PublicationIntention.valueOf(to), body.version(), v);
          default ->
              throw new InvalidReviewException(
                  "to",
                  "one of COMPLETED, PUBLICATION_NOTIFIED, PUBLISHED, NOT_PUBLISHING,"
                      + " INTENDS_TO_PUBLISH, NOT_DECIDED");
        };
    return json(result.orElseThrow(() -> new ResourceNotFoundException("No LCSPR '" + ref + "'.")));
  }

  @Operation(summary = "The caller's worklist, as at today")
  @GetMapping("/worklist")
  public Map<String, Object> worklist(HttpServletRequest request) {
    Viewer v = viewer(request);
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("as_at", today.toString());
    if (v.can(uk.gov.observatory.access.Permission.SUBMIT_REVIEWS)) {
      var p = worklists.forPartnership(v, today);
      out.put("due_soon", refs(p.dueSoon()));
      out.put("overdue", refs(p.overdue()));
      out.put("challenges_awaiting", refs(p.challengesAwaiting()));
      out.put("lcsprs_past_six_months", p.pastSixMonths().stream().map(Lcspr::ref).toList());
    }
    if (v.can(uk.gov.observatory.access.Permission.RECORD_PANEL_VIEW)) {
      var p = worklists.forPanel(v, today);
      out.put("awaiting_panel_view", refs(p.awaitingView()));
      Map<String, Long> overdue = new LinkedHashMap<>();
      p.overdueByAuthority().forEach(o -> overdue.put(o.laCode(), o.count()));
      out.put("overdue_by_authority", overdue);
      out.put("publication_notices", p.publicationNotices().stream().map(Lcspr::ref).toList());
    }
    return out;
  }

  private static List<String> refs(List<Worklists.Item> items) {
    return items.stream().map(i -> i.notification().ref()).toList();
  }

  private static ResourceNotFoundException notFound(String ref) {
    return new ResourceNotFoundException(
        "The register holds no notification with the reference '" + ref + "'.");
  }

  private Map<String, Object> json(RapidReview r) {
    RapidReviewContent c = r.content();
    RapidReviewClock k =
        clocks.rapidReview(r.notifiedDate(), r.receivedDate(), LocalDate.now(clock));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("notification_ref", r.notificationRef());
    m.put("status", r.status().name());
    m.put("version", r.version());
    m.put("received_date", str(r.receivedDate()));
    m.put("decision", c.decision().name());
    m.put("no_lcspr_reason", c.noLcsprReason() == null ? null : c.noLcsprReason().name());
    m.put("decision_rationale", c.decisionRationale());
    m.put("criteria", c.criteria().stream().map(Enum::name).sorted().toList());
    m.put("alternative_methodology", c.alternativeMethodology());
    m.put("alternative_methodology_detail", c.alternativeMethodologyDetail());
    m.put("agencies_involved", c.agenciesInvolved());
    m.put("chronology", c.chronology());
    m.put("immediate_actions", c.immediateActions());
    m.put("learning_identified", c.learningIdentified());
    m.put("dissemination_plan", c.disseminationPlan());
    m.put("dissemination_by", str(c.disseminationBy()));
    m.put("ethnicity_recorded", c.ethnicityRecorded());
    m.put("family_context_recorded", c.familyContextRecorded());
    m.put("signed_off_la", str(c.signedOffLocalAuthority()));
    m.put("signed_off_health", str(c.signedOffHealth()));
    m.put("signed_off_police", str(c.signedOffPolice()));
    m.put("practice_themes", c.practiceThemes());
    m.put("panel_view", r.panelView() == null ? null : r.panelView().name());
    m.put("panel_view_reasons", r.panelViewReasons());
    m.put("national_review", r.nationalReview());
    m.put("quality_total", r.qualityTotal());
    Map<String, Object> clockJson = new LinkedHashMap<>();
    clockJson.put("due_date", k.dueDate().toString());
    clockJson.put("target_working_days", k.targetWorkingDays());
    clockJson.put("policy_period", k.policyPeriod());
    clockJson.put("working_days_elapsed", k.workingDaysElapsed());
    clockJson.put("on_time", k.received() ? k.onTime() : null);
    clockJson.put("overdue", k.overdue());
    m.put("clock", clockJson);
    return m;
  }

  private Map<String, Object> json(Lcspr l) {
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lcspr_ref", l.ref());
    m.put("notification_refs", l.notificationRefs());
    m.put("status", l.status().name());
    m.put("publication_status", l.publicationStatus());
    m.put("version", l.version());
    m.put("initiated_date", str(l.initiatedDate()));
    m.put("completed_date", str(l.completedDate()));
    m.put("panel_notified_of_publication_date", str(l.panelNotifiedOfPublicationDate()));
    m.put("publication_date", str(l.publicationDate()));
    m.put("not_publishing_reason", l.notPublishingReason());
    m.put("public_url", l.publicUrl());
    m.put("report_sha256", l.reportSha256());
    m.put("short_notice", l.shortNotice(clocks.calendar()));
    m.put("publication_overdue", l.publicationOverdue(today));
    return m;
  }

  private static String str(LocalDate d) {
    return d == null ? null : d.toString();
  }

  private static RapidReviewContent content(RapidReviewBody b) {
    // Every field that cannot be read is reported at once, as the page does (then the review's own
    // rules, all at once too, when every field could be read).
    List<ReviewProblem> problems = new ArrayList<>();
    Decision decision =
        b.decision() == null
            ? Decision.UNDECIDED
            : read(problems, () -> parse(Decision.class, "decision", b.decision()));
    NoLcsprReason reason =
        b.noLcsprReason() == null
            ? null
            : read(
                problems, () -> parse(NoLcsprReason.class, "no_lcspr_reason", b.noLcsprReason()));
    Set<Regulation11Criterion> criteria = EnumSet.noneOf(Regulation11Criterion.class);
    if (b.criteria() != null) {
      for (String c : b.criteria()) {
        Regulation11Criterion criterion =
            read(problems, () -> parse(Regulation11Criterion.class, "criteria", c));
        if (criterion != null) {
          criteria.add(criterion);
        }
      }
    }
    LocalDate by = read(problems, () -> date("dissemination_by", b.disseminationBy(), false));
    LocalDate la = read(problems, () -> date("signed_off_la", b.signedOffLa(), false));
    LocalDate health = read(problems, () -> date("signed_off_health", b.signedOffHealth(), false));
    LocalDate police = read(problems, () -> date("signed_off_police", b.signedOffPolice(), false));
    if (!problems.isEmpty()) {
      throw new InvalidReviewException(problems);
    }
    return new RapidReviewContent(
        b.agenciesInvolved(),
        b.chronology(),
        b.immediateActions(),
        b.learningIdentified(),
        b.disseminationPlan(),
        by,
        decision,
        reason,
        b.decisionRationale(),
        criteria,
        Boolean.TRUE.equals(b.alternativeMethodology()),
        b.alternativeMethodologyDetail(),
        b.ethnicityRecorded(),
        b.familyContextRecorded(),
        la,
        health,
        police,
        b.practiceThemes());
  }

  /** A field's value, or null with its problems added to the list when it cannot be read. */
  private static <T> T read(List<ReviewProblem> problems, java.util.function.Supplier<T> field) {
    try {
      return field.get();
    } catch (InvalidReviewException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private static LocalDate date(String field, String value, boolean required) {
    return ReviewFields.date(field, value, required);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException | NullPointerException e) {
      List<String> allowed = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        allowed.add(c.name());
      }
      throw new InvalidReviewException(
          field, "'" + value + "' is not allowed: one of " + String.join(", ", allowed));
    }
  }
}
