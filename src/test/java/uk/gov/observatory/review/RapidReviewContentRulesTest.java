package uk.gov.observatory.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a partnership may write in a rapid review (no Spring, no database). */
class RapidReviewContentRulesTest {

  static final LocalDate NOTIFIED = LocalDate.of(2020, 12, 14);
  static final LocalDate TODAY = LocalDate.of(2021, 1, 20);

  static List<String> problems(RapidReviewContent c) {
    return c.problems(NOTIFIED, TODAY, Reviews.THEMES).stream()
        .map(p -> p.field() + ": " + p.message())
        .toList();
  }

  static RapidReviewContent with(
      RapidReviewContent c,
      Decision decision,
      NoLcsprReason reason,
      String chronology,
      LocalDate disseminationBy,
      List<String> themes) {
    return new RapidReviewContent(
        c.agenciesInvolved(),
        chronology,
        c.immediateActions(),
        c.learningIdentified(),
        c.disseminationPlan(),
        disseminationBy,
        decision,
        reason,
        c.decisionRationale(),
        c.criteria(),
        c.alternativeMethodology(),
        c.alternativeMethodologyDetail(),
        c.ethnicityRecorded(),
        c.familyContextRecorded(),
        c.signedOffLocalAuthority(),
        c.signedOffHealth(),
        c.signedOffPolice(),
        themes);
  }

  static final RapidReviewContent GOOD = Reviews.signedOff(Decision.LCSPR, NOTIFIED.plusDays(7));

  @Test
  @DisplayName("complete content, signed off between the notification and today, has no problems")
  void completeContentHasNoProblems() {
    assertThat(problems(GOOD)).isEmpty();
    assertThat(problems(RapidReviewContent.empty())).isEmpty();
    assertThat(problems(Reviews.signedOff(Decision.LCSPR, NOTIFIED))).isEmpty();
    assertThat(problems(Reviews.signedOff(Decision.LCSPR, TODAY))).isEmpty();
  }

  @Test
  @DisplayName("a decision left blank is UNDECIDED")
  void aDecisionLeftBlankIsUndecided() {
    assertThat(with(GOOD, null, null, "x", null, List.of()).decision())
        .isEqualTo(Decision.UNDECIDED);
  }

  @Test
  @DisplayName("a reason for no LCSPR is given only with the decision NO_LCSPR")
  void aReasonForNoLcsprIsGivenOnlyWithTheDecisionNoLcspr() {
    for (Decision d : List.of(Decision.LCSPR, Decision.UNDECIDED)) {
      assertThat(problems(with(GOOD, d, NoLcsprReason.NO_NEW_LEARNING, "x", null, List.of())))
          .containsExactly(
              "no_lcspr_reason: a reason for no LCSPR is given only with the decision NO_LCSPR");
    }
    assertThat(
            problems(
                with(GOOD, Decision.NO_LCSPR, NoLcsprReason.NO_NEW_LEARNING, "x", null, List.of())))
        .isEmpty();
    assertThat(problems(with(GOOD, Decision.NO_LCSPR, null, "x", null, List.of())))
        .as("the reason is optional")
        .isEmpty();
  }

  @Test
  @DisplayName("a sign-off cannot be before the notification")
  void aSignOffCannotBeBeforeTheNotification() {
    LocalDate before = NOTIFIED.minusDays(1);
    LocalDate ok = NOTIFIED.plusDays(1);
    assertThat(problems(Reviews.content(Decision.LCSPR, before, ok, ok)))
        .containsExactly(
            "signed_off_la: a sign-off cannot be before the notification (2020-12-14)");
    assertThat(problems(Reviews.content(Decision.LCSPR, ok, before, ok)))
        .containsExactly(
            "signed_off_health: a sign-off cannot be before the notification (2020-12-14)");
    assertThat(problems(Reviews.content(Decision.LCSPR, ok, ok, before)))
        .containsExactly(
            "signed_off_police: a sign-off cannot be before the notification (2020-12-14)");
  }

  @Test
  @DisplayName("a sign-off cannot be in the future")
  void aSignOffCannotBeInTheFuture() {
    LocalDate future = TODAY.plusDays(1);
    assertThat(problems(Reviews.content(Decision.LCSPR, future, future, future)))
        .containsExactly(
            "signed_off_la: a sign-off cannot be in the future",
            "signed_off_health: a sign-off cannot be in the future",
            "signed_off_police: a sign-off cannot be in the future");
  }

  @Test
  @DisplayName("a partner not yet signed off is not a problem while drafting")
  void aPartnerNotYetSignedOffIsNotAProblemWhileDrafting() {
    assertThat(problems(Reviews.content(Decision.LCSPR, null, null, NOTIFIED))).isEmpty();
  }

  @Test
  @DisplayName("practice themes come from the Panel's list, each once")
  void practiceThemesComeFromThePanelsListEachOnce() {
    assertThat(
            problems(
                with(
                    GOOD,
                    Decision.LCSPR,
                    null,
                    "x",
                    null,
                    List.of("CHILD_DAILY_LIFE", "CRITICAL_THINKING"))))
        .isEmpty();
    assertThat(problems(with(GOOD, Decision.LCSPR, null, "x", null, List.of("BAD_THEME"))))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("practice_themes: 'BAD_THEME' is not a practice theme");
    assertThat(
            problems(
                with(
                    GOOD,
                    Decision.LCSPR,
                    null,
                    "x",
                    null,
                    List.of("CHANGING_RISK", "CHANGING_RISK"))))
        .containsExactly("practice_themes: a practice theme is given twice");
  }

  @Test
  @DisplayName("narrative text is at most 20,000 characters")
  void narrativeTextIsAtMost20000Characters() {
    String longest = "a".repeat(RapidReviewContent.MAX_TEXT);
    assertThat(RapidReviewContent.MAX_TEXT).isEqualTo(20_000);
    assertThat(problems(with(GOOD, Decision.LCSPR, null, longest, null, List.of()))).isEmpty();
    assertThat(problems(with(GOOD, Decision.LCSPR, null, longest + "a", null, List.of())))
        .containsExactly("chronology: is longer than 20000 characters: shorten it");
  }

  @Test
  @DisplayName("the learning cannot be shared before the notification")
  void theLearningCannotBeSharedBeforeTheNotification() {
    assertThat(problems(with(GOOD, Decision.LCSPR, null, "x", NOTIFIED.minusDays(1), List.of())))
        .containsExactly(
            "dissemination_by: the learning cannot be shared before the notification"
                + " (2020-12-14)");
    assertThat(problems(with(GOOD, Decision.LCSPR, null, "x", TODAY.plusMonths(3), List.of())))
        .as("the plan may look ahead")
        .isEmpty();
  }

  @Test
  @DisplayName("the content keeps its criteria and themes as given, unmodifiable")
  void theContentKeepsItsCriteriaAndThemesUnmodifiable() {
    assertThat(GOOD.criteria()).isEqualTo(Set.of(Regulation11Criterion.AGENCIES_WORKING_TOGETHER));
    assertThat(GOOD.practiceThemes()).containsExactly("INFORMATION_SHARING");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GOOD.practiceThemes().add("X"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
