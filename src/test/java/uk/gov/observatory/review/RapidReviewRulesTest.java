package uk.gov.observatory.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rules of a rapid review's life, in the Panel's words (no Spring, no database). */
class RapidReviewRulesTest {

  static final LocalDate INCIDENT = LocalDate.of(2020, 12, 10);
  static final LocalDate NOTIFIED = LocalDate.of(2020, 12, 14);
  static final LocalDate TODAY = LocalDate.of(2021, 1, 20);
  static final Instant AT = Instant.parse("2021-01-20T10:00:00Z");

  static RapidReview draft(RapidReviewContent content) {
    return RapidReview.draft("SIN-2020-00001", "E09000033", INCIDENT, NOTIFIED, content);
  }

  static RapidReview submitted(Decision decision) {
    return draft(Reviews.signedOff(decision, NOTIFIED.plusDays(10)))
        .submit(LocalDate.of(2021, 1, 7), TODAY);
  }

  static Map<QualityCriterion, Integer> scores(int each) {
    Map<QualityCriterion, Integer> m = new EnumMap<>(QualityCriterion.class);
    for (QualityCriterion c : QualityCriterion.values()) {
      m.put(c, each);
    }
    return m;
  }

  /** The refusal's problems, as "field: message". */
  static List<String> problems(ThrowingCallable call) {
    try {
      call.call();
    } catch (InvalidReviewException e) {
      return e.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
    } catch (Throwable t) {
      throw new AssertionError("expected an InvalidReviewException, got " + t, t);
    }
    throw new AssertionError("expected an InvalidReviewException, nothing was thrown");
  }

  // Drafting and submitting

  @Test
  @DisplayName("a rapid review starts as a draft, version 1, not yet received")
  void aRapidReviewStartsAsADraft() {
    RapidReview r = draft(RapidReviewContent.empty());
    assertThat(r.status()).isEqualTo(RapidReviewStatus.DRAFT);
    assertThat(r.submitted()).isFalse();
    assertThat(r.version()).isEqualTo(1);
    assertThat(r.receivedDate()).isNull();
    assertThat(r.content().decision()).isEqualTo(Decision.UNDECIDED);
    assertThat(r.panelView()).isNull();
    assertThat(r.qualityTotal()).isNull();
  }

  @Test
  @DisplayName(
      "a rapid review is submitted only when signed off by all three safeguarding partners")
  void aRapidReviewIsSubmittedOnlyWhenSignedOffByAllThreeSafeguardingPartners() {
    LocalDate d = NOTIFIED.plusDays(3);
    List<RapidReviewContent> missingOne =
        List.of(
            Reviews.content(Decision.LCSPR, null, d, d),
            Reviews.content(Decision.LCSPR, d, null, d),
            Reviews.content(Decision.LCSPR, d, d, null),
            Reviews.content(Decision.LCSPR, null, null, null));
    for (RapidReviewContent c : missingOne) {
      assertThat(c.signedOffByAllPartners()).isFalse();
      assertThat(problems(() -> draft(c).submit(NOTIFIED.plusDays(5), TODAY)))
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .startsWith("sign_off: ")
          .contains("all three safeguarding partners");
    }
    RapidReviewContent all = Reviews.content(Decision.LCSPR, d, d, d);
    assertThat(all.signedOffByAllPartners()).isTrue();
    assertThat(draft(all).submit(NOTIFIED.plusDays(5), TODAY).submitted()).isTrue();
  }

  @Test
  @DisplayName("a rapid review cannot be received before its notification")
  void aRapidReviewCannotBeReceivedBeforeItsNotification() {
    RapidReview r = draft(Reviews.signedOff(Decision.LCSPR, NOTIFIED));
    assertThat(problems(() -> r.submit(NOTIFIED.minusDays(1), TODAY)))
        .containsExactly(
            "received_date: a rapid review cannot be received before its notification"
                + " (2020-12-14)");
    assertThat(r.submit(NOTIFIED, TODAY).receivedDate()).isEqualTo(NOTIFIED);
  }

  @Test
  @DisplayName("a rapid review cannot be received in the future")
  void aRapidReviewCannotBeReceivedInTheFuture() {
    RapidReview r = draft(Reviews.signedOff(Decision.LCSPR, NOTIFIED));
    assertThat(problems(() -> r.submit(TODAY.plusDays(1), TODAY)))
        .containsExactly("received_date: the received date cannot be in the future");
    assertThat(r.submit(TODAY, TODAY).receivedDate()).isEqualTo(TODAY);
  }

  @Test
  @DisplayName("a rapid review is submitted with the date the Panel received it")
  void aRapidReviewIsSubmittedWithTheDateThePanelReceivedIt() {
    RapidReview r = draft(Reviews.signedOff(Decision.LCSPR, NOTIFIED));
    assertThat(problems(() -> r.submit(null, TODAY)))
        .containsExactly("received_date: enter the date the Panel received it");
  }

  @Test
  @DisplayName("every broken rule of a submission is reported at once")
  void everyBrokenRuleOfASubmissionIsReportedAtOnce() {
    RapidReview r = draft(RapidReviewContent.empty());
    assertThat(problems(() -> r.submit(NOTIFIED.minusDays(3), TODAY)))
        .extracting(p -> p.substring(0, p.indexOf(':')))
        .containsExactly("received_date", "sign_off");
  }

  @Test
  @DisplayName("a submitted rapid review is a new version, with its received date")
  void aSubmittedRapidReviewIsANewVersionWithItsReceivedDate() {
    RapidReview draft = draft(Reviews.signedOff(Decision.LCSPR, NOTIFIED));
    RapidReview submitted = draft.submit(LocalDate.of(2021, 1, 7), TODAY);
    assertThat(submitted.status()).isEqualTo(RapidReviewStatus.SUBMITTED);
    assertThat(submitted.version()).isEqualTo(draft.version() + 1);
    assertThat(submitted.receivedDate()).isEqualTo(LocalDate.of(2021, 1, 7));
    assertThat(submitted.content()).isEqualTo(draft.content());
    assertThat(draft.status())
        .as("the draft itself is unchanged")
        .isEqualTo(RapidReviewStatus.DRAFT);
  }

  @Test
  @DisplayName("a rapid review is submitted once")
  void aRapidReviewIsSubmittedOnce() {
    RapidReview submitted = submitted(Decision.LCSPR);
    assertThat(problems(() -> submitted.submit(LocalDate.of(2021, 1, 8), TODAY)))
        .containsExactly("status: this rapid review was already submitted on 2021-01-07");
  }

  @Test
  @DisplayName("a draft is saved as a new version and stays a draft")
  void aDraftIsSavedAsANewVersionAndStaysADraft() {
    RapidReview draft = draft(RapidReviewContent.empty());
    RapidReview saved = draft.withContent(Reviews.signedOff(Decision.NO_LCSPR, NOTIFIED));
    assertThat(saved.status()).isEqualTo(RapidReviewStatus.DRAFT);
    assertThat(saved.version()).isEqualTo(2);
    assertThat(saved.content().decision()).isEqualTo(Decision.NO_LCSPR);
  }

  @Test
  @DisplayName("a rapid review amended after submission stays submitted, as a new version")
  void aRapidReviewAmendedAfterSubmissionStaysSubmittedAsANewVersion() {
    RapidReview submitted = submitted(Decision.UNDECIDED);
    RapidReview amended = submitted.withContent(Reviews.signedOff(Decision.LCSPR, NOTIFIED));
    assertThat(amended.status()).isEqualTo(RapidReviewStatus.SUBMITTED);
    assertThat(amended.receivedDate()).isEqualTo(submitted.receivedDate());
    assertThat(amended.version()).isEqualTo(submitted.version() + 1);
    assertThat(amended.content().decision()).isEqualTo(Decision.LCSPR);
  }

  @Test
  @DisplayName("a submitted rapid review stays signed off by all three safeguarding partners")
  void aSubmittedRapidReviewStaysSignedOffByAllThreeSafeguardingPartners() {
    RapidReview submitted = submitted(Decision.LCSPR);
    LocalDate d = NOTIFIED.plusDays(3);
    assertThat(problems(() -> submitted.withContent(Reviews.content(Decision.LCSPR, d, d, null))))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("sign_off: ")
        .contains("all three safeguarding partners");
    // A draft may lose a sign-off while it is being written.
    RapidReview draft = draft(Reviews.signedOff(Decision.LCSPR, d));
    assertThat(draft.withContent(Reviews.content(Decision.LCSPR, d, d, null)).version())
        .isEqualTo(2);
  }

  // The Panel's view

  @Test
  @DisplayName("the Panel gives its view only on a submitted review")
  void thePanelGivesItsViewOnlyOnASubmittedReview() {
    RapidReview draft = draft(Reviews.signedOff(Decision.LCSPR, NOTIFIED));
    assertThat(problems(() -> draft.withPanelView(PanelView.AGREE, "Agreed", "panel.one", AT)))
        .containsExactly("panel_view: the Panel gives its view only on a submitted rapid review");
  }

  @Test
  @DisplayName("the Panel gives no view on an undecided review")
  void thePanelGivesNoViewOnAnUndecidedReview() {
    RapidReview undecided = submitted(Decision.UNDECIDED);
    assertThat(problems(() -> undecided.withPanelView(PanelView.AGREE, "Fine", "panel.one", AT)))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("the Panel gives no view on an undecided review");
    assertThat(submitted(Decision.NO_LCSPR).withPanelView(PanelView.DISAGREE, "No", "p", AT))
        .extracting(RapidReview::panelView)
        .isEqualTo(PanelView.DISAGREE);
  }

  @Test
  @DisplayName("the Panel always gives its reasons")
  void thePanelAlwaysGivesItsReasons() {
    RapidReview r = submitted(Decision.LCSPR);
    assertThat(problems(() -> r.withPanelView(PanelView.AGREE, null, "panel.one", AT)))
        .containsExactly("panel_view_reasons: give the Panel's reasons");
    assertThat(problems(() -> r.withPanelView(PanelView.AGREE, "   ", "panel.one", AT)))
        .containsExactly("panel_view_reasons: give the Panel's reasons");
  }

  @Test
  @DisplayName("the Panel's view is AGREE or DISAGREE")
  void thePanelsViewIsAgreeOrDisagree() {
    RapidReview r = submitted(Decision.LCSPR);
    assertThat(problems(() -> r.withPanelView(null, "Because", "panel.one", AT)))
        .containsExactly("panel_view: choose AGREE or DISAGREE");
  }

  @Test
  @DisplayName("the Panel's view is kept with its reasons, who gave it and when, as a new version")
  void thePanelsViewIsKeptWithItsReasonsWhoGaveItAndWhen() {
    RapidReview r = submitted(Decision.LCSPR);
    RapidReview viewed =
        r.withPanelView(PanelView.AGREE, "  The learning is about joint working. ", "pm", AT);
    assertThat(viewed.panelView()).isEqualTo(PanelView.AGREE);
    assertThat(viewed.panelViewReasons()).isEqualTo("The learning is about joint working.");
    assertThat(viewed.panelViewBy()).isEqualTo("pm");
    assertThat(viewed.panelViewAt()).isEqualTo(AT);
    assertThat(viewed.version()).isEqualTo(r.version() + 1);
    assertThat(viewed.status()).isEqualTo(RapidReviewStatus.SUBMITTED);
  }

  @Test
  @DisplayName("a decision cannot go back to UNDECIDED once the Panel has given its view")
  void aDecisionCannotGoBackToUndecidedOnceThePanelHasGivenItsView() {
    RapidReview viewed =
        submitted(Decision.LCSPR).withPanelView(PanelView.AGREE, "Agreed", "pm", AT);
    assertThat(problems(() -> viewed.withContent(Reviews.signedOff(Decision.UNDECIDED, NOTIFIED))))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("decision: ")
        .contains("cannot become UNDECIDED");
    // Another decision may still be recorded (an amendment), with the view on record.
    RapidReview amended = viewed.withContent(Reviews.signedOff(Decision.NO_LCSPR, NOTIFIED));
    assertThat(amended.content().decision()).isEqualTo(Decision.NO_LCSPR);
    assertThat(amended.panelView()).isEqualTo(PanelView.AGREE);
  }

  @Test
  @DisplayName("a decision may go back to UNDECIDED while the Panel has given no view")
  void aDecisionMayGoBackToUndecidedWhileThePanelHasGivenNoView() {
    RapidReview r = submitted(Decision.LCSPR);
    assertThat(r.withContent(Reviews.signedOff(Decision.UNDECIDED, NOTIFIED)).content().decision())
        .isEqualTo(Decision.UNDECIDED);
  }

  // Quality and flags

  @Test
  @DisplayName("the Panel scores quality 0 to 2 on all six criteria, out of 12")
  void thePanelScoresQuality0To2OnAllSixCriteria() {
    assertThat(QualityCriterion.values()).hasSize(6);
    RapidReview r = submitted(Decision.LCSPR);
    Map<QualityCriterion, Integer> mixed = scores(2);
    mixed.put(QualityCriterion.ANALYSIS, 0);
    mixed.put(QualityCriterion.FAMILY_DETAIL, 1);
    RapidReview assessed = r.withQuality(mixed);
    assertThat(assessed.quality()).isEqualTo(mixed);
    assertThat(assessed.qualityTotal()).isEqualTo(9);
    assertThat(r.withQuality(scores(0)).qualityTotal()).isZero();
    assertThat(r.withQuality(scores(2)).qualityTotal()).isEqualTo(12);
    assertThat(assessed.version()).isEqualTo(r.version() + 1);
  }

  @Test
  @DisplayName("a quality score outside 0 to 2 is refused")
  void aQualityScoreOutside0To2IsRefused() {
    RapidReview r = submitted(Decision.LCSPR);
    Map<QualityCriterion, Integer> three = scores(2);
    three.put(QualityCriterion.SENIOR_LEADERS, 3);
    assertThat(problems(() -> r.withQuality(three)))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("quality_senior_leaders: ");
    Map<QualityCriterion, Integer> negative = scores(1);
    negative.put(QualityCriterion.ANALYSIS, -1);
    assertThat(problems(() -> r.withQuality(negative)))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("quality_analysis: ");
  }

  @Test
  @DisplayName("every one of the six criteria is scored")
  void everyOneOfTheSixCriteriaIsScored() {
    RapidReview r = submitted(Decision.LCSPR);
    Map<QualityCriterion, Integer> five = scores(1);
    five.remove(QualityCriterion.DISSEMINATION_PLAN);
    assertThat(problems(() -> r.withQuality(five)))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("quality_dissemination_plan: ");
    assertThat(problems(() -> r.withQuality(null))).hasSize(6);
  }

  @Test
  @DisplayName("the Panel assesses quality only on a submitted review")
  void thePanelAssessesQualityOnlyOnASubmittedReview() {
    RapidReview draft = draft(Reviews.signedOff(Decision.LCSPR, NOTIFIED));
    assertThat(problems(() -> draft.withQuality(scores(2))))
        .containsExactly("quality: the Panel assesses only a submitted rapid review");
  }

  @Test
  @DisplayName("a review proposing a review type other than an LCSPR is flagged")
  void aReviewProposingAReviewTypeOtherThanAnLcsprIsFlagged() {
    RapidReviewContent c = Reviews.signedOff(Decision.NO_LCSPR, NOTIFIED);
    RapidReviewContent alternative =
        new RapidReviewContent(
            c.agenciesInvolved(),
            c.chronology(),
            c.immediateActions(),
            c.learningIdentified(),
            c.disseminationPlan(),
            c.disseminationBy(),
            c.decision(),
            c.noLcsprReason(),
            c.decisionRationale(),
            c.criteria(),
            true,
            "A multi-agency learning event instead",
            c.ethnicityRecorded(),
            c.familyContextRecorded(),
            c.signedOffLocalAuthority(),
            c.signedOffHealth(),
            c.signedOffPolice(),
            c.practiceThemes());
    assertThat(draft(alternative).proposesAlternativeMethodology()).isTrue();
    assertThat(draft(c).proposesAlternativeMethodology()).isFalse();
  }

  @Test
  @DisplayName("a national review may be considered and no longer considered, each a new version")
  void aNationalReviewMayBeConsideredAndNoLongerConsidered() {
    RapidReview r = submitted(Decision.LCSPR);
    RapidReview marked = r.withNationalReview(true);
    assertThat(marked.nationalReview()).isTrue();
    assertThat(marked.version()).isEqualTo(r.version() + 1);
    assertThat(marked.withNationalReview(false).nationalReview()).isFalse();
  }
}
