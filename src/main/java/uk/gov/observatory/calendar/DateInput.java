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

  /**
   * What a date typed into a page's filter may be, for messages: "a real date, for example
   * 30/06/2020 or 2020-06-30".
   */
  public static final String FILTER_RULE = "a real date, for example 30/06/2020 or 2020-06-30";

  private static final Pattern UK_SHAPE =
      Pattern.compile("([0-9]{1,2})\\s*[/.\\- ]\\s*([0-9]{1,2})\\s*[/.\\- ]\\s*([0-9]{4})");

  private static final DateTimeFormatter UK_WORDS =
      new java.time.format.DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("d MMMM uuuu")
          .toFormatter(java.util.Locale.UK)
          .withResolverStyle(ResolverStyle.STRICT);

  private static final DateTimeFormatter UK_WORDS_SHORT =
      new java.time.format.DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("d MMM uuuu")
          .toFormatter(java.util.Locale.UK)
          .withResolverStyle(ResolverStyle.STRICT);

  /**
   * A date typed by a person into a page's filter (the register, the audit log, analytics): the
   * strict rule's {@code YYYY-MM-DD}, or the way people in the UK write dates, day first with a
   * four-digit year ({@code 30/06/2020}, {@code 30-6-2020}, {@code 30.06.2020}, {@code 30 6 2020},
   * {@code 30 June 2020}, {@code 30 Jun 2020}); ASCII digits only, a real day, within the range.
   * Surrounding spaces are ignored. Empty when it is none of these. The API keeps the strict rule
   * ({@link #parse}).
   */
  public static Optional<LocalDate> parseFilter(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    Optional<LocalDate> iso = parse(t);
    if (iso.isPresent()) {
      return iso;
    }
    java.util.regex.Matcher m = UK_SHAPE.matcher(t);
    try {
      LocalDate date;
      if (m.matches()) {
        date =
            LocalDate.of(
                Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(1)));
      } else if (t.matches("[0-9]{1,2} [A-Za-z]{3,9} [0-9]{4}")) {
        date = words(t);
        if (date == null) {
          return Optional.empty();
        }
      } else {
        return Optional.empty();
      }
      return isAllowed(date) ? Optional.of(date) : Optional.empty();
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  /** 30 June 2020 or 30 Jun 2020 (any case); null when not a date. */
  private static LocalDate words(String t) {
    for (DateTimeFormatter f : java.util.List.of(UK_WORDS, UK_WORDS_SHORT)) {
      try {
        return LocalDate.parse(t, f);
      } catch (DateTimeParseException e) {
        // the next way of writing it
      }
    }
    return null;
  }

  /** {@link #parseFilter}, or {@code null} when the text is not a date a filter takes. */
  public static LocalDate parseFilterOrNull(String text) {
    return parseFilter(text).orElse(null);
  }
}
