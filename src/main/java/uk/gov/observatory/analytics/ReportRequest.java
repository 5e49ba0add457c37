package uk.gov.observatory.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.gov.observatory.calendar.DateInput;
import uk.gov.observatory.calendar.WorkingDayTable;

/**
 * What a report is asked for (REPORT-SPEC.md): a period of incident dates (both inclusive), the
 * date the data is read as at, and an optional area: a region or a local authority (not both).
 *
 * <p>A report's dates lie within the days the table {@code working_day} holds ({@link #EARLIEST} to
 * {@link #LATEST}), and its period is at most {@link #MAX_YEARS} years: {@link #periodProblems()}
 * is that rule, the one the pages, the API and the command line all meet (through {@link
 * Reports#check}).
 */
public record ReportRequest(
    LocalDate from, LocalDate to, LocalDate asAt, String regionCode, String laCode) {

  /** The earliest date a report may name: the first day of the table {@code working_day}. */
  public static final LocalDate EARLIEST = WorkingDayTable.FIRST;

  /** The latest date a report may name: the last day of the table {@code working_day}. */
  public static final LocalDate LATEST = WorkingDayTable.LAST;

  /** The longest period a report may cover, in years. */
  public static final int MAX_YEARS = 10;

  /** The range of a report's dates, for messages: "from 2000-01-01 to 2100-12-31". */
  public static final String RANGE = "from " + EARLIEST + " to " + LATEST;

  /** What a report's date must be, for messages: "a real date written as YYYY-MM-DD, from ...". */
  public static final String DATE_RULE = "a real date written as YYYY-MM-DD, " + RANGE;

  /**
   * A report date typed or sent by a person or a program, by the one rule for dates from input
   * ({@link DateInput}) and within this range; null when it is not one.
   */
  public static LocalDate parseDate(String text) {
    LocalDate d = DateInput.parseOrNull(text);
    return d == null || !within(d) ? null : d;
  }

  /** The last day a period starting on {@code from} may end on. */
  public static LocalDate latestEnd(LocalDate from) {
    return from.plusYears(MAX_YEARS).minusDays(1);
  }

  /**
   * The problems of the dates alone (each named {@code from}, {@code to} or {@code as_at}): a date
   * outside {@link #EARLIEST} to {@link #LATEST}, or a period longer than {@link #MAX_YEARS} years.
   * Missing dates and their order are {@link Reports#check}'s.
   */
  public List<InvalidReportException.Problem> periodProblems() {
    List<InvalidReportException.Problem> problems = new ArrayList<>();
    if (from != null && !within(from)) {
      problems.add(
          new InvalidReportException.Problem("from", "The start of the period must be " + RANGE));
    }
    if (to != null && !within(to)) {
      problems.add(
          new InvalidReportException.Problem("to", "The end of the period must be " + RANGE));
    }
    if (asAt != null && !within(asAt)) {
      problems.add(new InvalidReportException.Problem("as_at", "The as-at date must be " + RANGE));
    }
    if (problems.isEmpty() && from != null && to != null && to.isAfter(latestEnd(from))) {
      problems.add(
          new InvalidReportException.Problem(
              "to",
              "The period can be at most "
                  + MAX_YEARS
                  + " years: starting on "
                  + from
                  + ", it must end on or before "
                  + latestEnd(from)));
    }
    return problems;
  }

  private static boolean within(LocalDate d) {
    return !d.isBefore(EARLIEST) && !d.isAfter(LATEST);
  }
}
