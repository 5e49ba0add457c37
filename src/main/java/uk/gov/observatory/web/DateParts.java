package uk.gov.observatory.web;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.gov.observatory.calendar.DateInput;

/** A date as typed into a GOV.UK date input. */
public class DateParts implements Serializable {
  private static final long serialVersionUID = 1L;
  public String day;
  public String month;
  public String year;

  public DateParts() {}

  public DateParts(String day, String month, String year) {
    this.day = strip(day);
    this.month = strip(month);
    this.year = strip(year);
  }

  public String getDay() {
    return day;
  }

  public String getMonth() {
    return month;
  }

  public String getYear() {
    return year;
  }

  public boolean isBlank() {
    return day == null && month == null && year == null;
  }

  /**
   * The real date these parts give, within the dates any form accepts ({@link DateInput}: 1900 to
   * 2100), or null.
   */
  public LocalDate toDate() {
    LocalDate d = anyDate();
    return DateInput.isAllowed(d) ? d : null;
  }

  /** The real date these parts give, whatever its year, or null. */
  private LocalDate anyDate() {
    if (day == null
        || month == null
        || year == null
        || !year.matches("\\d{4}")
        || !day.matches("\\d{1,2}")
        || !month.matches("\\d{1,2}")) {
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** ISO text for the rules: the date if real, null if blank, otherwise the parts as given. */
  public String toIso() {
    if (isBlank()) {
      return null;
    }
    LocalDate d = toDate();
    if (d != null) {
      return d.toString();
    }
    return nz(year) + "-" + nz(month) + "-" + nz(day);
  }

  /**
   * What is wrong with the parts as a date, naming the field ({@code label}), or null when they are
   * blank (the rules decide if that is allowed) or a real date. The second element is the part to
   * link to: day, month or year.
   */
  public String[] problem(String label) {
    if (isBlank()) {
      return null;
    }
    List<String> missing = new ArrayList<>();
    if (day == null) {
      missing.add("day");
    }
    if (month == null) {
      missing.add("month");
    }
    if (year == null) {
      missing.add("year");
    }
    if (!missing.isEmpty()) {
      return new String[] {
        label + " must include a " + String.join(" and a ", missing), missing.get(0)
      };
    }
    if (year != null && !year.matches("\\d{4}")) {
      return new String[] {
        label + " must be a real date: the year must have 4 numbers, for example 2020", "year"
      };
    }
    if (anyDate() == null) {
      return new String[] {label + " must be a real date, for example 27 3 2020", "day"};
    }
    if (toDate() == null) {
      return new String[] {
        label
            + " must be from "
            + Fmt.dateOf(DateInput.EARLIEST)
            + " to "
            + Fmt.dateOf(DateInput.LATEST),
        "year"
      };
    }
    return null;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String strip(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
