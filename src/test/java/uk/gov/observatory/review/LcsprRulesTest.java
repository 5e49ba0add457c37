package uk.gov.observatory.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.gov.observatory.calendar.WorkingDayCalendar;

/** The rules of a local child safeguarding practice review's life (no Spring, no database). */
class LcsprRulesTest {

  static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar();
  static final LocalDate RECEIVED = LocalDate.of(2026, 5, 20);
  static final LocalDate INITIATED = LocalDate.of(2026, 6, 1);
  static final LocalDate COMPLETED = LocalDate.of(2026, 8, 20);
  static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  static Lcspr initiated() {
    return Lcspr.initiate(
        "LCSPR-2026-00001", List.of("SIN-2026-00001"), INITIATED, RECEIVED, TODAY);
  }

  static Lcspr completed() {
    return initiated().complete(COMPLETED, TODAY);
  }

  static Lcspr noticeGiven() {
    return completed().notifyPublication(LocalDate.of(2026, 8, 24), TODAY);
  }

  static Lcspr published() {
    return noticeGiven().publish(LocalDate.of(2026, 9, 10), TODAY, "https://example.org/r.pdf");
  }

  static Lcspr notPublishing() {
    return completed().decideNotToPublish("The family asked that it not be published");
  }

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

  // Initiation

  @Test
  @DisplayName("an LCSPR covers at least one notification")
  void anLcsprCoversAtLeastOneNotification() {
    assertThat(problems(() -> Lcspr.initiate("L-1", List.of(), INITIATED, null, TODAY)))
        .containsExactly("notification_refs: an LCSPR covers at least one notification");
    assertThat(problems(() -> Lcspr.initiate("L-1", null, INITIATED, null, TODAY)))
        .containsExactly("notification_refs: an LCSPR covers at least one notification");
  }

  @Test
  @DisplayName("an LCSPR may cover several notifications, each named once")
  void anLcsprMayCoverSeveralNotificationsEachNamedOnce() {
    List<String> two = List.of("SIN-2026-00001", "SIN-2026-00002");
    assertThat(Lcspr.initiate("L-1", two, INITIATED, null, TODAY).notificationRefs())
        .containsExactlyElementsOf(two);
    assertThat(
            problems(
                () ->
                    Lcspr.initiate(
                        "L-1",
                        List.of("SIN-2026-00001", "SIN-2026-00001"),
                        INITIATED,
                        null,
                        TODAY)))
        .containsExactly("notification_refs: a notification is named twice");
  }

  @Test
  @DisplayName("an LCSPR starts no earlier than its rapid review was received")
  void anLcsprStartsNoEarlierThanItsRapidReviewWasReceived() {
    assertThat(
            problems(
                () ->
                    Lcspr.initiate(
                        "L-1", List.of("SIN-2026-00001"), RECEIVED.minusDays(1), RECEIVED, TODAY)))
        .containsExactly(
            "initiated_date: an LCSPR starts no earlier than its rapid review was received"
                + " (2026-05-20)");
    assertThat(
            Lcspr.initiate("L-1", List.of("SIN-2026-00001"), RECEIVED, RECEIVED, TODAY)
                .initiatedDate())
        .isEqualTo(RECEIVED);
    assertThat(
            Lcspr.initiate("L-1", List.of("SIN-2026-00001"), RECEIVED.minusDays(9), null, TODAY)
                .initiatedDate())
        .as("no rapid review received yet: nothing to compare with")
        .isEqualTo(RECEIVED.minusDays(9));
  }

  @Test
  @DisplayName("an LCSPR cannot start in the future")
  void anLcsprCannotStartInTheFuture() {
    assertThat(
            problems(
                () ->
                    Lcspr.initiate(
                        "L-1", List.of("SIN-2026-00001"), TODAY.plusDays(1), RECEIVED, TODAY)))
        .containsExactly("initiated_date: cannot be in the future");
    assertThat(problems(() -> Lcspr.initiate("L-1", List.of("SIN-2026-00001"), null, null, TODAY)))
        .containsExactly("initiated_date: enter the date the review started");
  }

  @Test
  @DisplayName("a new LCSPR is INITIATED, version 1, its publication not yet decided")
  void aNewLcsprIsInitiatedVersion1ItsPublicationNotYetDecided() {
    Lcspr l = initiated();
    assertThat(l.status()).isEqualTo(LcsprStatus.INITIATED);
    assertThat(l.version()).isEqualTo(1);
    assertThat(l.intention()).isEqualTo(PublicationIntention.NOT_DECIDED);
    assertThat(l.publicationStatus()).isEqualTo("NOT_DECIDED");
    assertThat(l.completedDate()).isNull();
    assertThat(l.publicationDate()).isNull();
  }

  // The lifecycle

  @Test
  @DisplayName(
      "an LCSPR goes INITIATED → COMPLETED → PUBLICATION_NOTIFIED → PUBLISHED, or NOT_PUBLISHING"
          + " from any stage before publication")
  void anLcsprGoesInitiatedCompletedPublicationNotifiedPublishedOrNotPublishing() {
    assertThat(LcsprStatus.INITIATED.next())
        .isEqualTo(
            EnumSet.of(LcsprStatus.COMPLETED, LcsprStatus.NOT_PUBLISHING, LcsprStatus.WITHDRAWN));
    assertThat(LcsprStatus.COMPLETED.next())
        .isEqualTo(
            EnumSet.of(
                LcsprStatus.PUBLICATION_NOTIFIED,
                LcsprStatus.PUBLISHED,
                LcsprStatus.NOT_PUBLISHING,
                LcsprStatus.WITHDRAWN));
    assertThat(LcsprStatus.PUBLICATION_NOTIFIED.next())
        .isEqualTo(
            EnumSet.of(LcsprStatus.PUBLISHED, LcsprStatus.NOT_PUBLISHING, LcsprStatus.WITHDRAWN));
    assertThat(LcsprStatus.PUBLISHED.next()).isEmpty();
    assertThat(LcsprStatus.NOT_PUBLISHING.next()).isEmpty();
    // (issue 15) withdrawn: started by mistake, from any stage before a final one; final itself
    assertThat(LcsprStatus.WITHDRAWN.next()).isEmpty();

    Lcspr l = published();
    assertThat(l.status()).isEqualTo(LcsprStatus.PUBLISHED);
    assertThat(l.version()).isEqualTo(4);
    assertThat(l.completedDate()).isEqualTo(COMPLETED);
    assertThat(l.panelNotifiedOfPublicationDate()).isEqualTo(LocalDate.of(2026, 8, 24));
    assertThat(l.publicationDate()).isEqualTo(LocalDate.of(2026, 9, 10));
    assertThat(l.publicUrl()).isEqualTo("https://example.org/r.pdf");
    assertThat(l.publicationStatus()).isEqualTo("PUBLISHED");
  }

  @Test
  @DisplayName("a completion date cannot be before the LCSPR started")
  void aCompletionDateCannotBeBeforeTheLcsprStarted() {
    assertThat(problems(() -> initiated().complete(INITIATED.minusDays(1), TODAY)))
        .containsExactly("completed_date: cannot be before the review started (2026-06-01)");
    assertThat(initiated().complete(INITIATED, TODAY).completedDate()).isEqualTo(INITIATED);
  }

  @Test
  @DisplayName("a completion date cannot be in the future")
  void aCompletionDateCannotBeInTheFuture() {
    assertThat(problems(() -> initiated().complete(TODAY.plusDays(1), TODAY)))
        .containsExactly("completed_date: cannot be in the future");
    assertThat(problems(() -> initiated().complete(null, TODAY)))
        .containsExactly("completed_date: enter the date");
  }

  @Test
  @DisplayName("an LCSPR is completed once")
  void anLcsprIsCompletedOnce() {
    assertThat(problems(() -> completed().complete(COMPLETED, TODAY)))
        .containsExactly("status: an LCSPR that is completed cannot be completed");
  }

  @Test
  @DisplayName("the Panel is told of publication only once the LCSPR is completed")
  void thePanelIsToldOfPublicationOnlyOnceTheLcsprIsCompleted() {
    assertThat(problems(() -> initiated().notifyPublication(COMPLETED, TODAY)))
        .containsExactly(
            "status: an LCSPR that is initiated cannot be notified for publication: complete it"
                + " first");
  }

  @Test
  @DisplayName("notice of publication cannot be before completion")
  void noticeOfPublicationCannotBeBeforeCompletion() {
    assertThat(problems(() -> completed().notifyPublication(COMPLETED.minusDays(1), TODAY)))
        .containsExactly(
            "panel_notified_of_publication_date: cannot be before the review was completed"
                + " (2026-08-20)");
    assertThat(completed().notifyPublication(COMPLETED, TODAY).status())
        .isEqualTo(LcsprStatus.PUBLICATION_NOTIFIED);
    assertThat(problems(() -> completed().notifyPublication(TODAY.plusDays(1), TODAY)))
        .containsExactly("panel_notified_of_publication_date: cannot be in the future");
  }

  @Test
  @DisplayName("an LCSPR is published only once it is completed")
  void anLcsprIsPublishedOnlyOnceItIsCompleted() {
    assertThat(problems(() -> initiated().publish(COMPLETED, TODAY, null)))
        .containsExactly(
            "status: an LCSPR is published only once it is completed: complete it first");
    assertThat(completed().publish(COMPLETED, TODAY, null).status())
        .isEqualTo(LcsprStatus.PUBLISHED);
  }

  @Test
  @DisplayName("a publication date cannot be before completion")
  void aPublicationDateCannotBeBeforeCompletion() {
    assertThat(problems(() -> completed().publish(COMPLETED.minusDays(1), TODAY, null)))
        .containsExactly(
            "publication_date: cannot be before the review was completed (2026-08-20)");
  }

  @Test
  @DisplayName("a publication date cannot be before the Panel was told of it")
  void aPublicationDateCannotBeBeforeThePanelWasToldOfIt() {
    Lcspr l = completed().notifyPublication(LocalDate.of(2026, 8, 24), TODAY);
    assertThat(problems(() -> l.publish(LocalDate.of(2026, 8, 21), TODAY, null)))
        .containsExactly(
            "publication_date: cannot be before the Panel was told of it (2026-08-24)");
    assertThat(l.publish(LocalDate.of(2026, 8, 24), TODAY, null).publicationDate())
        .isEqualTo(LocalDate.of(2026, 8, 24));
  }

  @Test
  @DisplayName("a publication date cannot be in the future")
  void aPublicationDateCannotBeInTheFuture() {
    assertThat(problems(() -> noticeGiven().publish(TODAY.plusDays(1), TODAY, null)))
        .containsExactly("publication_date: cannot be in the future");
  }

  @Test
  @DisplayName("a published LCSPR cannot change state")
  void aPublishedLcsprCannotChangeState() {
    Lcspr l = published();
    List<UnaryOperator<Lcspr>> steps =
        List.of(
            x -> x.complete(TODAY, TODAY),
            x -> x.notifyPublication(TODAY, TODAY),
            x -> x.publish(TODAY, TODAY, null),
            x -> x.decideNotToPublish("changed our minds"),
            x -> x.intend(PublicationIntention.INTENDS_TO_PUBLISH));
    for (UnaryOperator<Lcspr> step : steps) {
      assertThat(problems(() -> step.apply(l)))
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("published");
    }
  }

  @Test
  @DisplayName("an LCSPR that will not be published cannot change state")
  void anLcsprThatWillNotBePublishedCannotChangeState() {
    Lcspr l = notPublishing();
    List<UnaryOperator<Lcspr>> steps =
        List.of(
            x -> x.complete(TODAY, TODAY),
            x -> x.notifyPublication(TODAY, TODAY),
            x -> x.publish(TODAY, TODAY, null),
            x -> x.decideNotToPublish("again"),
            x -> x.intend(PublicationIntention.INTENDS_TO_PUBLISH));
    for (UnaryOperator<Lcspr> step : steps) {
      assertThat(problems(() -> step.apply(l)))
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("not publishing");
    }
  }

  @Test
  @DisplayName(
      "an LCSPR may be set to not publishing, with a reason, from any stage before publication")
  void anLcsprMayBeSetToNotPublishingWithAReasonFromAnyStageBeforePublication() {
    for (Lcspr l : List.of(initiated(), completed(), noticeGiven())) {
      Lcspr not = l.decideNotToPublish("  The family asked that it not be published ");
      assertThat(not.status()).isEqualTo(LcsprStatus.NOT_PUBLISHING);
      assertThat(not.notPublishingReason()).isEqualTo("The family asked that it not be published");
      assertThat(not.publicationStatus()).isEqualTo("NOT_PUBLISHING");
      assertThat(not.version()).isEqualTo(l.version() + 1);
      assertThat(not.completedDate()).isEqualTo(l.completedDate());
    }
  }

  @Test
  @DisplayName("not publishing needs a reason")
  void notPublishingNeedsAReason() {
    assertThat(problems(() -> completed().decideNotToPublish(" ")))
        .containsExactly("not_publishing_reason: give the reason the review will not be published");
    assertThat(problems(() -> completed().decideNotToPublish(null))).hasSize(1);
  }

  @Test
  @DisplayName("the publication status is the intention until the LCSPR is published or not")
  void thePublicationStatusIsTheIntentionUntilFinal() {
    Lcspr intends = completed().intend(PublicationIntention.INTENDS_TO_PUBLISH);
    assertThat(intends.publicationStatus()).isEqualTo("INTENDS_TO_PUBLISH");
    assertThat(intends.status()).isEqualTo(LcsprStatus.COMPLETED);
    assertThat(intends.version()).isEqualTo(completed().version() + 1);
    assertThat(
            intends
                .notifyPublication(LocalDate.of(2026, 9, 1), TODAY)
                .publish(LocalDate.of(2026, 9, 15), TODAY, null)
                .publicationStatus())
        .isEqualTo("PUBLISHED");
  }

  @Test
  @DisplayName("an LCSPR's details and recommendations may be recorded at any stage")
  void anLcsprsDetailsAndRecommendationsMayBeRecordedAtAnyStage() {
    LcsprDetails d =
        new LcsprDetails("Scope", "Questions", "Systems", "Met", "Workshops", "Briefings");
    Recommendation r =
        new Recommendation(
            "Share records",
            "The partnership",
            LocalDate.of(2027, 3, 1),
            true,
            true,
            true,
            true,
            true);
    Lcspr l = published().withDetails(d, List.of(r));
    assertThat(l.details()).isEqualTo(d);
    assertThat(l.recommendations()).containsExactly(r);
    assertThat(l.status()).isEqualTo(LcsprStatus.PUBLISHED);
    assertThat(r.smart()).isTrue();
  }

  // Short notice and late publication

  /** Weekdays that are not in {@code holidays}, with from < d <= to: counted by hand. */
  static int weekdaysBetween(LocalDate from, LocalDate to, Set<LocalDate> holidays) {
    int n = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      boolean weekend =
          d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (!weekend && !holidays.contains(d)) {
        n++;
      }
    }
    return n;
  }

  @Test
  @DisplayName("notice of fewer than 7 working days is short")
  void noticeOfFewerThan7WorkingDaysIsShort() {
    // Notice on Monday 24 August 2026; the summer bank holiday is Monday 31 August 2026.
    LocalDate notice = LocalDate.of(2026, 8, 24);
    Set<LocalDate> holidays = Set.of(LocalDate.of(2026, 8, 31));
    LocalDate wednesday = LocalDate.of(2026, 9, 2);
    LocalDate thursday = LocalDate.of(2026, 9, 3);
    // 25, 26, 27, 28 August, 1, 2 September: 6 working days (7 weekdays, less the bank holiday).
    assertThat(weekdaysBetween(notice, wednesday, Set.of())).isEqualTo(7);
    assertThat(weekdaysBetween(notice, wednesday, holidays)).isEqualTo(6);
    assertThat(CALENDAR.workingDaysBetween(notice, wednesday)).isEqualTo(6);
    assertThat(weekdaysBetween(notice, thursday, holidays)).isEqualTo(7);

    Lcspr told = completed().notifyPublication(notice, TODAY);
    assertThat(told.publish(wednesday, TODAY, null).shortNotice(CALENDAR))
        .as("6 working days' notice across the bank holiday")
        .isTrue();
    assertThat(told.publish(thursday, TODAY, null).shortNotice(CALENDAR))
        .as("7 working days' notice")
        .isFalse();
    assertThat(told.publish(notice, TODAY, null).shortNotice(CALENDAR))
        .as("published the day the Panel was told")
        .isTrue();
  }

  @Test
  @DisplayName("publication with no notice to the Panel is short notice")
  void publicationWithNoNoticeToThePanelIsShortNotice() {
    Lcspr l = completed().publish(LocalDate.of(2026, 11, 2), TODAY, null);
    assertThat(l.panelNotifiedOfPublicationDate()).isNull();
    assertThat(l.shortNotice(CALENDAR)).isTrue();
  }

  @Test
  @DisplayName("only a published LCSPR can have had short notice")
  void onlyAPublishedLcsprCanHaveHadShortNotice() {
    assertThat(initiated().shortNotice(CALENDAR)).isFalse();
    assertThat(completed().shortNotice(CALENDAR)).isFalse();
    assertThat(noticeGiven().shortNotice(CALENDAR)).isFalse();
    assertThat(notPublishing().shortNotice(CALENDAR)).isFalse();
  }

  @Test
  @DisplayName("publication more than 6 months after initiation is flagged")
  void publicationMoreThan6MonthsAfterInitiationIsFlagged() {
    // Initiated 15 January 2026: six calendar months on is 15 July 2026.
    LocalDate initiated = LocalDate.of(2026, 1, 15);
    Lcspr completed =
        Lcspr.initiate("L-1", List.of("SIN-2026-00001"), initiated, null, TODAY)
            .complete(LocalDate.of(2026, 6, 1), TODAY);
    assertThat(completed.publish(LocalDate.of(2026, 7, 16), TODAY, null).publicationOverdue(TODAY))
        .as("published the day after six months")
        .isTrue();
    assertThat(completed.publish(LocalDate.of(2026, 7, 15), TODAY, null).publicationOverdue(TODAY))
        .as("published on the day six months after initiation")
        .isFalse();
    assertThat(completed.publish(LocalDate.of(2026, 6, 1), TODAY, null).publicationOverdue(TODAY))
        .isFalse();
  }

  @Test
  @DisplayName("an LCSPR not published 6 months after initiation is flagged, as at the day asked")
  void anLcsprNotPublished6MonthsAfterInitiationIsFlaggedAsAtTheDayAsked() {
    Lcspr l = initiated(); // 1 June 2026: six months on is 1 December 2026
    assertThat(l.publicationOverdue(LocalDate.of(2026, 12, 1))).isFalse();
    assertThat(l.publicationOverdue(LocalDate.of(2026, 12, 2))).isTrue();
    assertThat(noticeGiven().publicationOverdue(LocalDate.of(2026, 12, 2))).isTrue();
    assertThat(published().publicationOverdue(LocalDate.of(2027, 6, 1)))
        .as("published in time stays in time")
        .isFalse();
  }

  @Test
  @DisplayName("an LCSPR that will not be published is never overdue for publication")
  void anLcsprThatWillNotBePublishedIsNeverOverdueForPublication() {
    assertThat(notPublishing().publicationOverdue(LocalDate.of(2030, 1, 1))).isFalse();
  }

  @Test
  @DisplayName("the record of an LCSPR holds its lists unmodifiable")
  void theRecordOfAnLcsprHoldsItsListsUnmodifiable() {
    assertThatThrownBy(() -> initiated().notificationRefs().add("SIN-2026-00002"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(initiated().details()).isEqualTo(LcsprDetails.none());
  }
}
