package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.SyntheticReviewsCsv;

/**
 * H, T4, T4A, T5, LA1, D1, D2, D3, TH1 and Y1 (with 400 yearly reports) over 1,300 synthetic
 * notifications with their rapid reviews, each cell compared with what this test counts itself from
 * the CSV files (and las.csv) in plain Java, for two periods and as-at dates.
 */
@RegisterTest
class SyntheticCaseTablesTest {

  static final List<String> TABLES =
      List.of("H", "T4", "T4A", "T5", "D1", "D2", "D3", "LA1", "TH1", "Y1"); // the report's order

  @Autowired StandardCsv csv;
  @Autowired Reports reports;

  @TempDir Path dir;

  record N(
      String ref,
      String la,
      LocalDate incident,
      String type,
      String deathCategory,
      Set<String> characteristics,
      String pattern,
      String csc,
      String court,
      String living,
      LocalDate aware,
      LocalDate notified,
      int children) {}

  /** A partnership's yearly report: its date and the four requirements' assessments. */
  record YR(String partnership, LocalDate published, List<String> requirements) {}

  record RR(
      String ref,
      LocalDate received,
      String decision,
      String view,
      Set<String> themes,
      boolean alternative) {}

  record La(String code, LocalDate from, LocalDate to, String old) {
    boolean liveOn(LocalDate d) {
      return !from.isAfter(d) && (to == null || !to.isBefore(d));
    }
  }

  static List<CSVRecord> read(Reader in) throws IOException {
    try (in) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(in)
          .getRecords();
    }
  }

  static List<CSVRecord> read(Path file) throws IOException {
    return read(Files.newBufferedReader(file, StandardCharsets.UTF_8));
  }

  static Set<String> list(String s) {
    return s.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(s.split(";")));
  }

  static LocalDate date(String s) {
    return s.isBlank() ? null : LocalDate.parse(s);
  }

  static String percent(long count, long of) {
    if (of == 0) {
      return "";
    }
    return new BigDecimal(count * 100)
        .divide(new BigDecimal(of), 1, RoundingMode.HALF_UP)
        .toPlainString();
  }

  List<N> notifications;
  Map<String, RR> reviews;
  List<La> las;
  List<YR> yearly;

  /**
   * 400 yearly reports, 2019 to 2023, from partnerships that are the authorities of the files, each
   * requirement FULL, PARTIAL or NONE at random: written as yearly_reports.csv.
   */
  void writeYearlyReports(long seed) throws IOException {
    Random random = new Random(seed);
    List<String> codes =
        read(dir.resolve("notifications.csv")).stream()
            .map(r -> r.get("la_code"))
            .distinct()
            .sorted()
            .toList();
    List<String> levels = List.of("FULL", "PARTIAL", "NONE");
    StringBuilder out =
        new StringBuilder(
            "partnership_code,published_date,req_impact,req_limited_progress,req_review_actions,"
                + "req_child_family_feedback\n");
    Set<String> seen = new java.util.HashSet<>();
    while (seen.size() < 400) {
      String code = codes.get(random.nextInt(codes.size()));
      LocalDate published = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(5 * 365));
      if (!seen.add(code + published)) {
        continue; // one report a partnership a day
      }
      out.append(code).append(',').append(published);
      for (int q = 0; q < 4; q++) {
        // NONE more often, so that some reports are NOT_EVIDENCED (three or more NONE)
        out.append(',').append(levels.get(Math.min(2, random.nextInt(4))));
      }
      out.append('\n');
    }
    Files.writeString(dir.resolve("yearly_reports.csv"), out.toString(), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName(
      "1,300 notifications: every cell of the ten tables (H and Y1 too) as counted from the files, for 2020 as"
          + " at 31 March 2021 and 2022 as at 30 June 2022")
  void everyCellAsCountedFromTheFiles() throws IOException {
    SyntheticReviewsCsv.write(dir, 1300, 7);
    writeYearlyReports(7);
    StandardCsv.Imported imported = csv.importFrom(dir, false, ImportProgress.NONE);
    assertThat(imported.problems()).isEmpty();
    assertThat(imported.notifications()).isEqualTo(1300);

    Map<String, Integer> childrenOf = new HashMap<>();
    for (CSVRecord r : read(dir.resolve("children.csv"))) {
      childrenOf.merge(r.get("notification_ref"), 1, Integer::sum);
    }
    yearly = new ArrayList<>();
    for (CSVRecord r : read(dir.resolve("yearly_reports.csv"))) {
      yearly.add(
          new YR(
              r.get("partnership_code"),
              LocalDate.parse(r.get("published_date")),
              List.of(
                  r.get("req_impact"),
                  r.get("req_limited_progress"),
                  r.get("req_review_actions"),
                  r.get("req_child_family_feedback"))));
    }
    notifications = new ArrayList<>();
    for (CSVRecord r : read(dir.resolve("notifications.csv"))) {
      notifications.add(
          new N(
              r.get("notification_ref"),
              r.get("la_code"),
              LocalDate.parse(r.get("incident_date")),
              r.get("notification_type"),
              r.get("death_category"),
              list(r.get("case_characteristics")),
              r.get("domestic_abuse_pattern"),
              r.get("csc_involvement"),
              r.get("court_order"),
              r.get("living_arrangement"),
              LocalDate.parse(r.get("aware_date")),
              LocalDate.parse(r.get("notified_date")),
              childrenOf.getOrDefault(r.get("notification_ref"), 0)));
    }
    reviews = new HashMap<>();
    for (CSVRecord r : read(dir.resolve("rapid_reviews.csv"))) {
      reviews.put(
          r.get("notification_ref"),
          new RR(
              r.get("notification_ref"),
              date(r.get("received_date")),
              r.get("decision"),
              r.get("panel_view"),
              list(r.get("practice_themes")),
              r.get("alternative_methodology").equals("Y")));
    }
    las = new ArrayList<>();
    DateTimeFormatter dfe = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    try (InputStream in = getClass().getResourceAsStream("/reference/las.csv")) {
      for (CSVRecord r : read(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String code = r.get("new_la_code");
        if (!code.startsWith("E") || code.contains("/")) {
          continue; // not an authority (the "z" row, combined services)
        }
        String end = r.get("date_of_termination");
        las.add(
            new La(
                code,
                LocalDate.parse(r.get("date_of_operation"), dfe),
                end.isBlank() ? null : LocalDate.parse(end, dfe),
                r.get("old_la_code")));
      }
    }

    // LA1 with an authority that ended during the period: Buckinghamshire county (E10000002)
    // ended on 31 March 2020, and some of 2020's notifications are its.
    assertThat(notifications)
        .filteredOn(x -> x.la().equals("E10000002") && x.incident().getYear() == 2020)
        .isNotEmpty();
    check(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), LocalDate.of(2021, 3, 31));
    check(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), LocalDate.of(2022, 6, 30));
  }

  void check(LocalDate from, LocalDate to, LocalDate asAt) {
    Report report =
        reports.report(
            new ReportRequest(from, to, asAt, null, null), TABLES, Viewer.system("test"));
    List<N> n =
        notifications.stream()
            .filter(x -> !x.incident().isBefore(from) && !x.incident().isAfter(to))
            .toList();
    assertThat(n).hasSizeGreaterThan(200);
    Map<String, List<Cell>> expected = new LinkedHashMap<>();
    expected.put("H", headline(n));
    expected.put("Y1", y1(from, to));
    expected.put("T4", byType("T4", n, t4Rows()));
    expected.put("T4A", t4a(n));
    expected.put("T5", byType("T5", n, t5Rows()));
    expected.put("LA1", la1(n, to));
    expected.put("D1", d1(n, asAt));
    expected.put("D2", d2(n, asAt));
    expected.put("D3", d3(n, asAt));
    expected.put("TH1", th1(n, asAt));
    assertThat(report.tables().keySet()).containsExactlyElementsOf(TABLES);
    for (String table : TABLES) {
      assertThat(report.tables().get(table))
          .as(table + " " + from + ".." + to + " as at " + asAt)
          .containsExactlyElementsOf(expected.get(table));
    }
    // The files vary enough for the tables to mean something.
    assertThat(expected.get("D1").get(0).value()).isNotEqualTo("0");
    assertThat(expected.get("H").get(6).value()).as("some notified late").isNotEqualTo("0");
    assertThat(expected.get("Y1").get(1).value()).as("some not evidenced").isNotEqualTo("0");
    assertThat(expected.get("TH1").get(12).value()).isNotEqualTo("0");
  }

  /** H: counted from the files, lateness with the timeliness test's own working-day counter. */
  List<Cell> headline(List<N> n) {
    List<Cell> cells = new ArrayList<>();
    cells.add(new Cell("H", "NOTIFICATIONS", "COUNT", Integer.toString(n.size())));
    for (String type : List.of("DEATH", "SERIOUS_HARM", "OTHER")) {
      long c = n.stream().filter(x -> x.type().equals(type)).count();
      cells.add(new Cell("H", type, "COUNT", Long.toString(c)));
    }
    cells.add(
        new Cell(
            "H", "CHILDREN", "COUNT", Integer.toString(n.stream().mapToInt(N::children).sum())));
    cells.add(
        new Cell(
            "H",
            "LAS_NOTIFYING",
            "COUNT",
            Long.toString(n.stream().map(N::la).distinct().count())));
    long late =
        n.stream()
            .filter(x -> SyntheticTimelinessTablesTest.between(x.aware(), x.notified()) > 5)
            .count();
    cells.add(new Cell("H", "LATE_NOTIFICATIONS", "COUNT", Long.toString(late)));
    return cells;
  }

  /** Y1: the yearly reports published in the period. */
  List<Cell> y1(LocalDate from, LocalDate to) {
    List<YR> in =
        yearly.stream()
            .filter(y -> !y.published().isBefore(from) && !y.published().isAfter(to))
            .toList();
    long notEvidenced =
        in.stream()
            .filter(y -> y.requirements().stream().filter("NONE"::equals).count() >= 3)
            .count();
    List<Cell> cells = new ArrayList<>();
    cells.add(new Cell("Y1", "FULLY_OR_PARTLY", "COUNT", Long.toString(in.size() - notEvidenced)));
    cells.add(new Cell("Y1", "NOT_EVIDENCED", "COUNT", Long.toString(notEvidenced)));
    cells.add(new Cell("Y1", "TOTAL", "COUNT", Integer.toString(in.size())));
    List<String> names =
        List.of("IMPACT", "LIMITED_PROGRESS", "REVIEW_ACTIONS", "CHILD_FAMILY_FEEDBACK");
    for (int q = 0; q < 4; q++) {
      final int k = q;
      for (String level : List.of("FULL", "PARTIAL", "NONE")) {
        long c = in.stream().filter(y -> y.requirements().get(k).equals(level)).count();
        cells.add(new Cell("Y1", names.get(q) + "_" + level, "COUNT", Long.toString(c)));
      }
    }
    return cells;
  }

  static Map<String, Predicate<N>> t4Rows() {
    Map<String, Predicate<N>> rows = new LinkedHashMap<>();
    for (String c :
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
            "CHILD_MENTAL_ILL_HEALTH",
            "MATERNAL_MENTAL_ILL_HEALTH",
            "PATERNAL_MENTAL_ILL_HEALTH",
            "NEGLECT_FEATURE",
            "CRIMINAL_EXPLOITATION_BACKGROUND",
            "PEER_ON_PEER_ABUSE",
            "GENDER_IDENTITY_FACTOR",
            "SECURE_ESTABLISHMENT")) {
      rows.put(c, x -> x.characteristics().contains(c));
    }
    rows.put(
        "PARENTAL_MENTAL_ILL_HEALTH",
        x ->
            x.characteristics().contains("MATERNAL_MENTAL_ILL_HEALTH")
                || x.characteristics().contains("PATERNAL_MENTAL_ILL_HEALTH"));
    rows.put(
        "DOMESTIC_ABUSE_AND_SUBSTANCE_MISUSE",
        x ->
            x.characteristics().contains("DOMESTIC_ABUSE")
                && (x.characteristics().contains("PARENTAL_ALCOHOL_MISUSE")
                    || x.characteristics().contains("PARENTAL_DRUG_MISUSE")));
    return rows;
  }

  static Map<String, Predicate<N>> t5Rows() {
    Map<String, Predicate<N>> rows = new LinkedHashMap<>();
    rows.put("KNOWN_TO_CSC", x -> !x.csc().equals("NONE"));
    for (String c :
        List.of(
            "INFORMATION_NO_REFERRAL",
            "REFERRAL_NO_ASSESSMENT",
            "INITIAL_ASSESSMENT",
            "EARLY_HELP_CAF",
            "CHILD_IN_NEED",
            "CHILD_PROTECTION_PLAN",
            "LOOKED_AFTER")) {
      rows.put(c, x -> x.csc().equals(c));
    }
    rows.put("CSC_OTHER", x -> x.csc().equals("OTHER"));
    rows.put("COURT_ORDERS", x -> !x.court().equals("NONE"));
    rows.put("CARE_ORDER", x -> x.court().equals("CARE_ORDER"));
    rows.put("SECTION_20", x -> x.court().equals("SECTION_20"));
    rows.put("COURT_ORDER_OTHER", x -> x.court().equals("OTHER"));
    rows.put("NOT_RESIDENT_AT_HOME", x -> !x.living().equals("AT_HOME"));
    for (String c :
        List.of("WITH_RELATIVES", "FOSTER_CARE", "RESIDENTIAL_HOME", "SEMI_INDEPENDENT")) {
      rows.put(c, x -> x.living().equals(c));
    }
    rows.put("LIVING_OTHER", x -> x.living().equals("OTHER"));
    return rows;
  }

  static List<Cell> byType(String table, List<N> n, Map<String, Predicate<N>> rows) {
    List<Cell> cells = new ArrayList<>();
    rows.forEach(
        (row, p) -> {
          for (String type : List.of("DEATH", "SERIOUS_HARM", "OTHER")) {
            List<N> ofType = n.stream().filter(x -> x.type().equals(type)).toList();
            long c = ofType.stream().filter(p).count();
            cells.add(new Cell(table, row, type + "_COUNT", Long.toString(c)));
            cells.add(new Cell(table, row, type + "_PERCENT", percent(c, ofType.size())));
          }
          long c = n.stream().filter(p).count();
          cells.add(new Cell(table, row, "TOTAL_COUNT", Long.toString(c)));
          cells.add(new Cell(table, row, "TOTAL_PERCENT", percent(c, n.size())));
        });
    return cells;
  }

  static List<Cell> t4a(List<N> n) {
    List<N> da = n.stream().filter(x -> x.characteristics().contains("DOMESTIC_ABUSE")).toList();
    long recorded = da.stream().filter(x -> !x.pattern().isBlank()).count();
    List<Cell> cells = new ArrayList<>();
    for (String p :
        List.of(
            "FATHER_TO_MOTHER",
            "MOTHER_TO_FATHER",
            "BOTH_PARENTS",
            "YOUNG_PERSON_TO_ADULT",
            "OTHER")) {
      long c = da.stream().filter(x -> x.pattern().equals(p)).count();
      cells.add(new Cell("T4A", p, "COUNT", Long.toString(c)));
      cells.add(new Cell("T4A", p, "PERCENT", percent(c, recorded)));
    }
    cells.add(new Cell("T4A", "NOT_RECORDED", "COUNT", Long.toString(da.size() - recorded)));
    cells.add(new Cell("T4A", "NOT_RECORDED", "PERCENT", ""));
    cells.add(new Cell("T4A", "TOTAL", "COUNT", Long.toString(da.size())));
    cells.add(new Cell("T4A", "TOTAL", "PERCENT", ""));
    return cells;
  }

  List<Cell> la1(List<N> n, LocalDate to) {
    List<La> live = las.stream().filter(a -> a.liveOn(to)).toList();
    Map<String, Integer> per = new HashMap<>();
    live.forEach(a -> per.put(a.code(), 0));
    for (N x : n) {
      String target = null;
      if (per.containsKey(x.la())) {
        target = x.la();
      } else {
        La own = las.stream().filter(a -> a.code().equals(x.la())).findFirst().orElseThrow();
        List<La> same =
            live.stream()
                .filter(a -> !own.old().isBlank() && !own.old().equals("x"))
                .filter(a -> a.old().equals(own.old()))
                .toList();
        if (same.size() == 1) {
          target = same.get(0).code();
        }
      }
      if (target != null) {
        per.merge(target, 1, Integer::sum);
      }
    }
    Map<String, Long> bands =
        per.values().stream()
            .collect(
                Collectors.groupingBy(
                    v ->
                        v == 0
                            ? "NONE"
                            : v <= 2 ? "ONE_TO_TWO" : v <= 6 ? "THREE_TO_SIX" : "SEVEN_PLUS",
                    Collectors.counting()));
    List<Cell> cells = new ArrayList<>();
    for (String band : List.of("NONE", "ONE_TO_TWO", "THREE_TO_SIX", "SEVEN_PLUS")) {
      long c = bands.getOrDefault(band, 0L);
      cells.add(new Cell("LA1", band, "LA_COUNT", Long.toString(c)));
      cells.add(new Cell("LA1", band, "PERCENT", percent(c, live.size())));
    }
    cells.add(new Cell("LA1", "TOTAL", "LA_COUNT", Integer.toString(live.size())));
    cells.add(new Cell("LA1", "TOTAL", "PERCENT", percent(live.size(), live.size())));
    return cells;
  }

  /** The rapid review of a notification received by as_at, or null. */
  RR received(N x, LocalDate asAt) {
    RR r = reviews.get(x.ref());
    return r != null && r.received() != null && !r.received().isAfter(asAt) ? r : null;
  }

  String decision(N x, LocalDate asAt) {
    RR r = received(x, asAt);
    return r == null ? "UNDECIDED" : r.decision();
  }

  List<Cell> d1(List<N> n, LocalDate asAt) {
    List<Cell> cells = new ArrayList<>();
    for (String d : List.of("LCSPR", "NO_LCSPR", "UNDECIDED")) {
      long c = n.stream().filter(x -> decision(x, asAt).equals(d)).count();
      cells.add(new Cell("D1", d, "COUNT", Long.toString(c)));
      cells.add(new Cell("D1", d, "PERCENT", percent(c, n.size())));
    }
    cells.add(new Cell("D1", "TOTAL", "COUNT", Integer.toString(n.size())));
    cells.add(new Cell("D1", "TOTAL", "PERCENT", percent(n.size(), n.size())));
    return cells;
  }

  /** The death category groups of DATA-STANDARD.md 4.1. */
  static final Map<String, String> GROUPS =
      Map.ofEntries(
          Map.entry("OVERT_FILICIDE", "MALTREATMENT_FAMILY"),
          Map.entry("COVERT_FILICIDE", "MALTREATMENT_FAMILY"),
          Map.entry("FATAL_PHYSICAL_ABUSE", "MALTREATMENT_FAMILY"),
          Map.entry("SEVERE_PERSISTENT_CRUELTY", "MALTREATMENT_FAMILY"),
          Map.entry("EXTREME_NEGLECT", "MALTREATMENT_FAMILY"),
          Map.entry("EXTRA_FAMILIAL_HOMICIDE", "EXTRA_FAMILIAL"),
          Map.entry("EXTRA_FAMILIAL_FATAL_ASSAULT", "EXTRA_FAMILIAL"),
          Map.entry("SUDI", "SUDI"),
          Map.entry("SUICIDE", "SUICIDE"),
          Map.entry("RELATED_ACCIDENT", "RELATED"),
          Map.entry("RELATED_MEDICAL", "RELATED"),
          Map.entry("RELATED_RISK_TAKING", "RELATED"),
          Map.entry("RELATED_POISONING", "RELATED"),
          Map.entry("RELATED_OTHER", "RELATED"),
          Map.entry("NOT_MALTREATMENT_RELATED", "NOT_RELATED"),
          Map.entry("NOT_CLEAR", "NOT_CLEAR"));

  static String kind(N x) {
    if (!x.type().equals("DEATH")) {
      return "NON_FATAL";
    }
    String g = GROUPS.get(x.deathCategory());
    return switch (g) {
      case "MALTREATMENT_FAMILY", "EXTRA_FAMILIAL" -> "DEATH_MALTREATMENT_OR_EXTRA_FAMILIAL";
      case "RELATED" -> "DEATH_RELATED";
      default -> "DEATH_OTHER";
    };
  }

  List<Cell> d2(List<N> n, LocalDate asAt) {
    List<Cell> cells = new ArrayList<>();
    for (String k :
        List.of(
            "DEATH_MALTREATMENT_OR_EXTRA_FAMILIAL", "DEATH_RELATED", "DEATH_OTHER", "NON_FATAL")) {
      List<N> of = n.stream().filter(x -> kind(x).equals(k)).toList();
      long lcspr = of.stream().filter(x -> decision(x, asAt).equals("LCSPR")).count();
      cells.add(new Cell("D2", k, "LCSPR_COUNT", Long.toString(lcspr)));
      cells.add(new Cell("D2", k, "TOTAL_COUNT", Integer.toString(of.size())));
      cells.add(new Cell("D2", k, "LCSPR_PERCENT", percent(lcspr, of.size())));
    }
    return cells;
  }

  List<Cell> d3(List<N> n, LocalDate asAt) {
    List<RR> got = n.stream().map(x -> received(x, asAt)).filter(r -> r != null).toList();
    List<RR> viewed =
        got.stream().filter(r -> !r.decision().equals("UNDECIDED") && !r.view().isBlank()).toList();
    List<Cell> cells = new ArrayList<>();
    for (String v : List.of("AGREE", "DISAGREE")) {
      long c = viewed.stream().filter(r -> r.view().equals(v)).count();
      cells.add(new Cell("D3", v, "COUNT", Long.toString(c)));
      cells.add(new Cell("D3", v, "PERCENT", percent(c, viewed.size())));
    }
    cells.add(new Cell("D3", "TOTAL", "COUNT", Integer.toString(viewed.size())));
    cells.add(new Cell("D3", "TOTAL", "PERCENT", percent(viewed.size(), viewed.size())));
    cells.add(
        new Cell(
            "D3",
            "ALTERNATIVE_METHODOLOGY",
            "COUNT",
            Long.toString(got.stream().filter(RR::alternative).count())));
    return cells;
  }

  List<Cell> th1(List<N> n, LocalDate asAt) {
    List<RR> coded =
        n.stream()
            .map(x -> received(x, asAt))
            .filter(r -> r != null && !r.themes().isEmpty())
            .toList();
    List<Cell> cells = new ArrayList<>();
    for (String t :
        List.of(
            "CHILD_DAILY_LIFE",
            "RELUCTANT_ENGAGEMENT",
            "CRITICAL_THINKING",
            "CHANGING_RISK",
            "INFORMATION_SHARING",
            "LEADERSHIP_CULTURE")) {
      long c = coded.stream().filter(r -> r.themes().contains(t)).count();
      cells.add(new Cell("TH1", t, "COUNT", Long.toString(c)));
      cells.add(new Cell("TH1", t, "PERCENT", percent(c, coded.size())));
    }
    cells.add(new Cell("TH1", "CODED_REVIEWS", "COUNT", Integer.toString(coded.size())));
    cells.add(new Cell("TH1", "CODED_REVIEWS", "PERCENT", ""));
    return cells;
  }
}
