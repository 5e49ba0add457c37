package uk.gov.observatory.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for a date typed or sent by a person or a program (the API's bodies and query
 * parameters, the pages' forms and filters): {@code YYYY-MM-DD} with a four-digit year and ASCII
 * digits only, a real day of the calendar, between {@link #EARLIEST} and {@link #LATEST}.
 *
 * <p>The range is wide enough for any child's date of birth and any date a review may carry, and
 * narrow enough that PostgreSQL (and the working-day table, which covers 2000 to 2100) never meets
 * a date it cannot store or count: {@code +999999999-12-31} and {@code -999999999-01-01}, which
 * Java's own parser accepts, are refused here.
 */
public final class DateInput {

  /** The earliest date accepted: 1 January 1900. */
  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  /** The latest date accepted: 31 December 2100. */
  public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  /** What a date must be, for messages: "a date written YYYY-MM-DD, from 1900-01-01 to ...". */
  public static final String RULE = "a date written YYYY-MM-DD, from " + EARLIEST + " to " + LATEST;

  private static final Pattern SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final DateTimeFormatter STRICT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  private DateInput() {}

  /**
   * The date the text names, or empty when it is not a date by this rule (wrong shape, a digit that
   * is not ASCII, a day that does not exist, or outside the range). The text is not stripped: a
   * caller that allows surrounding spaces strips first. {@code null} gives empty.
   */
  public static Optional<LocalDate> parse(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      LocalDate date = LocalDate.parse(text, STRICT);
      return isAllowed(date) ? Optional.of(date) : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The date the text names, or {@code null} when it is not a date by this rule. */
  public static LocalDate parseOrNull(String text) {
    return parse(text).orElse(null);
  }

  /** Whether a date (however it was obtained) lies within the accepted range. */
  public static boolean isAllowed(LocalDate date) {
    return date != null && !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
  }

  /**
   * The message for a field or parameter that broke the rule: "{name} must be a date written...".
   */
  public static String message(String name) {
    return name + " must be " + RULE;
  }
}
