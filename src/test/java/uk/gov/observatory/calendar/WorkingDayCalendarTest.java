package uk.gov.observatory.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.gov.observatory.support.PublishedBankHolidays;

/**
 * The calendar against England and Wales bank holidays written out by hand from the published lists
 * for 2019-2027 (substitute and one-off days included), for every day of those years.
 */
class WorkingDayCalendarTest {

  /** England and Wales bank holidays as published (typed in, not computed). */
  static final Set<LocalDate> BANK_HOLIDAYS = PublishedBankHolidays.ENGLAND_AND_WALES;

  static final LocalDate FIRST = LocalDate.of(2019, 1, 1);
  static final LocalDate LAST = LocalDate.of(2027, 12, 31);

  final WorkingDayCalendar calendar = new WorkingDayCalendar();

  static boolean workingDayByHand(LocalDate d) {
    return d.getDayOfWeek() != DayOfWeek.SATURDAY
        && d.getDayOfWeek() != DayOfWeek.SUNDAY
        && !BANK_HOLIDAYS.contains(d);
  }

  @Test
  @DisplayName("every day of 2019-2027 is a working day exactly when the published list says so")
  void everyDayOfNineYears() {
    List<String> wrong = new ArrayList<>();
    for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d) != workingDayByHand(d)) {
        wrong.add(d + " (" + d.getDayOfWeek() + ")");
      }
    }
    assertThat(wrong).as("days the calendar gets wrong").isEmpty();
  }

  @Test
  @DisplayName(
      "each year has exactly its published bank holidays, Easter Monday and August included")
  void wholeYears() {
    for (int year = 2019; year <= 2027; year++) {
      int y = year;
      Set<LocalDate> published =
          BANK_HOLIDAYS.stream().filter(d -> d.getYear() == y).collect(Collectors.toSet());
      assertThat(calendar.bankHolidays(year)).as("bank holidays of %d", year).isEqualTo(published);
    }
  }

  @Test
  @DisplayName("the one-off and substitute days the standard names are not working days")
  void namedDays() {
    for (String day :
        List.of(
            "2020-05-08",
            "2020-12-28",
            "2021-12-27",
            "2021-12-28",
            "2022-06-02",
            "2022-06-03",
            "2022-09-19",
            "2023-05-08")) {
      assertThat(calendar.isWorkingDay(LocalDate.parse(day))).as(day).isFalse();
    }
    // The days the moved holidays left behind are ordinary working days.
    assertThat(calendar.isWorkingDay(LocalDate.parse("2020-05-04"))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2022-05-30"))).isTrue();
  }

  @Test
  @DisplayName(
      "add 2020-12-18 15 is 2021-01-13, across Christmas, the Boxing Day substitute and New Year")
  void addAcrossChristmas2020() {
    assertThat(calendar.addWorkingDays(LocalDate.parse("2020-12-18"), 15))
        .isEqualTo(LocalDate.parse("2021-01-13"));
  }

  @Test
  @DisplayName(
      "addWorkingDays and workingDaysBetween agree with counting by hand for every start day")
  void arithmeticAgainstCountingByHand() {
    for (LocalDate a = FIRST; a.isBefore(LocalDate.of(2027, 11, 1)); a = a.plusDays(1)) {
      for (int n : new int[] {1, 5, 7, 15}) {
        LocalDate d = a;
        int left = n;
        while (left > 0) {
          d = d.plusDays(1);
          if (workingDayByHand(d)) {
            left--;
          }
        }
        assertThat(calendar.addWorkingDays(a, n)).as("add %s %d", a, n).isEqualTo(d);
        assertThat(calendar.workingDaysBetween(a, d)).as("between %s %s", a, d).isEqualTo(n);
      }
    }
  }

  @Test
  @DisplayName(
      "between counts days after the first date up to and including the second; 0 when reversed")
  void betweenIsHalfOpen() {
    LocalDate mon = LocalDate.parse("2024-06-03");
    assertThat(calendar.workingDaysBetween(mon, mon)).isZero();
    assertThat(calendar.workingDaysBetween(mon, mon.plusDays(1))).isEqualTo(1);
    assertThat(calendar.workingDaysBetween(mon, mon.plusDays(7))).isEqualTo(5);
    assertThat(calendar.workingDaysBetween(mon.plusDays(7), mon)).isZero();
  }

  /** The definition, a day at a time over the calendar's own working days. */
  private int betweenDayByDay(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  @Test
  @DisplayName(
      "between (by arithmetic) and add (by weeks) agree with counting a day at a time, over spans"
          + " of days to decades and every weekday, 1990-2110")
  void arithmeticAgainstCountingDayByDay() {
    java.util.Random random = new java.util.Random(13);
    for (int i = 0; i < 3000; i++) {
      LocalDate a = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(120 * 365));
      int span = i % 3 == 0 ? random.nextInt(40) : random.nextInt(i % 3 == 1 ? 800 : 8000);
      LocalDate b = a.plusDays(span);
      int between = betweenDayByDay(a, b);
      assertThat(calendar.workingDaysBetween(a, b)).as("between %s %s", a, b).isEqualTo(between);
      assertThat(calendar.workingDaysBetween(b, a)).as("between %s %s", b, a).isZero();
      if (between >= 1 && calendar.isWorkingDay(b)) {
        assertThat(calendar.addWorkingDays(a, between)).as("add %s %d", a, between).isEqualTo(b);
      }
    }
  }

  @Test
  @DisplayName("a century of working days is counted at once, not a day at a time")
  void aCenturyAtOnce() {
    LocalDate from = LocalDate.of(2000, 1, 1);
    LocalDate to = LocalDate.of(2100, 12, 31);
    calendar.workingDaysBetween(from, to); // the holidays of each year, worked out once
    // a day at a time this is 50,000 x 36,890 days, far longer than the time allowed
    int[] n = new int[1];
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(5),
        () -> {
          for (int i = 0; i < 50_000; i++) {
            n[0] = calendar.workingDaysBetween(from, to.minusDays(i % 7));
          }
        });
    LocalDate end = to.minusDays(49_999 % 7);
    assertThat(n[0]).isEqualTo(betweenDayByDay(from, end));
    assertThat(calendar.addWorkingDays(from, n[0])).isEqualTo(lastWorkingDayBy(end));
  }

  private LocalDate lastWorkingDayBy(LocalDate d) {
    while (!calendar.isWorkingDay(d)) {
      d = d.minusDays(1);
    }
    return d;
  }
}
