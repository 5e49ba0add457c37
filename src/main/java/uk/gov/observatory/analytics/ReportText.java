package uk.gov.observatory.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The first draft of a report's text: a paragraph a table, carrying its figures in sentences like
 * the annual report's ("The Panel received notification of 482 serious incidents ..."), which the
 * secretariat edits before publishing. Every figure in a sentence is read from the table it
 * describes, as the table shows it (so the text and the tables agree): a count with thousands
 * separators, a percentage with its one decimal. A figure withheld by disclosure control is said to
 * be withheld, never guessed at (secondary suppression can withhold a large figure, so "c" is not
 * "fewer than 3"); a percentage shown as "low" reads "less than 0.1%". A sentence that compares
 * ("the most common", "the majority") is written only when every figure it compares is shown and
 * the comparison holds.
 */
public final class ReportText {

  private ReportText() {}

  /** How a withheld count reads in a sentence. */
  static final String WITHHELD = "a number not shown to protect confidentiality";

  /** A paragraph for each table, by table id. */
  public static Map<String, String> draft(PublishedReport report) {
    Map<String, String> out = new LinkedHashMap<>();
    for (PublishedReport.Table t : report.tables()) {
      String text = paragraph(new T(t), report);
      out.put(t.id(), text == null || text.isBlank() ? t.caption() + " is shown below." : text);
    }
    return out;
  }

  private static String paragraph(T t, PublishedReport report) {
    return switch (t.id()) {
      case "H" -> headline(t, report);
      case "IMD1" -> deprivation(t);
      case "A1" -> ageAndGender(t);
      case "T1" -> ethnicity(t);
      case "T2" -> deaths(t);
      case "T3" -> seriousHarm(t);
      case "T4A" -> domesticAbuse(t);
      case "T4" -> characteristics(t);
      case "T5" -> services(t);
      case "CV1" -> covid(t);
      case "TH1" -> themes(t);
      case "Y1" -> yearlyReports(t);
      case "LA1" -> authorities(t);
      case "T6" -> timeliness(t, report);
      case "T7", "T8" -> timelinessPart(t, report);
      case "D1" -> decisions(t, report);
      case "D2" -> lcsprRate(t);
      case "D3" -> panelView(t);
      case "L1" -> initiated(t);
      case "L2" -> publication(t, report);
      default -> null;
    };
  }

  /** A table's values by row and column code. */
  record T(PublishedReport.Table table) {
    String id() {
      return table.id();
    }

    String v(String row, String column) {
      return table.value(row, column);
    }

    boolean has(String row) {
      return table.row(row).isPresent();
    }

    String label(String row) {
      return table.row(row).map(PublishedReport.Row::label).orElse("");
    }

    boolean hasColumn(String column) {
      return table.column(column) >= 0;
    }

    /** The codes of the table's plain rows (not headings, "of which" rows or totals). */
    List<String> plainRows() {
      return table.rows().stream()
          .filter(r -> r.kind() == PublishedReport.RowKind.ROW && r.id() != null)
          .map(PublishedReport.Row::id)
          .toList();
    }
  }

  // ---- figures in words ----

  /** Whether a value is a figure shown (a number, not a symbol or blank). */
  static boolean shown(String v) {
    return v != null && v.matches("\\d+(\\.\\d+)?");
  }

  /** Whether a count is shown and is zero. */
  static boolean zero(String v) {
    return "0".equals(v);
  }

  /** Whether a value is withheld by disclosure control. */
  static boolean withheld(String v) {
    return DisclosureControl.SUPPRESSED.equals(v);
  }

  /** A count as a sentence says it: "1,234", or that it is withheld; null when there is none. */
  static String count(String v) {
    if (shown(v)) {
      return String.format(Locale.UK, "%,d", Long.parseLong(v));
    }
    return withheld(v) ? WITHHELD : null;
  }

  /** A percentage as a sentence says it: "21.2%", "less than 0.1%"; null when not shown. */
  static String pct(String v) {
    if (shown(v)) {
      return v + "%";
    }
    return DisclosureControl.LOW.equals(v) ? "less than 0.1%" : null;
  }

  /** "36 (17.5%)", "36", or the words for a withheld count; null when there is no count. */
  static String countPct(String count, String percent) {
    String c = count(count);
    if (c == null) {
      return null;
    }
    String p = shown(count) ? pct(percent) : null;
    return p == null ? c : c + " (" + p + ")";
  }

  /** "63, 30.6%" (for inside brackets), or the count alone, or null. */
  static String countAndPct(String count, String percent) {
    String c = count(count);
    if (c == null) {
      return null;
    }
    String p = shown(count) ? pct(percent) : null;
    return p == null ? c : c + ", " + p;
  }

  /** A figure with the words after it, or null when there is no figure. */
  static String with(String figure, String rest) {
    return figure == null ? null : figure + rest;
  }

  /** "a", "a and b", "a, b and c" (nulls left out). */
  static String list(List<String> parts) {
    return AnnualReportLayout.join(parts.stream().filter(Objects::nonNull).toList());
  }

  static String list(String... parts) {
    return list(Arrays.asList(parts));
  }

  /** A sentence with its first letter a capital. */
  static String sentence(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static String lower(String label) {
    return label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
  }

  static String join(List<String> sentences) {
    return String.join(
        " ",
        sentences.stream()
            .filter(s -> s != null && !s.isBlank())
            .map(ReportText::sentence)
            .toList());
  }

  /**
   * The rows in order of a column's figure, largest first; null when any of them is not shown (a
   * withheld figure could be anywhere in the order).
   */
  static List<String> ranked(T t, List<String> rows, String column) {
    List<String> present = rows.stream().filter(t::has).toList();
    if (present.isEmpty() || !present.stream().allMatch(r -> shown(t.v(r, column)))) {
      return null;
    }
    List<String> sorted = new ArrayList<>(present);
    sorted.sort(Comparator.comparing((String r) -> new BigDecimal(t.v(r, column))).reversed());
    return sorted;
  }

  /** Whether the first row's figure is strictly larger than the second's. */
  static boolean ahead(T t, List<String> ranked, String column) {
    return ranked.size() < 2
        || new BigDecimal(t.v(ranked.get(0), column))
                .compareTo(new BigDecimal(t.v(ranked.get(1), column)))
            > 0;
  }

  /** Whether a percentage shown is more than half. */
  static boolean overHalf(String percent) {
    return shown(percent) && new BigDecimal(percent).compareTo(new BigDecimal(50)) > 0;
  }

  /** A sentence naming a withheld count: "The number of X is not shown ...". */
  static String notShown(String what) {
    return "The number of " + what + " is not shown, to protect confidentiality.";
  }

  // ---- the paragraphs ----

  static String headline(T t, PublishedReport report) {
    String n = t.v("NOTIFICATIONS", "COUNT");
    String between =
        "between "
            + AnnualReportLayout.date(report.from())
            + " and "
            + AnnualReportLayout.date(report.to());
    if (zero(n)) {
      return "The Panel received no notification of a serious incident which occurred "
          + between
          + ".";
    }
    List<String> s = new ArrayList<>();
    String children = count(t.v("CHILDREN", "COUNT"));
    s.add(
        "The Panel received notification of "
            + (shown(n) ? count(n) : "a number of")
            + " serious incidents which occurred "
            + between
            + (children == null ? "" : ", relating to " + children + " children")
            + ".");
    s.add(
        (shown(n) ? "of those " + count(n) + " notifications, " : "of those notifications, ")
            + list(
                with(count(t.v("DEATH", "COUNT")), " were in relation to child deaths"),
                with(count(t.v("SERIOUS_HARM", "COUNT")), " related to serious harm"),
                with(count(t.v("OTHER", "COUNT")), " were for other issues"))
            + ".");
    String las = count(t.v("LAS_NOTIFYING", "COUNT"));
    if (las != null) {
      s.add("The notifications came from " + las + " local authorities.");
    }
    String late = count(t.v("LATE_NOTIFICATIONS", "COUNT"));
    if (late != null) {
      s.add(
          "Of the notifications, "
              + late
              + " were made more than 5 working days after the local authority became aware of"
              + " the incident.");
    }
    return join(s);
  }

  static String deprivation(T t) {
    String q1 = pct(t.v("QUINTILE_1", "PERCENT"));
    String q5 = pct(t.v("QUINTILE_5", "PERCENT"));
    if (q1 == null || q5 == null) {
      return null;
    }
    List<String> quintiles =
        List.of("QUINTILE_1", "QUINTILE_2", "QUINTILE_3", "QUINTILE_4", "QUINTILE_5");
    List<String> ranked = ranked(t, quintiles, "PERCENT");
    List<String> s = new ArrayList<>();
    if (ranked != null && ranked.get(0).equals("QUINTILE_1") && ahead(t, ranked, "PERCENT")) {
      s.add(
          "The concentration of serious safeguarding incidents was greatest ("
              + q1
              + " of the notified incidents where the child's area is known) for children living"
              + " in the most deprived 20% of areas of England (based on the Index of Multiple"
              + " Deprivation).");
    } else {
      s.add(
          q1
              + " of the notified incidents where the child's area is known were for children"
              + " living in the most deprived 20% of areas of England (based on the Index of"
              + " Multiple Deprivation).");
    }
    s.add(
        "Of the notified incidents where the area is known, "
            + q5
            + " were for children living in the least deprived 20% of areas.");
    String unknown = t.v("UNKNOWN", "COUNT");
    if (shown(unknown) && !zero(unknown)) {
      s.add("The area was not known for " + count(unknown) + " notifications.");
    }
    return join(s);
  }

  static String ageAndGender(T t) {
    String all = t.v("TOTAL", "TOTAL");
    if (!shown(all) || zero(all)) {
      return null;
    }
    List<String> s = new ArrayList<>();
    s.add(
        "Of the "
            + count(all)
            + " children involved in the incidents, "
            + list(
                with(count(t.v("TOTAL", "MALE")), " were male"),
                with(count(t.v("TOTAL", "FEMALE")), " were female"))
            + ".");
    String trans = t.v("TOTAL", "TRANSGENDER");
    if (withheld(trans)) {
      s.add(notShown("transgender young people"));
    } else if (trans.equals("1")) {
      s.add("There was 1 transgender young person.");
    } else if (shown(trans) && !zero(trans)) {
      s.add("There were " + count(trans) + " transgender young people.");
    }
    String unknown = t.v("TOTAL", "NOT_KNOWN");
    if (shown(unknown) && !zero(unknown)) {
      s.add("The gender of " + count(unknown) + " children was not known.");
    }
    List<String> ages = List.of("UNDER_1", "AGE_1_4", "AGE_5_9", "AGE_10_14", "AGE_15_17");
    List<String> ranked = ranked(t, ages, "PERCENT");
    if (ranked != null && ranked.size() >= 2 && ahead(t, ranked, "PERCENT")) {
      s.add(
          "The largest age group was "
              + ageWords(t, ranked.get(0))
              + " ("
              + pct(t.v(ranked.get(0), "PERCENT"))
              + " of all children), then "
              + ageWords(t, ranked.get(1))
              + " ("
              + pct(t.v(ranked.get(1), "PERCENT"))
              + ").");
    }
    return join(s);
  }

  private static String ageWords(T t, String row) {
    String label = t.label(row);
    return row.equals("UNDER_1") ? "children aged " + lower(label) : "those aged " + label;
  }

  static String ethnicity(T t) {
    String all = t.v("TOTAL", "COUNT");
    if (!shown(all) || zero(all)) {
      return null;
    }
    List<String> groups =
        List.of("ASIAN", "BLACK", "MIXED", "WHITE_BRITISH", "WHITE_OTHER", "OTHER");
    List<String> s = new ArrayList<>();
    s.add("Table 1 shows the ethnicity of the " + count(all) + " children.");
    List<String> ranked = ranked(t, groups, "PERCENT");
    if (ranked != null && ahead(t, ranked, "PERCENT")) {
      String top = ranked.get(0);
      s.add(
          (overHalf(t.v(top, "PERCENT")) ? "The majority (" : "The largest group (")
              + pct(t.v(top, "PERCENT"))
              + ") of the children whose ethnicity was recorded were of "
              + t.label(top)
              + " ethnicity.");
    }
    List<String> larger = new ArrayList<>();
    List<String> smaller = new ArrayList<>();
    for (String g : groups) {
      String p = t.v(g, "PERCENT");
      String census = t.v(g, "CENSUS_PERCENT");
      if (shown(p) && shown(census)) {
        int cmp = new BigDecimal(p).compareTo(new BigDecimal(census));
        String words = t.label(g) + " (" + p + "% against " + census + "%)";
        if (cmp > 0) {
          larger.add(words);
        } else if (cmp < 0) {
          smaller.add(words);
        }
      }
    }
    if (!larger.isEmpty()) {
      s.add(
          "compared with 0-17 year olds in the 2011 census, a larger share of the children notified"
              + " were of "
              + list(larger)
              + " ethnicity.");
    }
    if (!smaller.isEmpty()) {
      s.add(
          (larger.isEmpty() ? "compared with 0-17 year olds in the 2011 census, a" : "A")
              + " smaller share were of "
              + list(smaller)
              + " ethnicity.");
    }
    String notRecorded = t.v("NOT_RECORDED", "COUNT");
    if (withheld(notRecorded)) {
      s.add(notShown("children whose ethnicity was not recorded"));
    } else if (shown(notRecorded) && !zero(notRecorded)) {
      s.add(
          "The ethnicity of "
              + count(notRecorded)
              + " children was not recorded in the serious incident notification.");
    }
    return join(s);
  }

  static String deaths(T t) {
    String all = t.v("TOTAL", "COUNT");
    if (zero(all)) {
      return "There was no notification of a child's death in the period.";
    }
    Function<String, String> cp = r -> countPct(t.v(r, "COUNT"), t.v(r, "PERCENT"));
    List<String> s = new ArrayList<>();
    s.add(
        (shown(all) ? "of the " + count(all) + " fatal incidents, " : "of the fatal incidents, ")
            + list(
                with(
                    cp.apply("MALTREATMENT_FAMILY"),
                    " were caused by maltreatment within the family"),
                with(cp.apply("EXTRA_FAMILIAL"), " were extra-familial assaults or homicide"),
                with(cp.apply("SUDI"), " were sudden unexpected deaths in infancy (SUDI)"),
                with(cp.apply("SUICIDE"), " were suicides"))
            + ".");
    String related = cp.apply("RELATED");
    if (related != null) {
      s.add("A further " + related + " were related to, but not directly caused by, maltreatment.");
    }
    List<String> categories =
        List.of(
            "OVERT_FILICIDE",
            "COVERT_FILICIDE",
            "FATAL_PHYSICAL_ABUSE",
            "SEVERE_PERSISTENT_CRUELTY",
            "EXTREME_NEGLECT",
            "EXTRA_FAMILIAL_HOMICIDE",
            "EXTRA_FAMILIAL_FATAL_ASSAULT",
            "SUDI",
            "SUICIDE",
            "NOT_MALTREATMENT_RELATED",
            "NOT_CLEAR");
    List<String> ranked = ranked(t, categories, "COUNT");
    if (ranked != null && ahead(t, ranked, "COUNT") && !zero(t.v(ranked.get(0), "COUNT"))) {
      s.add(t.label(ranked.get(0)) + " was the most common category of fatal cases.");
    }
    return join(s);
  }

  static String seriousHarm(T t) {
    String all = t.v("TOTAL", "COUNT");
    if (zero(all)) {
      return "There was no notification of serious harm or of another kind in the period.";
    }
    List<String> s = new ArrayList<>();
    if (shown(all)) {
      s.add(
          "Table 3 covers the "
              + count(all)
              + " non-fatal cases, including those notified to the Panel as 'other'.");
    }
    List<String> ranked = ranked(t, t.plainRows(), "COUNT");
    if (ranked != null && ranked.size() >= 3 && ahead(t, ranked, "COUNT")) {
      Function<String, String> p = r -> pct(t.v(r, "PERCENT"));
      s.add(
          t.label(ranked.get(0))
              + " was the most common form of non-fatal serious harm ("
              + p.apply(ranked.get(0))
              + "), followed by "
              + lower(t.label(ranked.get(1)))
              + " ("
              + p.apply(ranked.get(1))
              + ") and "
              + lower(t.label(ranked.get(2)))
              + " ("
              + p.apply(ranked.get(2))
              + ").");
    }
    return join(s);
  }

  static String domesticAbuse(T t) {
    String all = t.v("TOTAL", "COUNT");
    if (zero(all)) {
      return "No notification in the period recorded domestic abuse as a feature.";
    }
    List<String> s = new ArrayList<>();
    if (shown(all)) {
      s.add("Domestic abuse was a feature of " + count(all) + " notifications.");
    }
    List<String> patterns =
        List.of(
            "FATHER_TO_MOTHER",
            "MOTHER_TO_FATHER",
            "BOTH_PARENTS",
            "YOUNG_PERSON_TO_ADULT",
            "OTHER");
    List<String> ranked = ranked(t, patterns, "PERCENT");
    if (ranked != null && ahead(t, ranked, "PERCENT")) {
      String top = ranked.get(0);
      s.add(
          (overHalf(t.v(top, "PERCENT"))
                  ? "The pattern recorded was predominantly "
                  : "The pattern recorded most often was ")
              + lower(t.label(top))
              + " ("
              + pct(t.v(top, "PERCENT"))
              + " of those with a pattern recorded).");
    }
    String notRecorded = t.v("NOT_RECORDED", "COUNT");
    if (shown(notRecorded) && !zero(notRecorded)) {
      s.add("No pattern was recorded for " + count(notRecorded) + " of them.");
    }
    return join(s);
  }

  static String characteristics(T t) {
    List<String> s = new ArrayList<>();
    List<String> main =
        List.of(
            "PARENTAL_ALCOHOL_MISUSE",
            "PARENTAL_DRUG_MISUSE",
            "PARENTAL_ACES",
            "PARENT_CARE_LEAVER",
            "PARENTAL_CRIMINAL_RECORD",
            "PARENTAL_MENTAL_ILL_HEALTH",
            "PARENTAL_LEARNING_DIFFICULTY",
            "PARENTAL_SEPARATION",
            "DOMESTIC_ABUSE",
            "ELECTIVE_HOME_EDUCATION",
            "CHILD_DISABILITY",
            "CHILD_MENTAL_ILL_HEALTH");
    Function<String, String> all = r -> countPct(t.v(r, "TOTAL_COUNT"), t.v(r, "TOTAL_PERCENT"));
    List<String> ranked = ranked(t, main, "TOTAL_COUNT");
    if (ranked != null && ranked.size() >= 2 && ahead(t, ranked, "TOTAL_COUNT")) {
      String first = ranked.get(0);
      String second = ranked.get(1);
      s.add(
          "The case characteristic seen most often was "
              + lower(t.label(first).replace(", of which:", ""))
              + ", a feature in "
              + all.apply(first)
              + " of all incidents, followed by "
              + lower(t.label(second).replace(", of which:", ""))
              + " ("
              + countAndPct(t.v(second, "TOTAL_COUNT"), t.v(second, "TOTAL_PERCENT"))
              + ").");
    }
    String maternal = all.apply("MATERNAL_MENTAL_ILL_HEALTH");
    String paternal = all.apply("PATERNAL_MENTAL_ILL_HEALTH");
    if (maternal != null && paternal != null) {
      s.add(
          "Maternal mental ill-health was a feature in "
              + maternal
              + " of incidents and paternal mental ill-health in "
              + paternal
              + ".");
    }
    String mixed = all.apply("DOMESTIC_ABUSE_AND_SUBSTANCE_MISUSE");
    if (mixed != null) {
      s.add(
          "The combination of domestic abuse and parental alcohol or drug misuse featured in "
              + mixed
              + " of all incidents.");
    }
    String harm = pct(t.v("DOMESTIC_ABUSE", "SERIOUS_HARM_PERCENT"));
    if (harm != null) {
      s.add("Domestic abuse was a feature of " + harm + " of incidents involving serious harm.");
    }
    String neglect = pct(t.v("NEGLECT_FEATURE", "DEATH_PERCENT"));
    if (neglect != null) {
      s.add("Neglect was an underlying feature of " + neglect + " of fatal incidents.");
    }
    String child = pct(t.v("CHILD_MENTAL_ILL_HEALTH", "TOTAL_PERCENT"));
    if (child != null) {
      s.add("In " + child + " of the incidents, the child had experienced mental ill-health.");
    }
    String home = t.v("ELECTIVE_HOME_EDUCATION", "TOTAL_COUNT");
    if (shown(home) && !zero(home)) {
      String died = count(t.v("ELECTIVE_HOME_EDUCATION", "DEATH_COUNT"));
      s.add(
          "There were "
              + count(home)
              + " incidents involving children who were reported to be electively home educated"
              + (died == null ? "" : "; " + died + " of these children died")
              + ".");
    }
    String secure = t.v("SECURE_ESTABLISHMENT", "TOTAL_COUNT");
    if (withheld(secure)) {
      s.add(notShown("incidents involving children in secure establishments"));
    } else if (shown(secure) && !zero(secure)) {
      s.add(
          "There were "
              + count(secure)
              + " incidents involving children in secure establishments.");
    }
    return join(s);
  }

  static String services(T t) {
    List<String> s = new ArrayList<>();
    String known =
        countPct(t.v("KNOWN_TO_CSC", "TOTAL_COUNT"), t.v("KNOWN_TO_CSC", "TOTAL_PERCENT"));
    if (known != null) {
      s.add(
          "In "
              + known
              + " of the incidents, the child was previously known to children's social care.");
    }
    String deaths = count(t.v("LOOKED_AFTER", "DEATH_COUNT"));
    String harm = count(t.v("LOOKED_AFTER", "SERIOUS_HARM_COUNT"));
    if (deaths != null && harm != null) {
      s.add(
          "Looked after children were involved in "
              + deaths
              + " child deaths and "
              + harm
              + " incidents of serious harm.");
    }
    String court =
        countPct(t.v("COURT_ORDERS", "TOTAL_COUNT"), t.v("COURT_ORDERS", "TOTAL_PERCENT"));
    String away =
        countPct(
            t.v("NOT_RESIDENT_AT_HOME", "TOTAL_COUNT"),
            t.v("NOT_RESIDENT_AT_HOME", "TOTAL_PERCENT"));
    if (court != null && away != null) {
      s.add(
          "A court order was in place in "
              + court
              + " of the incidents, and the child was not resident at home in "
              + away
              + ".");
    }
    return join(s);
  }

  static String covid(T t) {
    String any = t.v("ANY_FACTOR", "TOTAL");
    if (zero(any)) {
      return "No notification in the period had a COVID-19 factor recorded.";
    }
    List<String> s = new ArrayList<>();
    if (count(any) != null) {
      s.add(
          "at least one COVID-19 factor was recorded on "
              + (shown(any) ? count(any) + " notifications" : WITHHELD + " of notifications")
              + ": "
              + list(
                  with(count(t.v("ANY_FACTOR", "DEATH")), " of child deaths"),
                  with(count(t.v("ANY_FACTOR", "SERIOUS_HARM")), " of serious harm"),
                  with(count(t.v("ANY_FACTOR", "OTHER")), " of other kinds"))
              + ".");
    }
    List<String> factors =
        List.of(
            "PARENTAL_FAMILY_STRESSORS",
            "CHILD_VULNERABILITY",
            "SCHOOL_CLOSURE",
            "COVID_SAFE_ADAPTATION");
    List<String> ranked = ranked(t, factors, "TOTAL");
    if (ranked != null && ahead(t, ranked, "TOTAL")) {
      s.add(
          "The factor recorded most often was "
              + lower(t.label(ranked.get(0)))
              + " ("
              + count(t.v(ranked.get(0), "TOTAL"))
              + ").");
    }
    return join(s);
  }

  static String themes(T t) {
    String coded = t.v("CODED_REVIEWS", "COUNT");
    if (zero(coded)) {
      return "No rapid review of the period's notifications had a practice theme recorded.";
    }
    List<String> s = new ArrayList<>();
    if (shown(coded)) {
      s.add(
          "Of the rapid reviews of the notifications, "
              + count(coded)
              + " had a practice theme recorded.");
    }
    List<String> ranked = ranked(t, t.plainRows(), "COUNT");
    if (ranked != null && ahead(t, ranked, "COUNT")) {
      s.add(
          "The theme recorded most often was "
              + lower(t.label(ranked.get(0)))
              + ", in "
              + countPct(t.v(ranked.get(0), "COUNT"), t.v(ranked.get(0), "PERCENT"))
              + " of them.");
    }
    return join(s);
  }

  static String yearlyReports(T t) {
    String all = t.v("TOTAL", "COUNT");
    if (zero(all)) {
      return "No safeguarding partners' yearly report was published in the period.";
    }
    List<String> s = new ArrayList<>();
    String yes = count(t.v("FULLY_OR_PARTLY", "COUNT"));
    String no = count(t.v("NOT_EVIDENCED", "COUNT"));
    if (yes != null && shown(all)) {
      s.add(
          "The requirements of Working Together 2018 were fully or partly evidenced in "
              + yes
              + " of the "
              + count(all)
              + " yearly reports published in the period.");
    }
    if (no != null) {
      s.add("There were " + no + " reports that did not evidence the requirements.");
    }
    return join(s);
  }

  static String authorities(T t) {
    List<String> bands = List.of("NONE", "ONE_TO_TWO", "THREE_TO_SIX", "SEVEN_PLUS");
    List<String> ranked = ranked(t, bands, "LA_COUNT");
    if (ranked == null) {
      return null;
    }
    List<String> s = new ArrayList<>();
    Function<String, String> cases = r -> t.label(r) + " cases";
    String top = ranked.get(0);
    boolean first = ahead(t, ranked, "LA_COUNT") && !top.equals("NONE");
    if (first) {
      s.add(
          (overHalf(t.v(top, "PERCENT"))
                  ? "Most local areas ("
                  : "The largest share of local areas (")
              + pct(t.v(top, "PERCENT"))
              + ") notified the Panel of "
              + cases.apply(top)
              + " in the period.");
    }
    List<String> rest = new ArrayList<>();
    for (String b : List.of("ONE_TO_TWO", "THREE_TO_SIX", "SEVEN_PLUS")) {
      if (!first || !b.equals(top)) {
        rest.add(
            with(countPct(t.v(b, "LA_COUNT"), t.v(b, "PERCENT")), " notified " + cases.apply(b)));
      }
    }
    String all = count(t.v("TOTAL", "LA_COUNT"));
    s.add(
        (all == null ? "of the local areas, " : "of the " + all + " local areas, ")
            + list(rest)
            + ".");
    String none = t.v("NONE", "LA_COUNT");
    if (!zero(none) && count(none) != null) {
      s.add("There were " + count(none) + " local areas that made no notifications to the Panel.");
    }
    return join(s);
  }

  static String timeliness(T t, PublishedReport report) {
    String all = t.v("TOTAL", "TOTAL");
    String period = AnnualReportLayout.periodWords(report.from(), report.to());
    List<String> s = new ArrayList<>();
    s.add(
        "Rapid reviews are expected to be completed within 15 working days of the serious incident"
            + " notification to the Panel.");
    if (zero(all)) {
      s.add("No rapid review had a requested completion date in " + period + ".");
      return join(s);
    }
    s.add(
        "The data for timely completion of "
            + (shown(all) ? count(all) : "the")
            + " rapid reviews with a requested completion date in "
            + period
            + " is shown below.");
    s.add(bands(t));
    s.add(outstanding(t, report));
    if (t.hasColumn("COMPARATOR_TOTAL") && report.comparatorPeriod() != null) {
      String before =
          countPct(t.v("BAND_1_15", "COMPARATOR_TOTAL"), t.v("BAND_1_15", "COMPARATOR_PERCENT"));
      String of = t.v("TOTAL", "COMPARATOR_TOTAL");
      if (before != null && shown(of)) {
        s.add(
            "In "
                + report.comparatorPeriod()
                + ", "
                + before
                + " of "
                + count(of)
                + " rapid reviews were in the 1-15 range.");
      }
    }
    return join(s);
  }

  /** "By working days taken, 94 (21.1%) were in the 1-15 working days range, ...". */
  private static String bands(T t) {
    List<String> parts = new ArrayList<>();
    String[][] bands = {
      {"BAND_1_15", " were in the 1-15 working days range"},
      {"BAND_16_25", " in 16-25"},
      {"BAND_26_59", " in 26-59"},
      {"BAND_60_PLUS", " in 60+"}
    };
    for (String[] b : bands) {
      String cp = countPct(t.v(b[0], "TOTAL"), t.v(b[0], "PERCENT"));
      if (cp == null) {
        return null;
      }
      parts.add(cp + b[1]);
    }
    return "By working days taken, " + list(parts) + ".";
  }

  private static String outstanding(T t, PublishedReport report) {
    String notYet = t.v("TOTAL", "NOT_YET_RECEIVED");
    String asAt = AnnualReportLayout.date(report.asAt());
    if (zero(notYet)) {
      return "Every one of them had been received as at " + asAt + ".";
    }
    if (count(notYet) == null) {
      return null;
    }
    String min = t.v("TOTAL", "OUTSTANDING_MIN_WD");
    String max = t.v("TOTAL", "OUTSTANDING_MAX_WD");
    String range = "";
    if (shown(min) && shown(max)) {
      range =
          min.equals(max)
              ? ", " + count(min) + " working days after the notification"
              : ", between "
                  + count(min)
                  + " and "
                  + count(max)
                  + " working days after the notification";
    }
    return "Of these, " + count(notYet) + " had not been received as at " + asAt + range + ".";
  }

  static String timelinessPart(T t, PublishedReport report) {
    String all = t.v("TOTAL", "TOTAL");
    boolean inside = t.id().equals("T8");
    String which =
        inside
            ? "notified during the authorised extension"
            : "notified outside the authorised extension";
    if (zero(all)) {
      return "No rapid review of an incident "
          + which
          + " of the 15-working-day target had a requested completion date in the period.";
    }
    List<String> s = new ArrayList<>();
    s.add(
        (inside ? "Table 8" : "Table 7")
            + " shows the "
            + (shown(all) ? count(all) + " " : "")
            + "rapid reviews of incidents "
            + which
            + " of the 15-working-day target.");
    s.add(bands(t));
    s.add(outstanding(t, report));
    return join(s);
  }

  static String decisions(T t, PublishedReport report) {
    String all = t.v("TOTAL", "COUNT");
    Function<String, String> cp = r -> countPct(t.v(r, "COUNT"), t.v(r, "PERCENT"));
    if (zero(all)
        || cp.apply("LCSPR") == null
        || cp.apply("NO_LCSPR") == null
        || cp.apply("UNDECIDED") == null) {
      return null;
    }
    return "After completing rapid reviews in respect of the "
        + (shown(all) ? count(all) + " " : "")
        + "serious incidents notified to the Panel in "
        + AnnualReportLayout.periodWords(report.from(), report.to())
        + ", the safeguarding partners were proceeding to a local child safeguarding practice"
        + " review (LCSPR) in "
        + cp.apply("LCSPR")
        + " cases, had decided not to undertake a local review in "
        + cp.apply("NO_LCSPR")
        + " cases, and had not yet reached a decision in "
        + cp.apply("UNDECIDED")
        + " cases.";
  }

  static String lcsprRate(T t) {
    String[][] kinds = {
      {
        "DEATH_MALTREATMENT_OR_EXTRA_FAMILIAL",
        "deaths by maltreatment and extra-familial assaults or homicides"
      },
      {"DEATH_RELATED", "deaths related to, but not directly caused by, maltreatment"},
      {"DEATH_OTHER", "other deaths"},
      {"NON_FATAL", "non-fatal cases"}
    };
    List<String> parts = new ArrayList<>();
    for (String[] k : kinds) {
      String p = pct(t.v(k[0], "LCSPR_PERCENT"));
      String n = t.v(k[0], "LCSPR_COUNT");
      String of = t.v(k[0], "TOTAL_COUNT");
      if (p != null && shown(n) && shown(of)) {
        parts.add(p + " of " + k[1] + " (" + count(n) + " of " + count(of) + ")");
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    return "An LCSPR was initiated in " + list(parts) + ".";
  }

  static String panelView(T t) {
    String all = t.v("TOTAL", "COUNT");
    List<String> s = new ArrayList<>();
    String agree = pct(t.v("AGREE", "PERCENT"));
    if (zero(all)) {
      s.add("No rapid review of the period's notifications had the Panel's view recorded.");
    } else if (agree != null && shown(t.v("AGREE", "COUNT")) && shown(all)) {
      s.add(
          "The Panel agreed with "
              + agree
              + " of the decisions by safeguarding partnerships to either initiate or not to"
              + " initiate an LCSPR ("
              + count(t.v("AGREE", "COUNT"))
              + " of the "
              + count(all)
              + " rapid reviews with the Panel's view recorded).");
    }
    String alt = t.v("ALTERNATIVE_METHODOLOGY", "COUNT");
    if (shown(alt) && !zero(alt)) {
      s.add(
          "In "
              + count(alt)
              + " rapid reviews, an alternative review methodology was proposed instead of an"
              + " LCSPR.");
    }
    return join(s);
  }

  static String initiated(T t) {
    List<String> years = new ArrayList<>();
    List<String> hidden = new ArrayList<>();
    for (PublishedReport.Row r : t.table().rows()) {
      String v = r.values().isEmpty() ? "" : r.values().get(0);
      if (shown(v)) {
        years.add(count(v) + " in " + r.label());
      } else if (withheld(v)) {
        hidden.add(r.label());
      }
    }
    List<String> s = new ArrayList<>();
    if (!years.isEmpty()) {
      s.add(
          "The number of local child safeguarding practice reviews (LCSPRs) initiated was "
              + list(years)
              + ".");
    }
    if (!hidden.isEmpty()) {
      s.add("The number for " + list(hidden) + " is not shown, to protect confidentiality.");
    }
    return join(s);
  }

  static String publication(T t, PublishedReport report) {
    String all = t.v("TOTAL", "COUNT");
    String asAt = AnnualReportLayout.date(report.asAt());
    if (zero(all)) {
      return "Up to " + asAt + " the Panel had received no completed LCSPR.";
    }
    List<String> s = new ArrayList<>();
    if (shown(all)) {
      s.add("Up to " + asAt + " the Panel had received " + count(all) + " completed LCSPRs.");
    }
    s.add(
        "Of these, "
            + list(
                with(count(t.v("PUBLISHED", "COUNT")), " have been published"),
                with(count(t.v("INTENDS_TO_PUBLISH", "COUNT")), " have an intention to publish"),
                with(count(t.v("NOT_PUBLISHING", "COUNT")), " are not intending to publish"),
                zero(t.v("NOT_DECIDED", "COUNT"))
                    ? null
                    : with(count(t.v("NOT_DECIDED", "COUNT")), " have not decided"))
            + ".");
    String over = count(t.v("PUBLISHED_OVER_200_WD", "COUNT"));
    String notice = count(t.v("PUBLISHED_SHORT_NOTICE", "COUNT"));
    if (over != null && notice != null) {
      s.add(
          "Of those published, "
              + over
              + " were published more than 200 working days after initiation, and "
              + (zero(t.v("PUBLISHED_SHORT_NOTICE", "COUNT")) ? "none" : notice)
              + " with less than 7 working days' notice to the Panel.");
    }
    return join(s);
  }
}
