package uk.gov.observatory.analytics;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import uk.gov.observatory.analytics.PublishedReport.RowKind;
import uk.gov.observatory.analytics.PublishedReport.Unit;

/**
 * Lays a computed report out as the Panel's annual report prints it: each table numbered and titled
 * as the report does (Table 1 to Table 8, Chart 1, Graph 3, Graph 4; the report's other figures
 * unnumbered, titled in words), in the order the report reads, its rows and columns in words (with
 * the report's group headings and "of which" rows), its footnotes, the comparator period's columns
 * where the report has them (Table 6), and a first draft of the paragraph that carries its figures
 * ({@link ReportText}).
 */
public final class AnnualReportLayout {

  private AnnualReportLayout() {}

  /** The title every edition starts with. */
  public static final String TITLE = "Serious incident notifications";

  /**
   * The tables in the order the annual report reads: the notifications (section 4: paragraph 19,
   * Chart 1, Graph 3, Tables 1 to 5), then the practice themes and yearly reports (sections 5 and
   * 6), then the quality of reporting and reviews (section 7: Graph 4, Tables 6 to 8, the decisions
   * and the LCSPRs).
   */
  public static final List<String> ORDER =
      List.of(
          "H", "IMD1", "A1", "T1", "T2", "T3", "T4A", "T4", "T5", "CV1", "TH1", "Y1", "LA1", "T6",
          "T7", "T8", "D1", "D2", "D3", "L1", "L2");

  private static final DateTimeFormatter UK_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /**
   * The report laid out for publication. Tables 7 and 8 are titled without the dates of the
   * authorised extension, which the report alone does not know: give the policy periods with {@link
   * #lay(Report, Report, String, List)} to have them named.
   *
   * @param report the report (disclosure-controlled when it is for publication)
   * @param comparator the same tables for the comparator period, or null
   * @param areaName where the report covers, in words
   */
  public static PublishedReport lay(Report report, Report comparator, String areaName) {
    return lay(report, comparator, areaName, null);
  }

  /**
   * An authorised extension of the rapid review target: the notified dates it covered (the review
   * module's timeliness policy periods marked as authorised extensions).
   */
  public record Extension(LocalDate notifiedFrom, LocalDate notifiedTo) {}

  /**
   * The report laid out for publication, Tables 7 and 8 titled and footnoted by the authorised
   * extensions of the rapid review target (null when not known: they are then titled in general
   * words).
   */
  public static PublishedReport lay(
      Report report, Report comparator, String areaName, List<Extension> extensions) {
    ReportRequest r = report.request();
    Context ctx =
        new Context(
            r.from(),
            r.to(),
            r.asAt(),
            comparator == null ? null : comparator.request(),
            extensions == null
                ? null
                : extensions.stream()
                    .map(e -> new LocalDate[] {e.notifiedFrom(), e.notifiedTo()})
                    .toList());
    Set<String> ids = new LinkedHashSet<>();
    ORDER.stream().filter(report.tables()::containsKey).forEach(ids::add);
    ids.addAll(report.tables().keySet());
    List<PublishedReport.Table> tables = new ArrayList<>();
    for (String id : ids) {
      List<Cell> compared =
          comparator == null || !COMPARED.contains(id) ? null : comparator.tables().get(id);
      tables.add(table(id, report.tables().get(id), compared, ctx));
    }
    PublishedReport laid =
        new PublishedReport(
            title(r.from(), r.to()),
            areaName,
            r.from(),
            r.to(),
            r.asAt(),
            comparator == null
                ? null
                : periodWords(comparator.request().from(), comparator.request().to()),
            tables,
            List.of());
    return laid.withParagraphs(ReportText.draft(laid));
  }

  /** An edition's title: "Serious incident notifications: 2020". */
  public static String title(LocalDate from, LocalDate to) {
    return TITLE + ": " + periodWords(from, to);
  }

  /**
   * A period in words: a calendar year "2020", a quarter "April to June 2020", any other period "1
   * April 2020 to 31 March 2021" (one day: "1 April 2020").
   */
  public static String periodWords(LocalDate from, LocalDate to) {
    if (from.equals(to)) {
      return date(from);
    }
    if (from.getDayOfYear() == 1 && to.equals(from.withMonth(12).withDayOfMonth(31))) {
      return Integer.toString(from.getYear());
    }
    if (from.getDayOfMonth() == 1
        && (from.getMonthValue() - 1) % 3 == 0
        && to.equals(from.plusMonths(3).minusDays(1))) {
      return month(from.getMonth()) + " to " + month(to.getMonth()) + " " + to.getYear();
    }
    return date(from) + " to " + date(to);
  }

  /** A date the UK way: "31 March 2021". */
  static String date(LocalDate d) {
    return UK_DATE.format(d);
  }

  private static String month(Month m) {
    return m.getDisplayName(TextStyle.FULL, Locale.UK);
  }

  /** Days in words by whole months where they are ("April 2020 to September 2020"). */
  static String rangeWords(LocalDate a, LocalDate b) {
    boolean wholeMonths =
        a.getDayOfMonth() == 1 && b.getDayOfMonth() == b.lengthOfMonth() && !b.isBefore(a);
    if (!wholeMonths) {
      return a.equals(b) ? date(a) : date(a) + " to " + date(b);
    }
    String first = month(a.getMonth()) + " " + a.getYear();
    String last = month(b.getMonth()) + " " + b.getYear();
    return first.equals(last) ? first : first + " to " + last;
  }

  /** What a laying out knows besides the cells. */
  record Context(
      LocalDate from,
      LocalDate to,
      LocalDate asAt,
      ReportRequest comparator,
      List<LocalDate[]> extensions) {

    String asAtWords() {
      return date(asAt);
    }

    String period() {
      return periodWords(from, to);
    }

    /** The authorised extensions within the period, clipped to it, in order (null: not known). */
    List<LocalDate[]> extensionsInPeriod() {
      if (extensions == null) {
        return null;
      }
      List<LocalDate[]> in = new ArrayList<>();
      for (LocalDate[] e : extensions) {
        LocalDate a = e[0].isBefore(from) ? from : e[0];
        LocalDate b = e[1].isAfter(to) ? to : e[1];
        if (!b.isBefore(a)) {
          in.add(new LocalDate[] {a, b});
        }
      }
      in.sort((x, y) -> x[0].compareTo(y[0]));
      return in;
    }

    /** The parts of the period outside every authorised extension. */
    List<LocalDate[]> outsideExtensions() {
      List<LocalDate[]> out = new ArrayList<>();
      LocalDate next = from;
      for (LocalDate[] e : extensionsInPeriod()) {
        if (e[0].isAfter(next)) {
          out.add(new LocalDate[] {next, e[0].minusDays(1)});
        }
        if (!e[1].isBefore(next)) {
          next = e[1].plusDays(1);
        }
      }
      if (!next.isAfter(to)) {
        out.add(new LocalDate[] {next, to});
      }
      return out;
    }
  }

  /** The tables the report gives the comparator period's figures for (the annual report's T6). */
  static final Set<String> COMPARED = Set.of("T6");

  /** A column of a table: its code, its heading (null: left out, as the report does) and unit. */
  record Col(String code, String label) {}

  /** A row of a table: its code (null for a heading), its label and kind. */
  record Line(String code, String label, RowKind kind) {}

  /** How one table is laid out. */
  record Spec(
      String title, String rowHeading, List<Col> columns, List<Line> rows, List<String> notes) {}

  static Col col(String code, String label) {
    return new Col(code, label);
  }

  static Line row(String code, String label) {
    return new Line(code, label, RowKind.ROW);
  }

  static Line sub(String code, String label) {
    return new Line(code, label, RowKind.SUBROW);
  }

  static Line heading(String label) {
    return new Line(null, label, RowKind.HEADING);
  }

  static Line total(String code, String label) {
    return new Line(code, label, RowKind.TOTAL);
  }

  static Line total() {
    return total("TOTAL", "Total");
  }

  /**
   * Tables 4 and 5's columns: the report's "Death N (%) | Serious harm N (%) | Other N | Total".
   */
  static final List<Col> BY_TYPE =
      List.of(
          col("DEATH_COUNT", "Death: number"),
          col("DEATH_PERCENT", "Death: %"),
          col("SERIOUS_HARM_COUNT", "Serious harm: number"),
          col("SERIOUS_HARM_PERCENT", "Serious harm: %"),
          col("OTHER_COUNT", "Other: number"),
          col("OTHER_PERCENT", null),
          col("TOTAL_COUNT", "Total: number"),
          col("TOTAL_PERCENT", "Total: %"));

  static final List<Line> BANDS =
      List.of(
          row("BAND_1_15", "1-15"),
          row("BAND_16_25", "16-25"),
          row("BAND_26_59", "26-59"),
          row("BAND_60_PLUS", "60+"),
          total("TOTAL", "Totals"));

  static List<Col> timelinessColumns(Context ctx) {
    return List.of(
        col("RECEIVED", "No. of rapid reviews received"),
        col("NOT_YET_RECEIVED", "No. of rapid reviews not yet received as at " + ctx.asAtWords()),
        col("TOTAL", "Totals"),
        col("PERCENT", "%"),
        col("OUTSTANDING_MIN_WD", "Fewest working days outstanding"),
        col("OUTSTANDING_MAX_WD", "Most working days outstanding"));
  }

  /** The layout of each table the report prints, as it prints it. */
  static Spec spec(String id, Context ctx) {
    String asAt = ctx.asAtWords();
    return switch (id) {
      case "H" ->
          new Spec(
              null,
              "Notifications",
              List.of(col("COUNT", "Number")),
              List.of(
                  row("NOTIFICATIONS", "Serious incidents notified"),
                  sub("DEATH", "Child deaths"),
                  sub("SERIOUS_HARM", "Serious harm"),
                  sub("OTHER", "Other issues"),
                  row("CHILDREN", "Children involved"),
                  row("LAS_NOTIFYING", "Local authorities notifying"),
                  row(
                      "LATE_NOTIFICATIONS",
                      "Notified more than 5 working days after the local authority became aware")),
              List.of(
                  "Serious incidents which occurred between "
                      + date(ctx.from())
                      + " and "
                      + date(ctx.to())
                      + ", as notified to the Panel by "
                      + asAt
                      + "."));
      case "IMD1" ->
          new Spec(
              null,
              "Deprivation of the child's area (Index of Multiple Deprivation)",
              List.of(col("COUNT", "Number"), col("PERCENT", "Percentage (where known)")),
              List.of(
                  row("QUINTILE_1", "Most deprived 20% of areas"),
                  row("QUINTILE_2", "Second most deprived 20%"),
                  row("QUINTILE_3", "Middle 20%"),
                  row("QUINTILE_4", "Second least deprived 20%"),
                  row("QUINTILE_5", "Least deprived 20% of areas"),
                  row("UNKNOWN", "Not known"),
                  total()),
              List.of(
                  "Areas of England in fifths by the Index of Multiple Deprivation of the child's"
                      + " home area. Percentages are of the notifications where it is known."));
      case "A1" ->
          new Spec(
              null,
              "Age",
              List.of(
                  col("MALE", "Male"),
                  col("FEMALE", "Female"),
                  col("TRANSGENDER", "Transgender"),
                  col("NOT_KNOWN", "Gender not known"),
                  col("TOTAL", "Total"),
                  col("PERCENT", "Percentage of all children")),
              List.of(
                  row("UNDER_1", "Under 1"),
                  row("AGE_1_4", "1 to 4"),
                  row("AGE_5_9", "5 to 9"),
                  row("AGE_10_14", "10 to 14"),
                  row("AGE_15_17", "15 to 17"),
                  total()),
              List.of("The children of the notifications, by their age at the incident."));
      case "T1" ->
          new Spec(
              null,
              "Ethnic group",
              List.of(
                  col("COUNT", "Number"),
                  col("PERCENT", "Percentage (where recorded)"),
                  col("CENSUS_PERCENT", "Percentage of 0-17 year olds in 2011 census")),
              List.of(
                  row("ASIAN", "Asian or Asian British"),
                  row("BLACK", "Black or Black British"),
                  row("MIXED", "Mixed"),
                  row("WHITE_BRITISH", "White British"),
                  row("WHITE_OTHER", "White other"),
                  row("OTHER", "Any other ethnic group"),
                  row("NOT_RECORDED", "Not recorded"),
                  total()),
              List.of(
                  "Percentages are of the children whose ethnicity was recorded. The census"
                      + " column gives each group's share of 0 to 17 year olds in England in the"
                      + " 2011 census."));
      case "T2" ->
          new Spec(
              null,
              "Category of death",
              List.of(col("COUNT", "Number"), col("PERCENT", "Percentage of all fatal cases")),
              List.of(
                  row("OVERT_FILICIDE", "Overt filicide"),
                  row("COVERT_FILICIDE", "Covert filicide"),
                  row("FATAL_PHYSICAL_ABUSE", "Fatal physical abuse"),
                  row("SEVERE_PERSISTENT_CRUELTY", "Severe, persistent child cruelty"),
                  row("EXTREME_NEGLECT", "Extreme neglect/deprivational abuse"),
                  row("EXTRA_FAMILIAL_HOMICIDE", "Extra-familial child homicide"),
                  row("EXTRA_FAMILIAL_FATAL_ASSAULT", "Extra-familial fatal assaults"),
                  row("SUDI", "Sudden Unexpected Death in Infancy (SUDI)"),
                  row("SUICIDE", "Suicide"),
                  row("RELATED", "Other deaths related to maltreatment, of which:"),
                  sub("RELATED_ACCIDENT", "Accident"),
                  sub("RELATED_MEDICAL", "Medical"),
                  sub("RELATED_RISK_TAKING", "Risk-taking behaviour"),
                  sub("RELATED_POISONING", "Poisoning"),
                  sub("RELATED_OTHER", "Other related to maltreatment"),
                  row("NOT_MALTREATMENT_RELATED", "Not maltreatment related"),
                  row("NOT_CLEAR", "Not clear"),
                  total(),
                  heading("Groups of the categories above"),
                  row("MALTREATMENT_FAMILY", "Caused by maltreatment within the family"),
                  row("EXTRA_FAMILIAL", "Extra-familial assaults or homicide")),
              List.of(
                  "Percentages are of all notifications of a child's death.",
                  "Caused by maltreatment within the family: overt and covert filicide, fatal"
                      + " physical abuse, severe, persistent child cruelty and extreme neglect."
                      + " Extra-familial assaults or homicide: extra-familial child homicide and"
                      + " fatal assaults."));
      case "T3" ->
          new Spec(
              null,
              "Category of serious harm",
              List.of(col("COUNT", "Number"), col("PERCENT", "Percentage of all non-fatal cases")),
              List.of(
                  row("NONFATAL_PHYSICAL_ABUSE", "Non-fatal physical abuse"),
                  row("NONFATAL_NEGLECT", "Non-fatal neglect"),
                  row("EMOTIONAL_ABUSE", "Emotional abuse"),
                  row("CSA_INTRA_FAMILIAL", "Child sexual abuse – intra-familial"),
                  row("CSA_EXTRA_FAMILIAL", "Child sexual abuse – extra-familial"),
                  row("CSE", "Child sexual exploitation"),
                  row("CRIMINAL_EXPLOITATION", "Criminal exploitation"),
                  row("YOUNG_PERSON_PERPETRATOR", "Young person perpetrator"),
                  row("OTHER_RISK_TAKING_VIOLENT", "Other risk taking/violent behaviour"),
                  row("OTHER_NON_FATAL", "Other non-fatal incidents"),
                  total()),
              List.of(
                  "The data includes the serious incidents notified to the Panel as 'other' as"
                      + " well as those of serious harm: percentages are of all non-fatal"
                      + " cases."));
      case "T4A" ->
          new Spec(
              null,
              "Pattern of domestic abuse",
              List.of(col("COUNT", "Number"), col("PERCENT", "Percentage (where recorded)")),
              List.of(
                  row("FATHER_TO_MOTHER", "Father to mother"),
                  row("MOTHER_TO_FATHER", "Mother to father"),
                  row("BOTH_PARENTS", "Both parents"),
                  row("YOUNG_PERSON_TO_ADULT", "Young person to adult"),
                  row("OTHER", "Other pattern"),
                  row("NOT_RECORDED", "Not recorded"),
                  total()),
              List.of(
                  "Notifications where domestic abuse was a feature. Percentages are of those"
                      + " with a pattern recorded."));
      case "T4" ->
          new Spec(
              null,
              "Case characteristic",
              BY_TYPE,
              List.of(
                  heading("Parent characteristics"),
                  row("PARENTAL_ALCOHOL_MISUSE", "Parental alcohol misuse"),
                  row("PARENTAL_DRUG_MISUSE", "Parental drug misuse"),
                  row("PARENTAL_ACES", "Parental adverse childhood experiences"),
                  row("PARENT_CARE_LEAVER", "Parent care leaver"),
                  row("PARENTAL_CRIMINAL_RECORD", "Parental criminal record"),
                  row("PARENTAL_MENTAL_ILL_HEALTH", "Parental mental ill-health, of which:"),
                  sub("MATERNAL_MENTAL_ILL_HEALTH", "Maternal mental ill-health"),
                  sub("PATERNAL_MENTAL_ILL_HEALTH", "Paternal mental ill-health"),
                  row("PARENTAL_LEARNING_DIFFICULTY", "Parental learning difficulty"),
                  heading("Family characteristics"),
                  row("PARENTAL_SEPARATION", "Parental separation"),
                  row("DOMESTIC_ABUSE", "Domestic abuse, of which:"),
                  sub(
                      "DOMESTIC_ABUSE_AND_SUBSTANCE_MISUSE",
                      "With parental alcohol or drug misuse"),
                  row("ELECTIVE_HOME_EDUCATION", "Elective home education"),
                  heading("Child characteristics"),
                  row("CHILD_DISABILITY", "Disability"),
                  row("CHILD_MENTAL_ILL_HEALTH", "Mental ill-health of child"),
                  heading("Other features"),
                  row("NEGLECT_FEATURE", "Neglect an underlying feature"),
                  row(
                      "CRIMINAL_EXPLOITATION_BACKGROUND",
                      "Criminal exploitation, gang or county lines background"),
                  row("PEER_ON_PEER_ABUSE", "Peer-on-peer abuse"),
                  row("GENDER_IDENTITY_FACTOR", "Gender identity a significant factor"),
                  row("SECURE_ESTABLISHMENT", "Child in a secure establishment")),
              List.of(
                  "A notification can have several characteristics, so the rows do not add up.",
                  "Percentages are of the notifications of each kind: of child deaths, of serious"
                      + " harm and of all notifications. The report gives no percentage for the"
                      + " few notifications of other kinds."));
      case "T5" ->
          new Spec(
              null,
              "Service involvement",
              BY_TYPE,
              List.of(
                  row("KNOWN_TO_CSC", "Child previously known to children's social care"),
                  sub("INFORMATION_NO_REFERRAL", "Information but no referral"),
                  sub("REFERRAL_NO_ASSESSMENT", "Referral but no assessment"),
                  sub("INITIAL_ASSESSMENT", "Initial assessment"),
                  sub("EARLY_HELP_CAF", "Early help assessment (CAF)"),
                  sub("CHILD_IN_NEED", "Child in Need"),
                  sub("CHILD_PROTECTION_PLAN", "Child protection plan"),
                  sub("LOOKED_AFTER", "Looked after"),
                  sub("CSC_OTHER", "Other involvement"),
                  row("COURT_ORDERS", "Court orders"),
                  sub("CARE_ORDER", "Care order"),
                  sub("SECTION_20", "Section 20 accommodation"),
                  sub("COURT_ORDER_OTHER", "Other court order"),
                  row("NOT_RESIDENT_AT_HOME", "Child not resident at home"),
                  sub("WITH_RELATIVES", "Living with relatives"),
                  sub("FOSTER_CARE", "In foster care"),
                  sub("RESIDENTIAL_HOME", "Residential children's home"),
                  sub("SEMI_INDEPENDENT", "Semi-independent unit"),
                  sub("LIVING_OTHER", "Other living arrangement")),
              List.of(
                  "The rows under each group give the child's involvement with children's social"
                      + " care, court order or living arrangement at the time of the incident.",
                  "Percentages are of the notifications of each kind: of child deaths, of serious"
                      + " harm and of all notifications."));
      case "CV1" ->
          new Spec(
              null,
              "COVID-19 factor",
              List.of(
                  col("DEATH", "Death"),
                  col("SERIOUS_HARM", "Serious harm"),
                  col("OTHER", "Other"),
                  col("TOTAL", "Total")),
              List.of(
                  row("PARENTAL_FAMILY_STRESSORS", "Parental and family stressors"),
                  row(
                      "CHILD_VULNERABILITY",
                      "Exacerbated vulnerabilities for children and young people"),
                  row("SCHOOL_CLOSURE", "Impact of school closures"),
                  row("COVID_SAFE_ADAPTATION", "Impact of adaptations for COVID-safe practice"),
                  row("ANY_FACTOR", "Any of these factors")),
              List.of("A notification can have several factors, so the rows do not add up."));
      case "TH1" ->
          new Spec(
              null,
              "Practice theme",
              List.of(
                  col("COUNT", "Number"),
                  col("PERCENT", "Percentage of rapid reviews with a theme recorded")),
              List.of(
                  row("CHILD_DAILY_LIFE", "Understanding what the child's daily life is like"),
                  row(
                      "RELUCTANT_ENGAGEMENT",
                      "Working with families where engagement is reluctant and sporadic"),
                  row("CRITICAL_THINKING", "Critical thinking and challenge"),
                  row("CHANGING_RISK", "Responding to changing risk and need"),
                  row("INFORMATION_SHARING", "Sharing information in a timely and appropriate way"),
                  row(
                      "LEADERSHIP_CULTURE",
                      "Organisational leadership and culture for good outcomes"),
                  total("CODED_REVIEWS", "Rapid reviews with a practice theme recorded")),
              List.of(
                  "Rapid reviews of the notifications received by "
                      + asAt
                      + " with at least one practice theme recorded. A review can have several"
                      + " themes."));
      case "Y1" ->
          new Spec(
              null,
              "Yearly reports",
              List.of(col("COUNT", "Number of yearly reports")),
              List.of(
                  row("FULLY_OR_PARTLY", "Requirements fully or partly evidenced"),
                  row("NOT_EVIDENCED", "Requirements not evidenced"),
                  total(),
                  heading("Evidence of impact on outcomes for children and families"),
                  sub("IMPACT_FULL", "Impact: fully met"),
                  sub("IMPACT_PARTIAL", "Impact: partly met"),
                  sub("IMPACT_NONE", "Impact: not met"),
                  heading("Analysis of areas of limited or no progress"),
                  sub("LIMITED_PROGRESS_FULL", "Limited progress: fully met"),
                  sub("LIMITED_PROGRESS_PARTIAL", "Limited progress: partly met"),
                  sub("LIMITED_PROGRESS_NONE", "Limited progress: not met"),
                  heading("Decisions to implement the recommendations of reviews"),
                  sub("REVIEW_ACTIONS_FULL", "Review recommendations: fully met"),
                  sub("REVIEW_ACTIONS_PARTIAL", "Review recommendations: partly met"),
                  sub("REVIEW_ACTIONS_NONE", "Review recommendations: not met"),
                  heading("Use of feedback from children and families"),
                  sub("CHILD_FAMILY_FEEDBACK_FULL", "Feedback: fully met"),
                  sub("CHILD_FAMILY_FEEDBACK_PARTIAL", "Feedback: partly met"),
                  sub("CHILD_FAMILY_FEEDBACK_NONE", "Feedback: not met")),
              List.of(
                  "Safeguarding partners' yearly reports published in the period, against the"
                      + " four requirements of Working Together 2018. A report does not evidence"
                      + " the requirements when three or more of the four are not met."));
      case "LA1" ->
          new Spec(
              null,
              "Notifications in the period",
              List.of(
                  col("LA_COUNT", "Local authority areas"),
                  col("PERCENT", "Percentage of local authority areas")),
              List.of(
                  row("NONE", "None"),
                  row("ONE_TO_TWO", "1 or 2"),
                  row("THREE_TO_SIX", "3 to 6"),
                  row("SEVEN_PLUS", "7 or more"),
                  total()),
              List.of(
                  "Local authorities in operation on "
                      + date(ctx.to())
                      + ". A notification of an authority that has since been replaced counts for"
                      + " the authority that replaced it."));
      case "T6" ->
          new Spec(
              TableTitles.published(id) + " " + ctx.period(),
              "Working days range",
              timelinessColumns(ctx),
              BANDS,
              timelinessNotes(ctx));
      case "T7" -> timelinessPart(id, false, ctx);
      case "T8" -> timelinessPart(id, true, ctx);
      case "D1" ->
          new Spec(
              null,
              "Decision",
              List.of(col("COUNT", "Number"), col("PERCENT", "Percentage of notifications")),
              List.of(
                  row("LCSPR", "Proceeding to a local child safeguarding practice review (LCSPR)"),
                  row("NO_LCSPR", "Not undertaking a local review"),
                  row("UNDECIDED", "No decision yet"),
                  total()),
              List.of(
                  "No decision yet includes the notifications whose rapid review had not been"
                      + " received by "
                      + asAt
                      + "."));
      case "D2" ->
          new Spec(
              null,
              "Kind of incident",
              List.of(
                  col("LCSPR_COUNT", "LCSPRs"),
                  col("TOTAL_COUNT", "Notifications"),
                  col("LCSPR_PERCENT", "Percentage proceeding to an LCSPR")),
              List.of(
                  row(
                      "DEATH_MALTREATMENT_OR_EXTRA_FAMILIAL",
                      "Deaths by maltreatment, and extra-familial assaults or homicide"),
                  row(
                      "DEATH_RELATED",
                      "Deaths related to, but not directly caused by, maltreatment"),
                  row("DEATH_OTHER", "Other deaths"),
                  row("NON_FATAL", "Non-fatal serious harm and other incidents")),
              List.of(
                  "LCSPR: local child safeguarding practice review. Decisions recorded in the"
                      + " rapid reviews received by "
                      + asAt
                      + "."));
      case "D3" ->
          new Spec(
              null,
              "The Panel's view",
              List.of(col("COUNT", "Number"), col("PERCENT", "Percentage")),
              List.of(
                  row("AGREE", "The Panel agreed with the decision"),
                  row("DISAGREE", "The Panel disagreed with the decision"),
                  total(),
                  row("ALTERNATIVE_METHODOLOGY", "Rapid reviews proposing another way of review")),
              List.of(
                  "Rapid reviews received by "
                      + asAt
                      + " that decided for or against a local child safeguarding practice review"
                      + " and have the Panel's view recorded."));
      case "L1" ->
          new Spec(
              null,
              "Year initiated",
              List.of(col("COUNT", "LCSPRs initiated")),
              List.of(),
              List.of(
                  "Local child safeguarding practice reviews (LCSPRs) initiated by "
                      + asAt
                      + ", whatever the date of the incident."));
      case "L2" ->
          new Spec(
              null,
              "Publication",
              List.of(col("COUNT", "LCSPRs")),
              List.of(
                  row("PUBLISHED", "Published, of which:"),
                  sub("PUBLISHED_OVER_200_WD", "More than 200 working days after initiation"),
                  sub(
                      "PUBLISHED_SHORT_NOTICE",
                      "With less than 7 working days' notice to the Panel"),
                  row("INTENDS_TO_PUBLISH", "Intend to publish"),
                  row("NOT_PUBLISHING", "Not intending to publish"),
                  row("NOT_DECIDED", "Not decided"),
                  total()),
              List.of(
                  "Local child safeguarding practice reviews (LCSPRs) completed by "
                      + asAt
                      + ", whatever the date of the incident, by their publication as recorded."));
      default -> new Spec(null, "", List.of(), List.of(), List.of());
    };
  }

  /** Table 6's footnotes (the report's footnote 4, and how working days are counted). */
  static List<String> timelinessNotes(Context ctx) {
    List<String> notes = new ArrayList<>();
    notes.add(
        "Rapid reviews with a requested completion date (15 working days after the notification)"
            + " in "
            + ctx.period()
            + " include reviews of incidents notified before "
            + date(ctx.from())
            + " whose completion date fell in the period. Similarly, incidents notified in the"
            + " period whose requested completion date falls after "
            + date(ctx.to())
            + " are not counted here.");
    notes.add(
        "Working days are counted from the notification to the day the rapid review was"
            + " received or, for one not yet received, to "
            + ctx.asAtWords()
            + ".");
    return notes;
  }

  /** Table 7 (outside the authorised extension) or Table 8 (inside it). */
  static Spec timelinessPart(String id, boolean inside, Context ctx) {
    List<LocalDate[]> during = ctx.extensionsInPeriod();
    String title = TableTitles.published(id);
    List<String> notes = new ArrayList<>();
    String which = inside ? "during" : "outside";
    if (during == null) {
      notes.add(
          "Rapid reviews of Table 6 for incidents notified "
              + which
              + " an authorised extension of the 15-working-day target for completing a rapid"
              + " review. Tables 7 and 8 together make Table 6.");
    } else if (during.isEmpty()) {
      notes.add(
          "No authorised extension of the 15-working-day target covered "
              + ctx.period()
              + (inside ? ", so no rapid review is counted here." : ": this is Table 6."));
    } else {
      List<LocalDate[]> parts = inside ? during : ctx.outsideExtensions();
      if (inside) {
        title = "Timeliness of rapid reviews during the authorised extension, " + words(parts);
      } else if (!parts.isEmpty()) {
        title = "Timeliness of rapid reviews " + words(parts);
      }
      notes.add(
          "Rapid reviews of Table 6 for incidents notified "
              + which
              + " the authorised extension of the 15-working-day target for completing a rapid"
              + " review, which covered incidents notified "
              + dates(during)
              + ". Tables 7 and 8 together make Table 6.");
    }
    notes.add(
        "Working days are counted from the notification to the day the rapid review was"
            + " received or, for one not yet received, to "
            + ctx.asAtWords()
            + ".");
    return new Spec(title, "Working days range", timelinessColumns(ctx), BANDS, notes);
  }

  private static String words(List<LocalDate[]> ranges) {
    return join(ranges.stream().map(r -> rangeWords(r[0], r[1])).toList());
  }

  private static String dates(List<LocalDate[]> ranges) {
    return join(ranges.stream().map(r -> "from " + date(r[0]) + " to " + date(r[1])).toList());
  }

  /** "a", "a and b", "a, b and c". */
  static String join(List<String> parts) {
    if (parts.size() <= 1) {
      return parts.isEmpty() ? "" : parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }

  /** One table laid out by its spec; rows and columns the spec does not name keep their words. */
  static PublishedReport.Table table(
      String id, List<Cell> cells, List<Cell> compared, Context ctx) {
    TableGrid grid = TableGrid.of(id, cells);
    Spec spec = spec(id, ctx);
    Map<String, Col> named = new HashMap<>();
    spec.columns().forEach(c -> named.put(c.code(), c));
    List<String> codes = new ArrayList<>();
    List<PublishedReport.Column> columns = new ArrayList<>();
    for (Col c : spec.columns()) {
      if (c.label() != null && grid.columns().contains(c.code())) {
        codes.add(c.code());
        columns.add(new PublishedReport.Column(c.label(), unit(c.code()), c.code()));
      }
    }
    for (String c : grid.columns()) {
      if (!named.containsKey(c)) {
        codes.add(c);
        columns.add(new PublishedReport.Column(Charts.words(c), unit(c), c));
      }
    }
    TableGrid before = compared == null ? null : TableGrid.of(id, compared);
    if (before != null) {
      String period = periodWords(ctx.comparator().from(), ctx.comparator().to()) + " comparator: ";
      columns.add(
          new PublishedReport.Column(period + "no. of reviews", Unit.NUMBER, "COMPARATOR_TOTAL"));
      columns.add(new PublishedReport.Column(period + "%", Unit.PERCENT, "COMPARATOR_PERCENT"));
    }
    List<PublishedReport.Row> rows = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (Line line : spec.rows()) {
      if (line.code() == null) {
        rows.add(
            new PublishedReport.Row(line.label(), RowKind.HEADING, blanks(columns.size()), null));
      } else if (grid.rows().containsKey(line.code())) {
        placed.add(line.code());
        labels.put(line.code(), line.label());
        rows.add(
            new PublishedReport.Row(
                line.label(), line.kind(), values(grid, before, line.code(), codes), line.code()));
      }
    }
    for (String code : grid.rows().keySet()) {
      if (!placed.contains(code)) {
        labels.put(code, Charts.words(code));
        rows.add(
            new PublishedReport.Row(
                Charts.words(code),
                code.equals("TOTAL") ? RowKind.TOTAL : RowKind.ROW,
                values(grid, before, code, codes),
                code));
      }
    }
    // A heading with no row under it (a table without those rows) is left out.
    List<PublishedReport.Row> kept = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      PublishedReport.Row r = rows.get(i);
      boolean emptyHeading =
          r.kind() == RowKind.HEADING
              && (i + 1 == rows.size() || rows.get(i + 1).kind() == RowKind.HEADING);
      if (!emptyHeading) {
        kept.add(r);
      }
    }
    String number = TableTitles.number(id);
    String title = spec.title() != null ? spec.title() : TableTitles.published(id);
    String caption = number == null ? title : number + ": " + title;
    List<String> notes = new ArrayList<>(spec.notes());
    if (before != null) {
      notes.addAll(comparatorNotes(ctx, before));
    }
    notes.addAll(symbolNotes(kept));
    return new PublishedReport.Table(
        id,
        number,
        title,
        "",
        List.copyOf(columns),
        List.copyOf(kept),
        List.copyOf(notes),
        chart(id, cells, labels, caption),
        spec.rowHeading());
  }

  private static List<String> blanks(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("");
    }
    return out;
  }

  private static List<String> values(
      TableGrid grid, TableGrid before, String row, List<String> codes) {
    List<String> out = new ArrayList<>();
    for (String c : codes) {
      out.add(grid.value(row, c));
    }
    if (before != null) {
      out.add(before.value(row, "TOTAL"));
      out.add(before.value(row, "PERCENT"));
    }
    return out;
  }

  /** What the comparator columns count, and the report's note on those not yet received. */
  static List<String> comparatorNotes(Context ctx, TableGrid before) {
    ReportRequest c = ctx.comparator();
    String period = periodWords(c.from(), c.to());
    List<String> notes = new ArrayList<>();
    notes.add(
        "The "
            + period
            + " comparator counts the rapid reviews with a requested completion date in "
            + period
            + ", as at "
            + date(c.asAt())
            + ".");
    String notYet = before.value("BAND_60_PLUS", "NOT_YET_RECEIVED");
    if (notYet.matches("[1-9]\\d*")) {
      notes.add(
          "Of the "
              + period
              + " comparator's rapid reviews in the 60+ range, "
              + notYet
              + " had not been received as at "
              + date(c.asAt())
              + ".");
    }
    return notes;
  }

  /** A note for each symbol the table shows. */
  static List<String> symbolNotes(List<PublishedReport.Row> rows) {
    Set<String> shown = new LinkedHashSet<>();
    rows.forEach(r -> shown.addAll(r.values()));
    List<String> notes = new ArrayList<>();
    if (shown.contains(DisclosureControl.SUPPRESSED)) {
      notes.add(
          "c: a figure not shown, so that no child or family can be identified (a small number,"
              + " or one that would let a small number be worked out).");
    }
    if (shown.contains(DisclosureControl.LOW)) {
      notes.add("low: a percentage that rounds to 0.0 but is not 0.");
    }
    if (shown.contains("z")) {
      notes.add("z: not applicable.");
    }
    if (shown.contains("x")) {
      notes.add("x: not available.");
    }
    return notes;
  }

  /** The table's chart, its bars labelled as the table's rows are. */
  static Charts.Chart chart(
      String id, List<Cell> cells, Map<String, String> labels, String caption) {
    Charts.Chart c = Charts.of(id, cells);
    if (c == null) {
      return null;
    }
    List<Charts.Group> groups =
        c.groups().stream()
            .map(
                g ->
                    new Charts.Group(
                        g.code(), labels.getOrDefault(g.code(), g.label()), g.values()))
            .toList();
    return new Charts.Chart(
        c.id(),
        c.title(),
        Charts.describe(c.title(), c.series(), groups, caption),
        c.series(),
        groups);
  }

  static Unit unit(String column) {
    if (column.contains("PERCENT")) {
      return Unit.PERCENT;
    }
    return column.endsWith("_WD") ? Unit.WORKING_DAYS : Unit.NUMBER;
  }
}
