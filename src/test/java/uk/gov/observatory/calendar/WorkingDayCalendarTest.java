package uk.gov.observatory.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The calendar against England and Wales bank holidays written out by hand from the published lists
 * for 2019-2027 (substitute and one-off days included), for every day of those years.
 */
class WorkingDayCalendarTest {

  /** England and Wales bank holidays, 2019-2027, as published (typed in, not computed). */
  static final Set<LocalDate> BANK_HOLIDAYS =
      Stream.of(
              // 2019
              "2019-01-01",
              "2019-04-19",
              "2019-04-22",
              "2019-05-06",
              "2019-05-27",
              "2019-08-26",
              "2019-12-25",
              "2019-12-26",
              // 2020: early May moved to Friday 8 May (VE Day); Boxing Day substitute 28 Dec
              "2020-01-01",
              "2020-04-10",
              "2020-04-13",
              "2020-05-08",
              "2020-05-25",
              "2020-08-31",
              "2020-12-25",
              "2020-12-28",
              // 2021: Christmas and Boxing Day substitutes 27 and 28 Dec
              "2021-01-01",
              "2021-04-02",
              "2021-04-05",
              "2021-05-03",
              "2021-05-31",
              "2021-08-30",
              "2021-12-27",
              "2021-12-28",
              // 2022: New Year substitute 3 Jan; spring moved to 2 Jun, Jubilee 3 Jun; state
              // funeral 19 Sep; Christmas substitute 27 Dec
              "2022-01-03",
              "2022-04-15",
              "2022-04-18",
              "2022-05-02",
              "2022-06-02",
              "2022-06-03",
              "2022-08-29",
              "2022-09-19",
              "2022-12-26",
              "2022-12-27",
              // 2023: New Year substitute 2 Jan; coronation 8 May
              "2023-01-02",
              "2023-04-07",
              "2023-04-10",
              "2023-05-01",
              "2023-05-08",
              "2023-05-29",
              "2023-08-28",
              "2023-12-25",
              "2023-12-26",
              // 2024
              "2024-01-01",
              "2024-03-29",
              "2024-04-01",
              "2024-05-06",
              "2024-05-27",
              "2024-08-26",
              "2024-12-25",
              "2024-12-26",
              // 2025
              "2025-01-01",
              "2025-04-18",
              "2025-04-21",
              "2025-05-05",
              "2025-05-26",
              "2025-08-25",
              "2025-12-25",
              "2025-12-26",
              // 2026: Boxing Day substitute 28 Dec
              "2026-01-01",
              "2026-04-03",
              "2026-04-06",
              "2026-05-04",
              "2026-05-25",
              "2026-08-31",
              "2026-12-25",
              "2026-12-28",
              // 2027: Christmas and Boxing Day substitutes 27 and 28 Dec
              "2027-01-01",
              "2027-03-26",
              "2027-03-29",
              "2027-05-03",
              "2027-05-31",
              "2027-08-30",
              "2027-12-27",
              "2027-12-28")
          .map(LocalDate::parse)
          .collect(Collectors.toUnmodifiableSet());

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
}
