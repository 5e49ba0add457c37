package uk.gov.observatory.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.gov.observatory.calendar.WorkingDayCalendar;

/** A rapid review's working-day clock (the real calendar; no Spring, no database). */
class ReviewClockTest {

  static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar();

  /** The clocks with no repository: the periods are passed in. */
  static final ReviewClocks CLOCKS = new ReviewClocks(CALENDAR, null, null);

  static final List<TimelinessPolicyPeriod> NO_PERIODS = List.of();

  /** The COVID-19 authorised extension as migration V7 seeds it. */
  static final TimelinessPolicyPeriod EXTENSION =
      new TimelinessPolicyPeriod(
          1,
          "COVID-19 authorised extension",
          LocalDate.of(2020, 4, 1),
          LocalDate.of(2020, 9, 30),
          15,
          true);

  /**
   * Notified Monday 14 December 2020. The England and Wales bank holidays that follow, written out:
   * Christmas Day Friday 25 December 2020, the substitute Boxing Day Monday 28 December 2020 (26th
   * was a Saturday), New Year's Day Friday 1 January 2021.
   */
  static final LocalDate NOTIFIED = LocalDate.of(2020, 12, 14);

  static final Set<LocalDate> HOLIDAYS =
      Set.of(LocalDate.of(2020, 12, 25), LocalDate.of(2020, 12, 28), LocalDate.of(2021, 1, 1));

  /** The n-th weekday after {@code from} that is not one of the holidays above: by hand. */
  static LocalDate nthWorkingDayByHand(LocalDate from, int n) {
    LocalDate d = from;
    int counted = 0;
    while (counted < n) {
      d = d.plusDays(1);
      boolean weekend =
          d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (!weekend && !HOLIDAYS.contains(d)) {
        counted++;
      }
    }
    return d;
  }

  @Test
  @DisplayName("a rapid review is due on the 15th working day after its notification")
  void aRapidReviewIsDueOnThe15thWorkingDayAfterItsNotification() {
    // 15, 16, 17, 18, 21, 22, 23, 24 December (8); 25 and 28 are bank holidays; 29, 30, 31
    // December (11); 1 January is a bank holiday; 4, 5, 6, 7 January (15).
    LocalDate fifteenth = LocalDate.of(2021, 1, 7);
    assertThat(nthWorkingDayByHand(NOTIFIED, 15)).isEqualTo(fifteenth);
    assertThat(CALENDAR.bankHolidays(2020))
        .containsAll(Set.of(LocalDate.of(2020, 12, 25), LocalDate.of(2020, 12, 28)));
    assertThat(CALENDAR.bankHolidays(2021)).contains(LocalDate.of(2021, 1, 1));

    RapidReviewClock clock = CLOCKS.rapidReview(NOTIFIED, null, NOTIFIED, NO_PERIODS);
    assertThat(clock.dueDate()).isEqualTo(fifteenth);
    assertThat(clock.targetWorkingDays()).isEqualTo(15);
    assertThat(clock.policyPeriod()).isNull();
    assertThat(clock.authorisedExtension()).isFalse();
    assertThat(clock.workingDaysElapsed()).isZero();
    assertThat(clock.workingDaysLeft()).isEqualTo(15);
  }

  @Test
  @DisplayName("a rapid review received on the 15th working day is on time")
  void aRapidReviewReceivedOnThe15thWorkingDayIsOnTime() {
    LocalDate fifteenth = nthWorkingDayByHand(NOTIFIED, 15); // Thursday 7 January 2021
    RapidReviewClock clock =
        CLOCKS.rapidReview(NOTIFIED, fifteenth, LocalDate.of(2021, 2, 1), NO_PERIODS);
    assertThat(clock.received()).isTrue();
    assertThat(clock.receivedDate()).isEqualTo(LocalDate.of(2021, 1, 7));
    assertThat(clock.workingDaysElapsed()).isEqualTo(15);
    assertThat(clock.onTime()).isTrue();
    assertThat(clock.overdue()).isFalse();
    // Counted as calendar weekdays, without the three bank holidays, it would be the 18th.
    assertThat(CALENDAR.workingDaysBetween(NOTIFIED, fifteenth)).isEqualTo(15);
  }

  @Test
  @DisplayName("a rapid review received on the 16th working day is late")
  void aRapidReviewReceivedOnThe16thWorkingDayIsLate() {
    LocalDate sixteenth = nthWorkingDayByHand(NOTIFIED, 16); // Friday 8 January 2021
    assertThat(sixteenth).isEqualTo(LocalDate.of(2021, 1, 8));
    RapidReviewClock clock =
        CLOCKS.rapidReview(NOTIFIED, sixteenth, LocalDate.of(2021, 2, 1), NO_PERIODS);
    assertThat(clock.workingDaysElapsed()).isEqualTo(16);
    assertThat(clock.onTime()).isFalse();
    assertThat(clock.overdue()).as("received, so no longer overdue").isFalse();
  }

  @Test
  @DisplayName("a rapid review received during the holidays counts only working days")
  void aRapidReviewReceivedDuringTheHolidaysCountsOnlyWorkingDays() {
    // Received on the substitute bank holiday Monday 28 December 2020: 8 working days so far.
    RapidReviewClock clock =
        CLOCKS.rapidReview(
            NOTIFIED, LocalDate.of(2020, 12, 28), LocalDate.of(2021, 1, 4), NO_PERIODS);
    assertThat(clock.workingDaysElapsed()).isEqualTo(8);
    assertThat(clock.onTime()).isTrue();
  }

  @Test
  @DisplayName("a rapid review not received is overdue from the day after its due date")
  void aRapidReviewNotReceivedIsOverdueFromTheDayAfterItsDueDate() {
    LocalDate due = LocalDate.of(2021, 1, 7);
    RapidReviewClock onDueDate = CLOCKS.rapidReview(NOTIFIED, null, due, NO_PERIODS);
    assertThat(onDueDate.overdue()).isFalse();
    assertThat(onDueDate.workingDaysLeft()).isZero();
    assertThat(onDueDate.workingDaysElapsed()).isEqualTo(15);
    assertThat(onDueDate.dueWithin(0)).isTrue();

    RapidReviewClock dayAfter = CLOCKS.rapidReview(NOTIFIED, null, due.plusDays(1), NO_PERIODS);
    assertThat(dayAfter.overdue()).isTrue();
    assertThat(dayAfter.onTime()).isFalse();
    assertThat(dayAfter.workingDaysElapsed()).isEqualTo(16);
    assertThat(dayAfter.dueWithin(5)).as("overdue is not 'due soon'").isFalse();
  }

  @Test
  @DisplayName("working days left count down to the due date, skipping the bank holidays")
  void workingDaysLeftCountDownToTheDueDateSkippingTheBankHolidays() {
    // As at Thursday 24 December 2020: 29, 30, 31 December, 4, 5, 6, 7 January are left.
    RapidReviewClock clock =
        CLOCKS.rapidReview(NOTIFIED, null, LocalDate.of(2020, 12, 24), NO_PERIODS);
    assertThat(clock.workingDaysElapsed()).isEqualTo(8);
    assertThat(clock.workingDaysLeft()).isEqualTo(7);
    assertThat(clock.dueWithin(7)).isTrue();
    assertThat(clock.dueWithin(6)).isFalse();
    assertThat(clock.overdue()).isFalse();
  }

  @Test
  @DisplayName("a received date after the day asked about is not yet received on that day")
  void aReceivedDateAfterTheDayAskedAboutIsNotYetReceivedOnThatDay() {
    RapidReviewClock clock =
        CLOCKS.rapidReview(
            NOTIFIED, LocalDate.of(2021, 1, 6), LocalDate.of(2020, 12, 31), NO_PERIODS);
    assertThat(clock.received()).isFalse();
    assertThat(clock.receivedDate()).isNull();
    assertThat(clock.workingDaysElapsed()).isEqualTo(11);
    assertThat(clock.workingDaysLeft()).isEqualTo(4);
  }

  @Test
  @DisplayName("a rapid review notified in the 2020 authorised extension has the period's target")
  void aRapidReviewNotifiedInThe2020AuthorisedExtensionHasThePeriodsTarget() {
    // Notified Friday 1 May 2020. Bank holidays: the early May bank holiday moved to Friday 8 May
    // 2020 (VE Day), the spring bank holiday Monday 25 May 2020.
    LocalDate notified = LocalDate.of(2020, 5, 1);
    RapidReviewClock seeded = CLOCKS.rapidReview(notified, null, notified, List.of(EXTENSION));
    assertThat(seeded.policyPeriod()).isEqualTo("COVID-19 authorised extension");
    assertThat(seeded.authorisedExtension()).isTrue();
    assertThat(seeded.targetWorkingDays()).isEqualTo(15);
    // 4-7 May (4), 11-15 (9), 18-22 (14), 26 May (15).
    assertThat(seeded.dueDate()).isEqualTo(LocalDate.of(2020, 5, 26));

    // The period is data: a target the secretariat sets is the one applied.
    TimelinessPolicyPeriod twenty =
        new TimelinessPolicyPeriod(
            2, "Extended", LocalDate.of(2020, 4, 1), LocalDate.of(2020, 9, 30), 20, true);
    RapidReviewClock extended = CLOCKS.rapidReview(notified, null, notified, List.of(twenty));
    assertThat(extended.targetWorkingDays()).isEqualTo(20);
    // 27, 28, 29 May (18), 1, 2 June (20).
    assertThat(extended.dueDate()).isEqualTo(LocalDate.of(2020, 6, 2));
    assertThat(
            CLOCKS
                .rapidReview(
                    notified, LocalDate.of(2020, 6, 2), notified.plusMonths(2), List.of(twenty))
                .onTime())
        .isTrue();
    assertThat(
            CLOCKS
                .rapidReview(notified, LocalDate.of(2020, 6, 2), notified.plusMonths(2), NO_PERIODS)
                .onTime())
        .as("without the period, the statutory 15 working days")
        .isFalse();
  }

  @Test
  @DisplayName("a policy period covers the notified dates from its first to its last day")
  void aPolicyPeriodCoversTheNotifiedDatesFromItsFirstToItsLastDay() {
    assertThat(EXTENSION.covers(LocalDate.of(2020, 3, 31))).isFalse();
    assertThat(EXTENSION.covers(LocalDate.of(2020, 4, 1))).isTrue();
    assertThat(EXTENSION.covers(LocalDate.of(2020, 9, 30))).isTrue();
    assertThat(EXTENSION.covers(LocalDate.of(2020, 10, 1))).isFalse();
    RapidReviewClock after =
        CLOCKS.rapidReview(
            LocalDate.of(2020, 10, 1), null, LocalDate.of(2020, 10, 1), List.of(EXTENSION));
    assertThat(after.policyPeriod()).isNull();
    assertThat(after.authorisedExtension()).isFalse();
  }

  @Test
  @DisplayName("overdue is computed when asked, never stored")
  void overdueIsComputedWhenAskedNeverStored() {
    // The same review, unchanged, is not overdue on one day and overdue the next.
    assertThat(CLOCKS.rapidReview(NOTIFIED, null, LocalDate.of(2021, 1, 7), NO_PERIODS).overdue())
        .isFalse();
    assertThat(CLOCKS.rapidReview(NOTIFIED, null, LocalDate.of(2021, 1, 8), NO_PERIODS).overdue())
        .isTrue();
    // A rapid review, as stored, has no due date, lateness or overdue flag to go stale.
    List<String> stored =
        Arrays.stream(RapidReview.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toList();
    assertThat(stored)
        .noneMatch(n -> n.toLowerCase().contains("due"))
        .noneMatch(n -> n.toLowerCase().contains("overdue"))
        .noneMatch(n -> n.toLowerCase().contains("late"))
        .noneMatch(n -> n.toLowerCase().contains("ontime"));
    List<String> lcspr =
        Arrays.stream(Lcspr.class.getRecordComponents()).map(RecordComponent::getName).toList();
    assertThat(lcspr)
        .noneMatch(n -> n.toLowerCase().contains("overdue"))
        .noneMatch(n -> n.toLowerCase().contains("short"));
  }
}
