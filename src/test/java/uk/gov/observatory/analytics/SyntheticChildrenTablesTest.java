package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
 * T1, T2, T3, A1, IMD1 and CV1 over 1,300 synthetic notifications imported from the standard's CSV
 * files, every cell checked against counts made here, in plain Java, from the files themselves
 * (code groups and the Census baseline as DATA-STANDARD 4.9 and 4.1 give them), for two years and
 * for one authority.
 */
@RegisterTest
class SyntheticChildrenTablesTest {

  static final LocalDate AS_AT = LocalDate.of(2026, 11, 26);
  static final List<String> TABLES = List.of("T1", "T2", "T3", "A1", "IMD1", "CV1");

  /** DATA-STANDARD 4.9: the Table 1 group of each ethnicity code (blank: NOT_RECORDED). */
  static final Map<String, String> ETHNIC_GROUP = new HashMap<>();

  static {
    for (String c : List.of("WBRI")) ETHNIC_GROUP.put(c, "WHITE_BRITISH");
    for (String c : List.of("WIRI", "WIRT", "WOTH", "WROM")) ETHNIC_GROUP.put(c, "WHITE_OTHER");
    for (String c : List.of("MWBC", "MWBA", "MWAS", "MOTH")) ETHNIC_GROUP.put(c, "MIXED");
    for (String c : List.of("AIND", "APKN", "ABAN", "AOTH")) ETHNIC_GROUP.put(c, "ASIAN");
    for (String c : List.of("BCRB", "BAFR", "BOTH")) ETHNIC_GROUP.put(c, "BLACK");
    for (String c : List.of("CHNE", "OOTH")) ETHNIC_GROUP.put(c, "OTHER");
    for (String c : List.of("REFU", "NOBT", "")) ETHNIC_GROUP.put(c, "NOT_RECORDED");
  }

  static final Map<String, String> CENSUS =
      Map.of(
          "ASIAN", "9.7", "BLACK", "4.7", "MIXED", "5.0", "WHITE_BRITISH", "79.3", "OTHER", "1.2");

  static final List<String> MALTREATMENT_FAMILY =
      List.of(
          "OVERT_FILICIDE",
          "COVERT_FILICIDE",
          "FATAL_PHYSICAL_ABUSE",
          "SEVERE_PERSISTENT_CRUELTY",
          "EXTREME_NEGLECT");
  static final List<String> EXTRA_FAMILIAL =
      List.of("EXTRA_FAMILIAL_HOMICIDE", "EXTRA_FAMILIAL_FATAL_ASSAULT");
  static final List<String> RELATED =
      List.of(
          "RELATED_ACCIDENT",
          "RELATED_MEDICAL",
          "RELATED_RISK_TAKING",
          "RELATED_POISONING",
          "RELATED_OTHER");

  @Autowired Reports reports;
  @Autowired StandardCsv csv;

  @TempDir Path dir;

  record Child(String gender, int age, String ethnicity) {}

  record Row(
      String la,
      LocalDate incident,
      String type,
      String deathCategory,
      String harmCategory,
      Integer imd,
      List<String> covid,
      List<Child> children) {}

  @Test
  @DisplayName(
      "1,300 imported notifications: every cell of the six tables, for 2020, 2022 and Leeds")
  void everyCellAgreesWithTheFiles() throws IOException {
    SyntheticReviewsCsv.write(dir, 1300, 7);
    assertThat(csv.importFrom(dir, false, ImportProgress.NONE).stored()).isTrue();
    List<Row> rows = read(dir);
    assertThat(rows).hasSize(1300);

    check(rows, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), null);
    check(rows, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), null);
    check(rows, LocalDate.of(2020, 4, 1), LocalDate.of(2021, 3, 31), "E08000035");
  }

  void check(List<Row> all, LocalDate from, LocalDate to, String la) {
    Predicate<Row> inN =
        r ->
            !r.incident().isBefore(from)
                && !r.incident().isAfter(to)
                && (la == null || r.la().equals(la));
    List<Row> n = all.stream().filter(inN).toList();
    assertThat(n.size()).as("notifications in the period").isGreaterThan(30);
    List<Cell> expected = new ArrayList<>();
    expected.addAll(t1(n));
    expected.addAll(t2(n));
    expected.addAll(t3(n));
    expected.addAll(a1(n));
    expected.addAll(imd1(n));
    expected.addAll(cv1(n));
    Report report =
        reports.report(new ReportRequest(from, to, AS_AT, null, la), TABLES, Viewer.system("test"));
    assertThat(report.tables().keySet()).containsExactlyElementsOf(TABLES);
    assertThat(report.cells())
        .as(from + " to " + to + " " + la)
        .containsExactlyElementsOf(expected);
  }

  static List<Cell> t1(List<Row> n) {
    Map<String, Long> counts = new HashMap<>();
    long total = 0;
    for (Row r : n) {
      for (Child c : r.children()) {
        counts.merge(ETHNIC_GROUP.get(c.ethnicity()), 1L, Long::sum);
        total++;
      }
    }
    long recorded = total - counts.getOrDefault("NOT_RECORDED", 0L);
    List<Cell> cells = new ArrayList<>();
    for (String g : List.of("WHITE_BRITISH", "WHITE_OTHER", "MIXED", "ASIAN", "BLACK", "OTHER")) {
      long count = counts.getOrDefault(g, 0L);
      cells.add(cell("T1", g, "COUNT", count));
      cells.add(new Cell("T1", g, "PERCENT", pct(count, recorded)));
      cells.add(new Cell("T1", g, "CENSUS_PERCENT", CENSUS.getOrDefault(g, "")));
    }
    cells.add(cell("T1", "NOT_RECORDED", "COUNT", counts.getOrDefault("NOT_RECORDED", 0L)));
    cells.add(new Cell("T1", "NOT_RECORDED", "PERCENT", ""));
    cells.add(new Cell("T1", "NOT_RECORDED", "CENSUS_PERCENT", ""));
    cells.add(cell("T1", "TOTAL", "COUNT", total));
    cells.add(new Cell("T1", "TOTAL", "PERCENT", ""));
    cells.add(new Cell("T1", "TOTAL", "CENSUS_PERCENT", ""));
    return cells;
  }

  static List<Cell> t2(List<Row> n) {
    List<Row> deaths = n.stream().filter(r -> r.type().equals("DEATH")).toList();
    long total = deaths.size();
    List<Cell> cells = new ArrayList<>();
    List<String> rows =
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
            "RELATED",
            "RELATED_ACCIDENT",
            "RELATED_MEDICAL",
            "RELATED_RISK_TAKING",
            "RELATED_POISONING",
            "RELATED_OTHER",
            "NOT_MALTREATMENT_RELATED",
            "NOT_CLEAR",
            "MALTREATMENT_FAMILY",
            "EXTRA_FAMILIAL",
            "TOTAL");
    for (String row : rows) {
      List<String> members =
          switch (row) {
            case "RELATED" -> RELATED;
            case "MALTREATMENT_FAMILY" -> MALTREATMENT_FAMILY;
            case "EXTRA_FAMILIAL" -> EXTRA_FAMILIAL;
            default -> List.of(row);
          };
      long count =
          row.equals("TOTAL")
              ? total
              : deaths.stream().filter(r -> members.contains(r.deathCategory())).count();
      cells.add(cell("T2", row, "COUNT", count));
      cells.add(new Cell("T2", row, "PERCENT", pct(count, total)));
    }
    return cells;
  }

  static List<Cell> t3(List<Row> n) {
    List<Row> nonFatal = n.stream().filter(r -> !r.type().equals("DEATH")).toList();
    List<Cell> cells = new ArrayList<>();
    for (String category :
        List.of(
            "NONFATAL_PHYSICAL_ABUSE",
            "NONFATAL_NEGLECT",
            "EMOTIONAL_ABUSE",
            "CSA_INTRA_FAMILIAL",
            "CSA_EXTRA_FAMILIAL",
            "CSE",
            "CRIMINAL_EXPLOITATION",
            "YOUNG_PERSON_PERPETRATOR",
            "OTHER_RISK_TAKING_VIOLENT",
            "OTHER_NON_FATAL")) {
      long count = nonFatal.stream().filter(r -> r.harmCategory().equals(category)).count();
      cells.add(cell("T3", category, "COUNT", count));
      cells.add(new Cell("T3", category, "PERCENT", pct(count, nonFatal.size())));
    }
    cells.add(cell("T3", "TOTAL", "COUNT", nonFatal.size()));
    cells.add(new Cell("T3", "TOTAL", "PERCENT", pct(nonFatal.size(), nonFatal.size())));
    return cells;
  }

  static List<Cell> a1(List<Row> n) {
    List<Child> children = n.stream().flatMap(r -> r.children().stream()).toList();
    List<String> genders = List.of("MALE", "FEMALE", "TRANSGENDER", "NOT_KNOWN");
    int[][] bands = {{0, 0}, {1, 4}, {5, 9}, {10, 14}, {15, 17}};
    String[] names = {"UNDER_1", "AGE_1_4", "AGE_5_9", "AGE_10_14", "AGE_15_17"};
    List<Cell> cells = new ArrayList<>();
    for (int b = 0; b < bands.length; b++) {
      int lo = bands[b][0];
      int hi = bands[b][1];
      List<Child> in = children.stream().filter(c -> c.age() >= lo && c.age() <= hi).toList();
      for (String g : genders) {
        cells.add(cell("A1", names[b], g, in.stream().filter(c -> c.gender().equals(g)).count()));
      }
      cells.add(cell("A1", names[b], "TOTAL", in.size()));
      cells.add(new Cell("A1", names[b], "PERCENT", pct(in.size(), children.size())));
    }
    for (String g : genders) {
      cells.add(
          cell("A1", "TOTAL", g, children.stream().filter(c -> c.gender().equals(g)).count()));
    }
    cells.add(cell("A1", "TOTAL", "TOTAL", children.size()));
    cells.add(new Cell("A1", "TOTAL", "PERCENT", pct(children.size(), children.size())));
    return cells;
  }

  static List<Cell> imd1(List<Row> n) {
    long known = n.stream().filter(r -> r.imd() != null).count();
    List<Cell> cells = new ArrayList<>();
    for (int q = 1; q <= 5; q++) {
      int lo = 2 * q - 1;
      int hi = 2 * q;
      long count =
          n.stream().filter(r -> r.imd() != null && r.imd() >= lo && r.imd() <= hi).count();
      cells.add(cell("IMD1", "QUINTILE_" + q, "COUNT", count));
      cells.add(new Cell("IMD1", "QUINTILE_" + q, "PERCENT", pct(count, known)));
    }
    cells.add(cell("IMD1", "UNKNOWN", "COUNT", n.size() - known));
    cells.add(new Cell("IMD1", "UNKNOWN", "PERCENT", ""));
    cells.add(cell("IMD1", "TOTAL", "COUNT", n.size()));
    cells.add(new Cell("IMD1", "TOTAL", "PERCENT", ""));
    return cells;
  }

  static List<Cell> cv1(List<Row> n) {
    List<Cell> cells = new ArrayList<>();
    for (String factor :
        List.of(
            "PARENTAL_FAMILY_STRESSORS",
            "CHILD_VULNERABILITY",
            "SCHOOL_CLOSURE",
            "COVID_SAFE_ADAPTATION",
            "ANY_FACTOR")) {
      Predicate<Row> has =
          factor.equals("ANY_FACTOR") ? r -> !r.covid().isEmpty() : r -> r.covid().contains(factor);
      for (String type : List.of("DEATH", "SERIOUS_HARM", "OTHER")) {
        cells.add(
            cell(
                "CV1",
                factor,
                type,
                n.stream().filter(has).filter(r -> r.type().equals(type)).count()));
      }
      cells.add(cell("CV1", factor, "TOTAL", n.stream().filter(has).count()));
    }
    return cells;
  }

  // ---------------------------------------------------------------------------------------------

  static Cell cell(String table, String row, String column, long count) {
    return new Cell(table, row, column, Long.toString(count));
  }

  /** 100 * count / of in tenths, rounded half up, written with one decimal; blank when of is 0. */
  static String pct(long count, long of) {
    if (of == 0) {
      return "";
    }
    long tenths = (2000 * count + of) / (2 * of);
    return tenths / 10 + "." + tenths % 10;
  }

  static List<Row> read(Path dir) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    Map<String, List<Child>> children = new HashMap<>();
    try (Reader in = Files.newBufferedReader(dir.resolve("children.csv"), StandardCharsets.UTF_8)) {
      for (CSVRecord c : format.parse(in)) {
        children
            .computeIfAbsent(c.get("notification_ref"), k -> new ArrayList<>())
            .add(
                new Child(
                    c.get("gender"), Integer.parseInt(c.get("age_years")), c.get("ethnicity")));
      }
    }
    List<Row> rows = new ArrayList<>();
    try (Reader in =
        Files.newBufferedReader(dir.resolve("notifications.csv"), StandardCharsets.UTF_8)) {
      for (CSVRecord r : format.parse(in)) {
        String imd = r.get("imd_decile");
        String covid = r.get("covid_factors");
        rows.add(
            new Row(
                r.get("la_code"),
                LocalDate.parse(r.get("incident_date")),
                r.get("notification_type"),
                r.get("death_category"),
                r.get("harm_category"),
                imd.isEmpty() ? null : Integer.valueOf(imd),
                covid.isEmpty() ? List.of() : List.of(covid.split(";")),
                children.getOrDefault(r.get("notification_ref"), List.of())));
      }
    }
    return rows;
  }
}
