package uk.gov.observatory.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A rapid review of one notification, as stored, with the rules of its life: written as a DRAFT,
 * submitted once (signed off by all three safeguarding partners, received no earlier than the
 * notification and not in the future), amended afterwards as new versions, and considered by the
 * Panel (a view only on a submitted review with a decision).
 */
public record RapidReview(
    long id,
    String notificationRef,
    String laCode,
    LocalDate incidentDate,
    LocalDate notifiedDate,
    RapidReviewStatus status,
    int version,
    LocalDate receivedDate,
    RapidReviewContent content,
    PanelView panelView,
    String panelViewReasons,
    String panelViewBy,
    Instant panelViewAt,
    boolean nationalReview,
    Map<QualityCriterion, Integer> quality) {

  public RapidReview {
    quality = quality == null ? Map.of() : Map.copyOf(quality);
  }

  /** A new draft for a notification. */
  public static RapidReview draft(
      String notificationRef,
      String laCode,
      LocalDate incidentDate,
      LocalDate notifiedDate,
      RapidReviewContent content) {
    return new RapidReview(
        0,
        notificationRef,
        laCode,
        incidentDate,
        notifiedDate,
        RapidReviewStatus.DRAFT,
        1,
        null,
        content,
        null,
        null,
        null,
        null,
        false,
        Map.of());
  }

  /**
   * A rapid review as the data standard's rapid_reviews.csv records it (an import): submitted when
   * it has a received date, a draft otherwise, with the Panel's view when given, at its first
   * version. The rules of the pages hold: the content's ({@link RapidReviewContent#problems}),
   * received on or after the notification and not in the future, and the Panel's view only on a
   * decided, submitted review. Not those the standard does not record: the three partners' sign-off
   * and the Panel's reasons. The facts of the case (authority, incident) are the notification's,
   * read with the review, so may be null here. Every broken rule is thrown at once.
   */
  public static RapidReview recorded(
      String notificationRef,
      LocalDate notifiedDate,
      LocalDate received,
      RapidReviewContent content,
      PanelView view,
      String by,
      Instant at,
      LocalDate today,
      java.util.Set<String> themes) {
    List<ReviewProblem> problems = new ArrayList<>(content.problems(notifiedDate, today, themes));
    RapidReviewStatus status =
        received == null ? RapidReviewStatus.DRAFT : RapidReviewStatus.SUBMITTED;
    if (received != null) {
      receivedOnOrAfterItsNotification(problems, received, notifiedDate, today);
    }
    if (view != null) {
      panelViewOnlyOnADecidedSubmittedReview(problems, status, content.decision());
    }
    if (!problems.isEmpty()) {
      throw new InvalidReviewException(problems);
    }
    return new RapidReview(
        0,
        notificationRef,
        null,
        null,
        notifiedDate,
        status,
        1,
        received,
        content,
        view,
        null,
        view == null ? null : by,
        view == null ? null : at,
        false,
        Map.of());
  }

  /**
   * This review, as recorded by a file, in place of {@code before} (the same notification's): the
   * next version of {@code before} with the file's status, received date, decision, reason for no
   * LCSPR, alternative methodology, practice themes and Panel's view; what only the pages record
   * stays (the Panel's reasons too while its view is the same).
   */
  public RapidReview replacing(RapidReview before) {
    RapidReviewContent c = before.content;
    RapidReviewContent merged =
        new RapidReviewContent(
            c.agenciesInvolved(),
            c.chronology(),
            c.immediateActions(),
            c.learningIdentified(),
            c.disseminationPlan(),
            c.disseminationBy(),
            content.decision(),
            content.noLcsprReason(),
            c.decisionRationale(),
            c.criteria(),
            content.alternativeMethodology(),
            c.alternativeMethodologyDetail(),
            c.ethnicityRecorded(),
            c.familyContextRecorded(),
            c.signedOffLocalAuthority(),
            c.signedOffHealth(),
            c.signedOffPolice(),
            content.practiceThemes());
    boolean sameView = panelView != null && panelView == before.panelView;
    return new RapidReview(
        before.id,
        before.notificationRef,
        before.laCode,
        before.incidentDate,
        before.notifiedDate,
        status,
        before.version + 1,
        receivedDate,
        merged,
        panelView,
        sameView ? before.panelViewReasons : null,
        sameView ? before.panelViewBy : panelViewBy,
        sameView ? before.panelViewAt : panelViewAt,
        before.nationalReview,
        before.quality);
  }

  /** The rule: a rapid review is received on or after its notification, and not in the future. */
  private static void receivedOnOrAfterItsNotification(
      List<ReviewProblem> problems, LocalDate received, LocalDate notified, LocalDate today) {
    if (notified != null && received.isBefore(notified)) {
      problems.add(
          new ReviewProblem(
              "received_date",
              "a rapid review cannot be received before its notification (" + notified + ")"));
    } else if (received.isAfter(today)) {
      problems.add(new ReviewProblem("received_date", "the received date cannot be in the future"));
    }
  }

  /**
   * The rule: the Panel gives its view only on a submitted rapid review, and none on one whose
   * decision is UNDECIDED.
   */
  private static void panelViewOnlyOnADecidedSubmittedReview(
      List<ReviewProblem> problems, RapidReviewStatus status, Decision decision) {
    if (status != RapidReviewStatus.SUBMITTED) {
      problems.add(
          new ReviewProblem(
              "panel_view", "the Panel gives its view only on a submitted rapid review"));
    } else if (decision == Decision.UNDECIDED) {
      problems.add(
          new ReviewProblem(
              "panel_view",
              "the partnership has not decided on an LCSPR yet: the Panel gives no view on an"
                  + " undecided review (challenge it instead)"));
    }
  }

  public boolean submitted() {
    return status == RapidReviewStatus.SUBMITTED;
  }

  /**
   * The same review with new content: a draft stays a draft; a submitted review is amended (the
   * Panel's view stays on record, but a decision changed to UNDECIDED is refused once viewed) and
   * stays signed off by all three safeguarding partners.
   */
  public RapidReview withContent(RapidReviewContent changed) {
    if (panelView != null && changed.decision() == Decision.UNDECIDED) {
      throw new InvalidReviewException(
          "decision",
          "the Panel has given its view on this review's decision, so it cannot become UNDECIDED");
    }
    if (submitted() && !changed.signedOffByAllPartners()) {
      throw new InvalidReviewException(
          "sign_off",
          "a submitted rapid review stays signed off by all three safeguarding partners: the"
              + " local authority, health and police");
    }
    return nextVersion(
        status,
        receivedDate,
        changed,
        panelView,
        panelViewReasons,
        panelViewBy,
        panelViewAt,
        nationalReview,
        quality);
  }

  /**
   * Sends the review to the Panel, received on {@code received}. A rapid review is submitted once,
   * signed off by the local authority, health and police, and received no earlier than the
   * notification and not after {@code today}.
   */
  public RapidReview submit(LocalDate received, LocalDate today) {
    List<ReviewProblem> problems = new ArrayList<>();
    if (submitted()) {
      problems.add(
          new ReviewProblem(
              "status", "this rapid review was already submitted on " + receivedDate));
    }
    if (received == null) {
      problems.add(new ReviewProblem("received_date", "enter the date the Panel received it"));
    } else {
      receivedOnOrAfterItsNotification(problems, received, notifiedDate, today);
    }
    if (!content.signedOffByAllPartners()) {
      problems.add(
          new ReviewProblem(
              "sign_off",
              "a rapid review is submitted only when signed off by all three safeguarding"
                  + " partners: the local authority, health and police"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidReviewException(problems);
    }
    return nextVersion(
        RapidReviewStatus.SUBMITTED,
        received,
        content,
        panelView,
        panelViewReasons,
        panelViewBy,
        panelViewAt,
        nationalReview,
        quality);
  }

  /**
   * The Panel's view of the decision. The Panel considers only a submitted review, gives no view on
   * an undecided one, and always says why.
   */
  public RapidReview withPanelView(PanelView view, String reasons, String by, Instant at) {
    List<ReviewProblem> problems = new ArrayList<>();
    panelViewOnlyOnADecidedSubmittedReview(problems, status, content.decision());
    if (view == null) {
      problems.add(new ReviewProblem("panel_view", "choose AGREE or DISAGREE"));
    }
    if (reasons == null || reasons.isBlank()) {
      problems.add(new ReviewProblem("panel_view_reasons", "give the Panel's reasons"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidReviewException(problems);
    }
    return nextVersion(
        status, receivedDate, content, view, reasons.strip(), by, at, nationalReview, quality);
  }

  /** Marked (or unmarked) by the Panel for consideration for a national review. */
  public RapidReview withNationalReview(boolean consider) {
    return nextVersion(
        status,
        receivedDate,
        content,
        panelView,
        panelViewReasons,
        panelViewBy,
        panelViewAt,
        consider,
        quality);
  }

  /**
   * The Panel's assessment against the criteria for an effective rapid review: every criterion
   * scored 0, 1 or 2, on a submitted review.
   */
  public RapidReview withQuality(Map<QualityCriterion, Integer> scores) {
    List<ReviewProblem> problems = new ArrayList<>();
    if (!submitted()) {
      problems.add(
          new ReviewProblem("quality", "the Panel assesses only a submitted rapid review"));
    }
    Map<QualityCriterion, Integer> all = new EnumMap<>(QualityCriterion.class);
    for (QualityCriterion c : QualityCriterion.values()) {
      Integer score = scores == null ? null : scores.get(c);
      if (score == null || score < 0 || score > 2) {
        problems.add(
            new ReviewProblem(
                "quality_" + c.name().toLowerCase(java.util.Locale.ROOT),
                "score '" + c.label() + "' 0 (absent), 1 (partly) or 2 (fully)"));
      } else {
        all.put(c, score);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidReviewException(problems);
    }
    return nextVersion(
        status,
        receivedDate,
        content,
        panelView,
        panelViewReasons,
        panelViewBy,
        panelViewAt,
        nationalReview,
        all);
  }

  /** The quality assessment's total (0-12), or null when not assessed. */
  public Integer qualityTotal() {
    return quality.isEmpty() ? null : quality.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Whether the review proposes a review type other than an LCSPR: not allowed under Working
   * Together 2018, so flagged wherever the review is shown.
   */
  public boolean proposesAlternativeMethodology() {
    return content.alternativeMethodology();
  }

  /** The next version of this review, with these values (the case's facts stay the same). */
  private RapidReview nextVersion(
      RapidReviewStatus status,
      LocalDate received,
      RapidReviewContent content,
      PanelView view,
      String reasons,
      String by,
      Instant at,
      boolean national,
      Map<QualityCriterion, Integer> quality) {
    return new RapidReview(
        id,
        notificationRef,
        laCode,
        incidentDate,
        notifiedDate,
        status,
        version + 1,
        received,
        content,
        view,
        reasons,
        by,
        at,
        national,
        quality);
  }
}
