package uk.gov.observatory.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a safeguarding partnership writes in a rapid review: the facts, what was done to keep
 * children safe, the learning and how it will be shared, the decision on a local review with its
 * rationale against regulation 11, whether the family's context and ethnicity are recorded, and
 * each of the three safeguarding partners' sign-off. Narrative fields must not name anyone: the
 * page says so ("Child 1", "the mother").
 */
public record RapidReviewContent(
    String agenciesInvolved,
    String chronology,
    String immediateActions,
    String learningIdentified,
    String disseminationPlan,
    LocalDate disseminationBy,
    Decision decision,
    NoLcsprReason noLcsprReason,
    String decisionRationale,
    Set<Regulation11Criterion> criteria,
    boolean alternativeMethodology,
    String alternativeMethodologyDetail,
    Boolean ethnicityRecorded,
    Boolean familyContextRecorded,
    LocalDate signedOffLocalAuthority,
    LocalDate signedOffHealth,
    LocalDate signedOffPolice,
    List<String> practiceThemes) {

  public static final int MAX_TEXT = 20_000;

  public RapidReviewContent {
    decision = decision == null ? Decision.UNDECIDED : decision;
    criteria = criteria == null ? Set.of() : Set.copyOf(criteria);
    practiceThemes = practiceThemes == null ? List.of() : List.copyOf(practiceThemes);
  }

  /** A rapid review with nothing written yet (decision UNDECIDED). */
  public static RapidReviewContent empty() {
    return new RapidReviewContent(
        null,
        null,
        null,
        null,
        null,
        null,
        Decision.UNDECIDED,
        null,
        null,
        Set.of(),
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of());
  }

  /**
   * Content as the data standard's rapid_reviews.csv records it: the decision, the reason for no
   * LCSPR, whether another review type is proposed and the practice themes; nothing else written.
   */
  public static RapidReviewContent recorded(
      Decision decision,
      NoLcsprReason noLcsprReason,
      boolean alternativeMethodology,
      List<String> practiceThemes) {
    return new RapidReviewContent(
        null,
        null,
        null,
        null,
        null,
        null,
        decision,
        noLcsprReason,
        null,
        Set.of(),
        alternativeMethodology,
        null,
        null,
        null,
        null,
        null,
        null,
        practiceThemes);
  }

  /** Whether all three safeguarding partners (council, health, police) have signed it off. */
  public boolean signedOffByAllPartners() {
    return signedOffLocalAuthority != null && signedOffHealth != null && signedOffPolice != null;
  }

  /**
   * What is wrong with this content for a notification made on {@code notified}, seen on {@code
   * today}, with {@code themes} the practice theme codes: empty when it may be saved.
   */
  public List<ReviewProblem> problems(LocalDate notified, LocalDate today, Set<String> themes) {
    List<ReviewProblem> problems = new ArrayList<>();
    if (noLcsprReason != null && decision != Decision.NO_LCSPR) {
      problems.add(
          new ReviewProblem(
              "no_lcspr_reason", "a reason for no LCSPR is given only with the decision NO_LCSPR"));
    }
    date(problems, "signed_off_la", signedOffLocalAuthority, notified, today);
    date(problems, "signed_off_health", signedOffHealth, notified, today);
    date(problems, "signed_off_police", signedOffPolice, notified, today);
    if (disseminationBy != null && disseminationBy.isBefore(notified)) {
      problems.add(
          new ReviewProblem(
              "dissemination_by",
              "the learning cannot be shared before the notification (" + notified + ")"));
    }
    for (String theme : practiceThemes) {
      if (!themes.contains(theme)) {
        problems.add(
            new ReviewProblem(
                "practice_themes",
                "'" + theme + "' is not a practice theme: one of " + String.join(", ", themes)));
      }
    }
    if (practiceThemes.size() != Set.copyOf(practiceThemes).size()) {
      problems.add(new ReviewProblem("practice_themes", "a practice theme is given twice"));
    }
    text(problems, "agencies_involved", agenciesInvolved);
    text(problems, "chronology", chronology);
    text(problems, "immediate_actions", immediateActions);
    text(problems, "learning_identified", learningIdentified);
    text(problems, "dissemination_plan", disseminationPlan);
    text(problems, "decision_rationale", decisionRationale);
    text(problems, "alternative_methodology_detail", alternativeMethodologyDetail);
    return problems;
  }

  private static void date(
      List<ReviewProblem> problems,
      String field,
      LocalDate d,
      LocalDate notified,
      LocalDate today) {
    if (d == null) {
      return;
    }
    if (d.isBefore(notified)) {
      problems.add(
          new ReviewProblem(
              field, "a sign-off cannot be before the notification (" + notified + ")"));
    } else if (d.isAfter(today)) {
      problems.add(new ReviewProblem(field, "a sign-off cannot be in the future"));
    }
  }

  private static void text(List<ReviewProblem> problems, String field, String value) {
    if (value != null && value.length() > MAX_TEXT) {
      problems.add(
          new ReviewProblem(field, "is longer than " + MAX_TEXT + " characters: shorten it"));
    }
  }
}
