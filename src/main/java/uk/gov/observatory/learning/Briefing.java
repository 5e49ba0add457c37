package uk.gov.observatory.learning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A quarterly learning briefing: its quarter (Q1 = January to March), whether it is a draft or
 * published (then frozen), and the secretariat's introduction.
 */
public record Briefing(
    long id,
    int year,
    int quarter,
    Status status,
    String introduction,
    Instant created,
    String createdBy,
    Instant published,
    String publishedBy) {

  public enum Status {
    DRAFT,
    PUBLISHED;

    public String label() {
      return this == DRAFT ? "Draft" : "Published";
    }
  }

  public boolean isPublished() {
    return status == Status.PUBLISHED;
  }

  /** The day it was published, in England (null while a draft). */
  public LocalDate publishedOn() {
    return published == null
        ? null
        : published.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
  }

  /** The first day of the quarter. */
  public LocalDate from() {
    return from(year, quarter);
  }

  /** The last day of the quarter. */
  public LocalDate to() {
    return from().plusMonths(3).minusDays(1);
  }

  public static LocalDate from(int year, int quarter) {
    return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
  }

  /** The quarter in words: "April to June 2020". */
  public String quarterWords() {
    return quarterWords(year, quarter);
  }

  public static String quarterWords(int year, int quarter) {
    return month((quarter - 1) * 3 + 1) + " to " + month((quarter - 1) * 3 + 3) + " " + year;
  }

  /** Its title: "Learning briefing: April to June 2020". */
  public String title() {
    return "Learning briefing: " + quarterWords();
  }

  /** Its address once published: "2020-q2". */
  public String slug() {
    return year + "-q" + quarter;
  }

  private static String month(int m) {
    return Month.of(m).getDisplayName(TextStyle.FULL, Locale.UK);
  }
}
