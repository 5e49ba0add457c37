package uk.gov.observatory.calendar;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Working days in England: Monday to Friday, less England and Wales bank holidays (substitute and
 * one-off days included), as DATA-STANDARD.md section 1 defines them.
 *
 * <p>The holidays come from jollyday's United Kingdom calendar with the subdivision {@code eng}; an
 * unknown subdivision would silently drop Easter Monday and the August bank holiday.
 */
@Component
public class WorkingDayCalendar {

  /**
   * England (jollyday's subdivision of the United Kingdom calendar for England and Wales rules).
   */
  static final String ENGLAND = "eng";

  private final HolidayManager holidays =
      HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
  private final ConcurrentMap<Integer, Set<LocalDate>> bankHolidaysByYear =
      new ConcurrentHashMap<>();

  /** The England and Wales bank holidays of a year, on the day they are taken. */
  public Set<LocalDate> bankHolidays(int year) {
    return bankHolidaysByYear.computeIfAbsent(
        year,
        y ->
            holidays.getHolidays(Year.of(y), ENGLAND).stream()
                .map(h -> h.getObservedDate().orElse(h.getActualDate()))
                .collect(Collectors.toUnmodifiableSet()));
  }

  public boolean isWorkingDay(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY
        && dow != DayOfWeek.SUNDAY
        && !bankHolidays(day.getYear()).contains(day);
  }

  /**
   * The number of working days {@code d} with {@code from < d <= to}; 0 when {@code to <= from}.
   * Counted with arithmetic, not day by day: the weekdays from the days' numbers, less the bank
   * holidays on weekdays in between (a look at each year's few holidays).
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    long count = weekdaysUpTo(to) - weekdaysUpTo(from);
    for (int year = from.getYear(); year <= to.getYear(); year++) {
      for (LocalDate h : bankHolidays(year)) {
        // as isWorkingDay: a day is a holiday only in its own year's list
        if (h.getYear() == year && h.isAfter(from) && !h.isAfter(to) && isWeekday(h)) {
          count--;
        }
      }
    }
    return Math.toIntExact(count);
  }

  /** The number of weekdays from a fixed Monday up to and including {@code day} (may be < 0). */
  private static long weekdaysUpTo(LocalDate day) {
    // 1969-12-29, three days before the epoch day 0 (a Thursday), was a Monday.
    long sinceMonday = day.toEpochDay() + 3 + 1; // days in [that Monday, day]
    return Math.floorDiv(sinceMonday, 7) * 5 + Math.min(Math.floorMod(sinceMonday, 7), 5);
  }

  private static boolean isWeekday(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  /**
   * The n-th working day after {@code from} (n at least 1). Goes a whole number of weeks at a time
   * while many are left (fewer weeks than the days left over 5: a week never holds more than 5
   * working days, so at least one is always left), then a day at a time.
   */
  public LocalDate addWorkingDays(LocalDate from, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("the number of working days to add must be at least 1");
    }
    LocalDate d = from;
    int remaining = n;
    while (remaining > 10) {
      LocalDate next = d.plusWeeks((remaining - 1) / 5);
      remaining -= workingDaysBetween(d, next);
      d = next;
    }
    while (remaining > 0) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        remaining--;
      }
    }
    return d;
  }
}
