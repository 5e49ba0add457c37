package uk.gov.observatory.notification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import uk.gov.observatory.calendar.DateInput;
import uk.gov.observatory.reference.CodeList;
import uk.gov.observatory.reference.ReferenceData;

/**
 * The field types of the data standard (DATA-STANDARD.md), read from text with one wording for each
 * error: a date, a code of a code list, a list of codes, Y/N, a whole number and a reference. The
 * notification rules (pages, API and notifications.csv), the review files' import and the API's
 * review bodies all read their fields here, so a type is read, and its error worded, once.
 *
 * <p>Each problem goes to the caller's {@link Problems}: the field, the value as given (null when
 * blank) and the reason, which says what is allowed. A read that fails gives null.
 */
public final class StandardFields {

  /** Where problems go: the field, the value as given (null when blank), and why. */
  @FunctionalInterface
  public interface Problems {
    void add(String field, String value, String reason);
  }

  /** Text that is not a date by {@link DateInput}'s rule. */
  public static final String NOT_A_DATE =
      "is not a date: use YYYY-MM-DD, from " + DateInput.EARLIEST + " to " + DateInput.LATEST;

  /** Y/N: what is allowed. */
  public static final String YES_NO_ALLOWED = "allowed values are Y, N (blank is N)";

  /** A reference (of a notification or an LCSPR): 1 to 40 letters, digits, '-', '_' or '.'. */
  public static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");

  private final ReferenceData reference;
  private final Problems problems;

  /**
   * Reads fields, sending problems to {@code problems}; {@code reference} gives the code lists (it
   * may be null when no code is read).
   */
  public StandardFields(ReferenceData reference, Problems problems) {
    this.reference = reference;
    this.problems = problems;
  }

  /** The text without surrounding white space, or null when that leaves nothing. */
  public static String trim(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  /**
   * Whether the text is one to nine ASCII digits 0-9: never other scripts' digits, and no sign (no
   * number the standard reads from input is negative, and a {@code +} is not a digit).
   */
  public static boolean isWholeNumber(String s) {
    if (s == null || s.isEmpty() || s.length() > 9) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A date by {@link DateInput}'s rule; blank is null (a problem when {@code required}). */
  public LocalDate date(String field, String raw, boolean required) {
    return date(field, raw, required, "");
  }

  /**
   * As {@link #date(String, String, boolean)}, {@code when} saying when it is required (" when
   * publication_status is PUBLISHED").
   */
  public LocalDate date(String field, String raw, boolean required, String when) {
    String v = trim(raw);
    if (v == null) {
      if (required) {
        problems.add(field, null, "is required" + when + ": use YYYY-MM-DD");
      }
      return null;
    }
    LocalDate d = DateInput.parseOrNull(v);
    if (d == null) {
      problems.add(field, v, NOT_A_DATE);
    }
    return d;
  }

  /**
   * A required date no later than {@code today}: a date of something that has happened (the dates
   * of a notification).
   */
  public LocalDate pastDate(String field, String raw, LocalDate today) {
    LocalDate d = date(field, raw, true);
    if (d != null && d.isAfter(today)) {
      problems.add(
          field,
          trim(raw),
          "is in the future (today is "
              + uk.gov.observatory.web.Fmt.dateOf(today)
              + "): it must be today or earlier");
      return null;
    }
    return d;
  }

  /** A code of the code list {@code listName}; blank is null (a problem when required). */
  public String code(String field, String raw, String listName, boolean required) {
    return code(field, raw, listName, required, "");
  }

  /**
   * As {@link #code(String, String, String, boolean)}, {@code when} saying when it is required ("
   * when notification_type is DEATH").
   */
  public String code(String field, String raw, String listName, boolean required, String when) {
    CodeList list = reference.codeList(listName);
    String v = trim(raw);
    if (v == null) {
      if (required) {
        problems.add(field, null, "is required" + when + ": allowed values are " + list.allowed());
      }
      return null;
    }
    if (!list.contains(v)) {
      problems.add(
          field,
          v,
          "is not an allowed value: allowed values are "
              + list.allowed()
              + (required ? "" : ", or blank"));
      return null;
    }
    return v;
  }

  /** Codes of the code list {@code listName}, each once; those that are not are left out. */
  public List<String> codes(String field, List<String> items, String listName) {
    CodeList list = reference.codeList(listName);
    List<String> out = new ArrayList<>();
    for (String item : items) {
      String v = trim(item);
      if (v == null) {
        problems.add(
            field, String.join(";", items), "has an empty entry: separate codes with a single ';'");
      } else if (!list.contains(v)) {
        problems.add(field, v, "is not an allowed value: allowed values are " + list.allowed());
      } else if (out.contains(v)) {
        problems.add(field, v, "is repeated: give each code once");
      } else {
        out.add(v);
      }
    }
    return out;
  }

  /** Y or N; blank is N. Anything else is a problem (and null). */
  public Boolean yesNo(String field, String raw) {
    String v = trim(raw);
    if (v == null || v.equals("N")) {
      return false;
    }
    if (v.equals("Y")) {
      return true;
    }
    problems.add(field, v, "is not an allowed value: " + YES_NO_ALLOWED);
    return null;
  }

  /**
   * A whole number from {@code min} to {@code max}; blank is null (a problem when required). {@code
   * allowed} says what is allowed ("a whole number of years from 0 to 17").
   */
  public Integer wholeNumber(
      String field, String raw, int min, int max, boolean required, String allowed) {
    String v = trim(raw);
    if (v == null) {
      if (required) {
        problems.add(field, null, "is required: " + allowed);
      }
      return null;
    }
    if (!isWholeNumber(v)) {
      problems.add(field, v, "is not a whole number: " + allowed);
      return null;
    }
    int n = Integer.parseInt(v);
    if (n < min || n > max) {
      problems.add(field, v, "is out of range: " + allowed);
      return null;
    }
    return n;
  }

  /**
   * References separated by ';' (of the notifications an LCSPR covers), each without surrounding
   * space, in the order given; an empty entry is a problem. Blank gives none.
   */
  public List<String> references(String field, String raw) {
    List<String> out = new ArrayList<>();
    if (raw == null || raw.isBlank()) {
      return out;
    }
    for (String item : raw.split(";", -1)) {
      String v = trim(item);
      if (v == null) {
        problems.add(field, raw, "has an empty entry: separate references with a single ';'");
      } else {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * A reference of a record (a notification's, an LCSPR's), or null with a problem when it is not
   * one; blank is null without a problem (the caller says why it is required). {@code example}
   * shows one ("SIN-2020-00042").
   */
  public String reference(String field, String raw, String example) {
    String v = trim(raw);
    if (v != null && !REFERENCE.matcher(v).matches()) {
      problems.add(
          field,
          v,
          "is not a valid reference: use 1 to 40 letters, digits, '-', '_' or '.', starting with a"
              + " letter or digit, e.g. "
              + example);
      return null;
    }
    return v;
  }
}
