package uk.gov.observatory.calendar;

import java.time.LocalDate;

/**
 * The SQL table {@code working_day (day, working, ordinal)}: every day from {@link #FIRST} to
 * {@link #LAST}, whether it is a working day of {@link WorkingDayCalendar}, and its ordinal, the
 * number of working days from {@link #FIRST} up to and including it. Filled from the calendar after
 * every migration, so SQL can count working days as the calendar does:
 *
 * <ul>
 *   <li>{@code workingDaysBetween(a, b)} is {@code greatest(ordinal(b) - ordinal(a), 0)};
 *   <li>{@code addWorkingDays(a, n)} is the working day whose ordinal is {@code ordinal(a) + n}.
 * </ul>
 *
 * A day outside the table has no row: queries must notice that and count another way.
 */
public final class WorkingDayTable {

  /** The first day in the table. */
  public static final LocalDate FIRST = LocalDate.of(2000, 1, 1);

  /** The last day in the table. */
  public static final LocalDate LAST = LocalDate.of(2100, 12, 31);

  private WorkingDayTable() {}

  /** Whether every day from {@code from} to {@code to} has a row. */
  public static boolean covers(LocalDate from, LocalDate to) {
    return !from.isBefore(FIRST) && !to.isAfter(LAST);
  }
}
