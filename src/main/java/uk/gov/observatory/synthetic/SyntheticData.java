package uk.gov.observatory.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.notification.CsvCells;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.synthetic.internal.YearBlock;

/**
 * Writes a year of synthetic data as the data standard's five CSV files, ready for {@code import}.
 * At scale 1.0 the year is one block shaped exactly like the 2020 annual report (see {@code
 * AnnualReport2020} for every figure and each choice where the report is silent or contradicts
 * itself); at scale S it is S such blocks (the last one a fraction), each built, written and
 * forgotten in turn, so memory stays flat however large the run. References start {@code SYN-}, and
 * children's names, when asked for, say they are fictitious.
 */
public final class SyntheticData {

  /** What was written. */
  public record Summary(
      int year,
      double scale,
      long seed,
      long notifications,
      long children,
      long rapidReviews,
      long lcsprs,
      long yearlyReports) {}

  /** Told after each block: how many are done of how many. */
  public interface Progress {
    void blocks(long done, long total);

    Progress NONE = (done, total) -> {};
  }

  /** The first year the standard's reviews existed (Working Together 2018). */
  public static final int FIRST_YEAR = 2018;

  public static final double MAX_SCALE = 5000;

  private final ReferenceData reference;
  private final WorkingDayCalendar calendar;

  public SyntheticData(ReferenceData reference, WorkingDayCalendar calendar) {
    this.reference = reference;
    this.calendar = calendar;
  }

  /**
   * What is wrong with a request, in words that say what is allowed, or null when nothing is: a
   * year from 2018 to last year (the next year's 31 March must not be far in the future), a scale
   * above 0 and at most 5,000.
   */
  public static String problem(int year, double scale, LocalDate today) {
    if (year < FIRST_YEAR || year > today.getYear() - 1) {
      return "--year "
          + year
          + " is not allowed: give a year from "
          + FIRST_YEAR
          + " to "
          + (today.getYear() - 1)
          + " (a whole year that has ended)";
    }
    if (!(scale > 0) || scale > MAX_SCALE) {
      return "--scale " + scale + " is not allowed: give a number above 0 and at most 5000";
    }
    return null;
  }

  /** Writes the five files into {@code dir} (created if need be; files there are replaced). */
  public Summary generate(
      int year,
      double scale,
      long seed,
      boolean identifying,
      LocalDate today,
      Path dir,
      Progress progress)
      throws IOException {
    return generate(List.of(year), scale, seed, identifying, today, dir, progress);
  }

  /**
   * Several years into one set of files, with references unique across them (the demo loads 2019
   * and 2020 this way). Each year brings its own lead-in from the years before it, so a year's
   * report counts a little more than the report published for it when the next year is there too; a
   * year followed by the next has no notification whose review falls due in the next year (the next
   * year's lead-in stands for them), so that the next year's Tables 6 and 7 are as printed.
   */
  public Summary generate(
      List<Integer> years,
      double scale,
      long seed,
      boolean identifying,
      LocalDate today,
      Path dir,
      Progress progress)
      throws IOException {
    for (int year : years) {
      String problem = problem(year, scale, today);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }
    Files.createDirectories(dir);
    Map<Integer, Integer> notificationNumbers = new HashMap<>();
    Map<Integer, Integer> lcsprNumbers = new HashMap<>();
    Set<String> yearly = new HashSet<>();
    YearBlock.Refs refs =
        new YearBlock.Refs() {
          @Override
          public String notification(int y) {
            return String.format("SYN-%d-%05d", y, notificationNumbers.merge(y, 1, Integer::sum));
          }

          @Override
          public String lcspr(int y) {
            return String.format("SYN-LCSPR-%d-%05d", y, lcsprNumbers.merge(y, 1, Integer::sum));
          }

          @Override
          public boolean takeYearlyReport(String partnership, LocalDate day) {
            return yearly.add(partnership + day);
          }
        };
    long perYear = (long) Math.ceil(scale);
    long blocks = perYear * years.size();
    long notifications = 0;
    long children = 0;
    long reviews = 0;
    long lcsprs = 0;
    long reports = 0;
    try (CsvCells n = printer(dir, "notifications.csv", NOTIFICATIONS);
        CsvCells c = printer(dir, "children.csv", CHILDREN);
        CsvCells r = printer(dir, "rapid_reviews.csv", RAPID_REVIEWS);
        CsvCells l = printer(dir, "lcsprs.csv", LCSPRS);
        CsvCells y = printer(dir, "yearly_reports.csv", YEARLY_REPORTS)) {
      for (long block = 0; block < blocks; block++) {
        int year = years.get((int) (block / perYear));
        long b = block % perYear;
        double fraction = Math.min(1.0, scale - b);
        YearBlock.Output out =
            new YearBlock(
                    year,
                    fraction,
                    seed * 1_000_003L + year * 10_007L + b,
                    calendar,
                    reference.localAuthorities(),
                    refs,
                    today,
                    identifying)
                .nextYearInRun(years.contains(year + 1))
                .build();
        for (YearBlock.Case k : out.cases()) {
          n.printRecord(
              k.ref,
              k.la,
              k.incident,
              k.aware,
              k.notified,
              k.type,
              k.deathCategory,
              k.harmCategory,
              k.decile == null ? "" : k.decile,
              String.join(";", ordered(k.characteristics)),
              k.pattern,
              k.csc,
              k.court,
              k.living,
              String.join(";", k.covid));
          notifications++;
          for (YearBlock.Child child : k.children) {
            c.printRecord(
                k.ref,
                child.seq(),
                child.gender(),
                child.age(),
                child.ethnicity(),
                child.name() == null ? "" : child.name(),
                child.dateOfBirth() == null ? "" : child.dateOfBirth());
            children++;
          }
          if (k.review) {
            r.printRecord(
                k.ref,
                k.received == null ? "" : k.received,
                k.decision,
                k.reason,
                k.alternative ? "Y" : "N",
                k.view,
                String.join(";", k.themes));
            reviews++;
          }
        }
        for (YearBlock.Lcspr x : out.lcsprs()) {
          l.printRecord(
              x.ref(),
              String.join(";", x.notificationRefs()),
              x.initiated(),
              blank(x.completed()),
              blank(x.panelNotified()),
              blank(x.published()),
              x.status());
          lcsprs++;
        }
        for (YearBlock.YearlyReport x : out.yearlyReports()) {
          y.printRecord(
              x.partnership(),
              x.published(),
              x.requirements().get(0),
              x.requirements().get(1),
              x.requirements().get(2),
              x.requirements().get(3));
          reports++;
        }
        progress.blocks(block + 1, blocks);
      }
    }
    return new Summary(
        years.get(years.size() - 1),
        scale,
        seed,
        notifications,
        children,
        reviews,
        lcsprs,
        reports);
  }

  static final String[] NOTIFICATIONS = {
    "notification_ref",
    "la_code",
    "incident_date",
    "aware_date",
    "notified_date",
    "notification_type",
    "death_category",
    "harm_category",
    "imd_decile",
    "case_characteristics",
    "domestic_abuse_pattern",
    "csc_involvement",
    "court_order",
    "living_arrangement",
    "covid_factors"
  };
  static final String[] CHILDREN = {
    "notification_ref",
    "child_seq",
    "gender",
    "age_years",
    "ethnicity",
    "child_name",
    "date_of_birth"
  };
  static final String[] RAPID_REVIEWS = {
    "notification_ref",
    "received_date",
    "decision",
    "no_lcspr_reason",
    "alternative_methodology",
    "panel_view",
    "practice_themes"
  };
  static final String[] LCSPRS = {
    "lcspr_ref",
    "notification_refs",
    "initiated_date",
    "completed_date",
    "panel_notified_of_publication_date",
    "publication_date",
    "publication_status"
  };
  static final String[] YEARLY_REPORTS = {
    "partnership_code",
    "published_date",
    "req_impact",
    "req_limited_progress",
    "req_review_actions",
    "req_child_family_feedback"
  };

  /** The standard's order of case characteristics (list 4.3). */
  static final List<String> CHARACTERISTIC_ORDER =
      List.of(
          "PARENTAL_ALCOHOL_MISUSE",
          "PARENTAL_DRUG_MISUSE",
          "PARENTAL_ACES",
          "PARENT_CARE_LEAVER",
          "PARENTAL_CRIMINAL_RECORD",
          "MATERNAL_MENTAL_ILL_HEALTH",
          "PATERNAL_MENTAL_ILL_HEALTH",
          "PARENTAL_LEARNING_DIFFICULTY",
          "PARENTAL_SEPARATION",
          "DOMESTIC_ABUSE",
          "ELECTIVE_HOME_EDUCATION",
          "CHILD_DISABILITY",
          "CHILD_MENTAL_ILL_HEALTH",
          "NEGLECT_FEATURE",
          "CRIMINAL_EXPLOITATION_BACKGROUND",
          "PEER_ON_PEER_ABUSE",
          "GENDER_IDENTITY_FACTOR",
          "SECURE_ESTABLISHMENT");

  static List<String> ordered(Set<String> codes) {
    return CHARACTERISTIC_ORDER.stream().filter(codes::contains).toList();
  }

  static String blank(LocalDate d) {
    return d == null ? "" : d.toString();
  }

  static CsvCells printer(Path dir, String name, String[] header) throws IOException {
    Writer w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
    return CsvCells.printer(w, header);
  }
}
