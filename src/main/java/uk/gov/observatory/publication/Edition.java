package uk.gov.observatory.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * An edition of the Panel's report: a period, the date the data is read as at and an area (England
 * or a region). A draft until the secretariat publishes it; then frozen.
 *
 * @param id its number
 * @param status draft or published
 * @param kind what kind of period it covers
 * @param year the period's year (for the 12 months to a month's end, the year of that month)
 * @param number the quarter (1 to 4) or the month the 12 months end in (1 to 12); null for a year
 * @param from the first incident date counted
 * @param to the last incident date counted
 * @param asAt the date the data is read as at
 * @param regionCode the region's GSS code, or null for England
 * @param areaName where it covers, in words
 * @param createdAt when it was drafted
 * @param createdBy who drafted it
 * @param slug its address on the public pages once published (null while a draft)
 * @param publishedAt when it was published (null while a draft)
 * @param publishedBy who published it (null while a draft)
 * @param revisesId the published edition of the same period and area it revises, or null
 */
public record Edition(
    long id,
    Status status,
    PeriodKind kind,
    int year,
    Integer number,
    LocalDate from,
    LocalDate to,
    LocalDate asAt,
    String regionCode,
    String areaName,
    Instant createdAt,
    String createdBy,
    String slug,
    Instant publishedAt,
    String publishedBy,
    Long revisesId) {

  /** Where an edition is in its life. */
  public enum Status {
    DRAFT,
    PUBLISHED;

    public String label() {
      return this == DRAFT ? "Draft" : "Published";
    }
  }

  /** The kinds of period an edition covers. */
  public enum PeriodKind {
    YEAR,
    QUARTER,
    TWELVE_MONTHS;

    public String label() {
      return switch (this) {
        case YEAR -> "A calendar year";
        case QUARTER -> "A quarter";
        case TWELVE_MONTHS -> "The 12 months to the end of a month";
      };
    }

    /** The form's value for this kind. */
    public String value() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind a form's value names, or null. */
    public static PeriodKind of(String value) {
      for (PeriodKind k : values()) {
        if (k.value().equals(value)) {
          return k;
        }
      }
      return null;
    }
  }

  /** The first and last days of a period, from its kind, year and quarter or month. */
  public static LocalDate[] dates(PeriodKind kind, int year, Integer number) {
    return switch (kind) {
      case YEAR -> new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
      case QUARTER -> {
        LocalDate first = LocalDate.of(year, (number - 1) * 3 + 1, 1);
        yield new LocalDate[] {first, first.plusMonths(3).minusDays(1)};
      }
      case TWELVE_MONTHS -> {
        LocalDate last = LocalDate.of(year, number, 1).plusMonths(1).minusDays(1);
        yield new LocalDate[] {last.plusDays(1).minusYears(1), last};
      }
    };
  }

  /** The period in words: "2020", "January to March 2021", "12 months to March 2021". */
  public String period() {
    return periodWords(kind, year, number);
  }

  static String periodWords(PeriodKind kind, int year, Integer number) {
    return switch (kind) {
      case YEAR -> String.valueOf(year);
      case QUARTER ->
          month((number - 1) * 3 + 1) + " to " + month((number - 1) * 3 + 3) + " " + year;
      case TWELVE_MONTHS -> "12 months to " + month(number) + " " + year;
    };
  }

  static String month(int month) {
    return Month.of(month).getDisplayName(TextStyle.FULL, Locale.UK);
  }

  /** The edition's name: "England, 2020" or "North West, January to March 2021". */
  public String name() {
    return areaName + ", " + period();
  }

  /** The day it was published, in the UK (null while a draft). */
  public LocalDate publishedOn() {
    return publishedAt == null
        ? null
        : publishedAt.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
  }

  public boolean published() {
    return status == Status.PUBLISHED;
  }
}
