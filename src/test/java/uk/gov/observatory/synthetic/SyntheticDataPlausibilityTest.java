package uk.gov.observatory.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.reference.ReferenceData;

/**
 * Issue 6: the joint structure of the generated 2020 (seeds 1, 2 and 20201231, scale 1), read back
 * from the CSV files without a database, each check able to fail; and the generator's contract
 * (scale, determinism, identifying fields). The figures observed are printed to the test's output.
 */
class SyntheticDataPlausibilityTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  static final LocalDate AS_AT = LocalDate.of(2021, 3, 31);

  @TempDir static Path shared;

  static Path year2020;
  static List<CSVRecord> notifications;
  static Map<String, CSVRecord> byRef;
  static Map<String, List<CSVRecord>> childrenOf;
  static Map<String, CSVRecord> reviews;

  static SyntheticData generator() {
    return new SyntheticData(ReferenceData.fromClasspath(), new WorkingDayCalendar());
  }

  static List<CSVRecord> read(Path file) throws IOException {
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(in)
          .getRecords();
    }
  }

  static Set<String> list(String s) {
    return s.isBlank() ? Set.of() : Set.of(s.split(";"));
  }

  /** One seed's files, read back. */
  record Files2020(
      Path dir,
      List<CSVRecord> notifications,
      Map<String, CSVRecord> byRef,
      Map<String, List<CSVRecord>> childrenOf,
      Map<String, CSVRecord> reviews) {}

  static final Map<Long, Files2020> GENERATED = new HashMap<>();

  /** Generates (once) and reads the files of a seed, and makes them the ones the checks read. */
  static void use(long seed) throws IOException {
    Files2020 f = GENERATED.get(seed);
    if (f == null) {
      Path dir = shared.resolve("seed-" + seed);
      generator().generate(2020, 1.0, seed, false, TODAY, dir, SyntheticData.Progress.NONE);
      List<CSVRecord> ns = read(dir.resolve("notifications.csv"));
      Map<String, CSVRecord> refs = new HashMap<>();
      ns.forEach(n -> refs.put(n.get("notification_ref"), n));
      Map<String, List<CSVRecord>> kids = new HashMap<>();
      for (CSVRecord c : read(dir.resolve("children.csv"))) {
        kids.computeIfAbsent(c.get("notification_ref"), k -> new java.util.ArrayList<>()).add(c);
      }
      Map<String, CSVRecord> rrs = new HashMap<>();
      for (CSVRecord r : read(dir.resolve("rapid_reviews.csv"))) {
        rrs.put(r.get("notification_ref"), r);
      }
      f = new Files2020(dir, ns, refs, kids, rrs);
      GENERATED.put(seed, f);
    }
    year2020 = f.dir();
    notifications = f.notifications();
    byRef = f.byRef();
    childrenOf = f.childrenOf();
    reviews = f.reviews();
  }

  static List<CSVRecord> where(Predicate<CSVRecord> p) {
    return notifications.stream().filter(p).toList();
  }

  static List<CSVRecord> childrenOf(List<CSVRecord> ns) {
    return ns.stream()
        .flatMap(n -> childrenOf.getOrDefault(n.get("notification_ref"), List.of()).stream())
        .toList();
  }

  static int age(CSVRecord child) {
    return Integer.parseInt(child.get("age_years"));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 20201231})
  @DisplayName("every notification has at least one child, and every child a notification")
  void childrenBelongToNotifications(long seed) throws IOException {
    use(seed);
    assertThat(notifications).hasSizeGreaterThan(482); // 2020's and the lead-in notifications
    assertThat(where(n -> !childrenOf.containsKey(n.get("notification_ref")))).isEmpty();
    assertThat(childrenOf.keySet()).allSatisfy(ref -> assertThat(byRef).containsKey(ref));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 20201231})
  @DisplayName("every SUDI child is under one")
  void sudiUnderOne(long seed) throws IOException {
    use(seed);
    List<CSVRecord> sudi = childrenOf(where(n -> n.get("death_category").equals("SUDI")));
    assertThat(sudi).hasSizeGreaterThanOrEqualTo(63);
    assertThat(sudi).allSatisfy(c -> assertThat(age(c)).as(c.toString()).isZero());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 20201231})
  @DisplayName("every suicide is of a child aged 11 to 17")
  void suicideAged11To17(long seed) throws IOException {
    use(seed);
    List<CSVRecord> suicide = childrenOf(where(n -> n.get("death_category").equals("SUICIDE")));
    assertThat(suicide).hasSizeGreaterThanOrEqualTo(42);
    assertThat(suicide).allSatisfy(c -> assertThat(age(c)).as(c.toString()).isBetween(11, 17));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 20201231})
  @DisplayName("most children in fatal or non-fatal physical abuse are under one")
  void physicalAbuseMostlyInfants(long seed) throws IOException {
    use(seed);
    Predicate<CSVRecord> physical =
        n ->
            n.get("death_category").equals("FATAL_PHYSICAL_ABUSE")
                || n.get("harm_category").equals("NONFATAL_PHYSICAL_ABUSE");
    for (boolean only2020 : new boolean[] {false, true}) {
      List<CSVRecord> children =
          childrenOf(
              where(
                  n ->
                      physical.test(n)
                          && (!only2020 || n.get("incident_date").startsWith("2020-"))));
      long infants = children.stream().filter(c -> age(c) == 0).count();
      long underFive = children.stream().filter(c -> age(c) <= 4).count();
      System.out.printf(
          "seed %d: physical abuse (%s): %d children, %d under one (%.1f%%), %d under five (%.1f%%)%n",
          seed,
          only2020 ? "2020 incidents" : "all incidents in the files",
          children.size(),
          infants,
          100.0 * infants / children.size(),
          underFive,
          100.0 * underFive / children.size());
      assertThat(children).hasSizeGreaterThanOrEqualTo(127);
      // "Most": non-accidental injury is above all an injury of infants. The year's own
      // notifications are placed youngest first by category; the lead-in from earlier years is
      // drawn more loosely.
      assertThat(100.0 * infants / children.size()).isGreaterThan(only2020 ? 65 : 50);
      assertThat(100.0 * underFive / children.size()).isGreaterThanOrEqualTo(80);
    }
    // Where 2020's children under one are, by category (for the record).
    Map<String, Integer> infantsBy = new java.util.TreeMap<>();
    Map<String, Integer> childrenBy = new java.util.TreeMap<>();
    for (CSVRecord n : where(n -> n.get("incident_date").startsWith("2020-"))) {
      String kind = n.get("death_category") + n.get("harm_category");
      for (CSVRecord c : childrenOf.getOrDefault(n.get("notification_ref"), List.of())) {
        childrenBy.merge(kind, 1, Integer::sum);
        if (age(c) == 0) {
          infantsBy.merge(kind, 1, Integer::sum);
        }
      }
    }
    System.out.println("seed " + seed + ": 2020 children under one / children, by category:");
    childrenBy.forEach(
        (k, v) -> System.out.printf("  %s %d/%d%n", k, infantsBy.getOrDefault(k, 0), v));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 20201231})
  @DisplayName("every looked-after child lives away from home")
  void lookedAfterAwayFromHome(long seed) throws IOException {
    use(seed);
    List<CSVRecord> lac = where(n -> n.get("csc_involvement").equals("LOOKED_AFTER"));
    assertThat(lac).hasSizeGreaterThanOrEqualTo(66);
    assertThat(lac)
        .allSatisfy(
            n ->
                assertThat(n.get("living_arrangement"))
                    .as(n.get("notification_ref"))
                    .isNotEqualTo("AT_HOME"));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 20201231})
  @DisplayName("care orders and section 20 accommodation are mostly of looked-after children")
  void careOrdersMostlyLookedAfter(long seed) throws IOException {
    use(seed);
    List<CSVRecord> ordered =
        where(n -> Set.of("CARE_ORDER", "SECTION_20").contains(n.get("court_order")));
    long lac =
        ordered.stream().filter(n -> n.get("csc_involvement").equals("LOOKED_AFTER")).count();
    long away =
        ordered.stream().filter(n -> !n.get("living_arrangement").equals("AT_HOME")).count();
    System.out.printf(
        "seed %d: care order or section 20: %d notifications, %d looked after (%.1f%%), %d away from home"
            + " (%.1f%%)%n",
        seed,
        ordered.size(),
        lac,
        100.0 * lac / ordered.size(),
        away,
        100.0 * away / ordered.size());
    assertThat(ordered).hasSizeGreaterThanOrEqualTo(66);
    assertThat(100.0 * lac / ordered.size()).isGreaterThan(50);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 20201231})
  @DisplayName(
      "an LCSPR is likelier after a maltreatment or extra-familial death than after a related"
          + " death or a non-fatal incident (D2, paragraph 67)")
  void lcsprRateByKind(long seed) throws IOException {
    use(seed);
    Set<String> maltreatment =
        Set.of(
            "OVERT_FILICIDE",
            "COVERT_FILICIDE",
            "FATAL_PHYSICAL_ABUSE",
            "SEVERE_PERSISTENT_CRUELTY",
            "EXTREME_NEGLECT",
            "EXTRA_FAMILIAL_HOMICIDE",
            "EXTRA_FAMILIAL_FATAL_ASSAULT");
    List<CSVRecord> in2020 = where(n -> n.get("incident_date").startsWith("2020-"));
    double direct = lcsprRate(in2020, n -> maltreatment.contains(n.get("death_category")));
    double related = lcsprRate(in2020, n -> n.get("death_category").startsWith("RELATED_"));
    double nonFatal = lcsprRate(in2020, n -> !n.get("notification_type").equals("DEATH"));
    System.out.printf(
        "seed %d: LCSPR rate as at %s: maltreatment/extra-familial deaths %.1f%% (report 47%%), related"
            + " deaths %.1f%% (report 38%%), non-fatal %.1f%%%n",
        seed, AS_AT, direct, related, nonFatal);
    assertThat(direct).isGreaterThan(related).isGreaterThan(nonFatal);
  }

  static double lcsprRate(List<CSVRecord> ns, Predicate<CSVRecord> kind) {
    List<CSVRecord> of = ns.stream().filter(kind).toList();
    long lcspr =
        of.stream()
            .map(n -> reviews.get(n.get("notification_ref")))
            .filter(r -> r != null && !r.get("received_date").isBlank())
            .filter(r -> !LocalDate.parse(r.get("received_date")).isAfter(AS_AT))
            .filter(r -> r.get("decision").equals("LCSPR"))
            .count();
    assertThat(of).isNotEmpty();
    return 100.0 * lcspr / of.size();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 20201231})
  @DisplayName(
      "the report's text on 2020: neglect in 40% of related deaths and 45% of SUDI (para 25); the"
          + " three home-educated deaths two suicides and one risk-taking (para 36)")
  void detailsInTheText(long seed) throws IOException {
    use(seed);
    List<CSVRecord> in2020 = where(n -> n.get("incident_date").startsWith("2020-"));
    Predicate<CSVRecord> neglect =
        n -> list(n.get("case_characteristics")).contains("NEGLECT_FEATURE");
    List<CSVRecord> related =
        in2020.stream().filter(n -> n.get("death_category").startsWith("RELATED_")).toList();
    List<CSVRecord> sudi =
        in2020.stream().filter(n -> n.get("death_category").equals("SUDI")).toList();
    long relatedNeglect = related.stream().filter(neglect).count();
    long sudiNeglect = sudi.stream().filter(neglect).count();
    List<String> homeEducatedDeaths =
        in2020.stream()
            .filter(n -> n.get("notification_type").equals("DEATH"))
            .filter(n -> list(n.get("case_characteristics")).contains("ELECTIVE_HOME_EDUCATION"))
            .map(n -> n.get("death_category"))
            .sorted()
            .toList();
    List<CSVRecord> riskTaking =
        in2020.stream()
            .filter(n -> n.get("harm_category").equals("OTHER_RISK_TAKING_VIOLENT"))
            .toList();
    long exploitationBackground =
        riskTaking.stream()
            .filter(
                n ->
                    list(n.get("case_characteristics"))
                        .contains("CRIMINAL_EXPLOITATION_BACKGROUND"))
            .count();
    long peer =
        in2020.stream()
            .filter(n -> list(n.get("case_characteristics")).contains("PEER_ON_PEER_ABUSE"))
            .count();
    System.out.printf(
        "seed %d: neglect in %d/%d related deaths (report 40%%), %d/%d SUDI (report 45%%);"
            + " home-educated deaths %s; criminal exploitation background in %d/%d risk-taking"
            + " (para 28: 37 of 51, 75%%); peer-on-peer abuse %d (para 30: thirteen reviews)%n",
        seed,
        relatedNeglect,
        related.size(),
        sudiNeglect,
        sudi.size(),
        homeEducatedDeaths,
        exploitationBackground,
        riskTaking.size(),
        peer);
    assertThat(100.0 * relatedNeglect / related.size()).isBetween(39.0, 41.0);
    assertThat(100.0 * sudiNeglect / sudi.size()).isBetween(44.0, 46.0);
    // Paragraph 36: "There were 15 incidents involving children who were reported to be
    // electively home educated. Three of these children died, two through suicide and one through
    // risk-taking behaviour." (Table 2's RELATED_RISK_TAKING has 5 deaths to draw from.)
    assertThat(homeEducatedDeaths).containsExactly("RELATED_RISK_TAKING", "SUICIDE", "SUICIDE");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 20201231})
  @DisplayName("COVID-19 factors never appear on incidents before 1 March 2020")
  void covidOnlyFromMarch2020(long seed) throws IOException {
    use(seed);
    LocalDate start = LocalDate.of(2020, 3, 1);
    List<CSVRecord> withCovid = where(n -> !n.get("covid_factors").isBlank());
    assertThat(withCovid).isNotEmpty();
    assertThat(withCovid)
        .allSatisfy(
            n ->
                assertThat(LocalDate.parse(n.get("incident_date")))
                    .as(n.get("notification_ref"))
                    .isAfterOrEqualTo(start));
  }

  @Test
  @DisplayName("--scale 0.5 gives about half the notifications (within 5%)")
  void halfScale() throws IOException {
    use(1);
    Path half = shared.resolve("half");
    SyntheticData.Summary s =
        generator().generate(2020, 0.5, 1, false, TODAY, half, SyntheticData.Progress.NONE);
    long full = notifications.size();
    long got = read(half.resolve("notifications.csv")).size();
    long full2020 = where(n -> n.get("incident_date").startsWith("2020-")).size();
    long half2020 =
        read(half.resolve("notifications.csv")).stream()
            .filter(n -> n.get("incident_date").startsWith("2020-"))
            .count();
    System.out.printf(
        "scale 0.5: %d notifications (scale 1: %d); of 2020: %d (scale 1: %d)%n",
        got, full, half2020, full2020);
    assertThat(s.notifications()).isEqualTo(got);
    assertThat((double) got / full).isBetween(0.475, 0.525);
    assertThat((double) half2020 / full2020).isBetween(0.475, 0.525);
  }

  @Test
  @DisplayName("the same seed writes byte-identical files; another seed different ones")
  void deterministic() throws IOException {
    use(1);
    Path again = shared.resolve("seed-1-again");
    Path other = shared.resolve("other-seed-2");
    generator().generate(2020, 1.0, 1, false, TODAY, again, SyntheticData.Progress.NONE);
    generator().generate(2020, 1.0, 2, false, TODAY, other, SyntheticData.Progress.NONE);
    for (String f :
        List.of(
            "notifications.csv",
            "children.csv",
            "rapid_reviews.csv",
            "lcsprs.csv",
            "yearly_reports.csv")) {
      assertThat(Files.readAllBytes(again.resolve(f)))
          .as("same seed, " + f)
          .isEqualTo(Files.readAllBytes(year2020.resolve(f)));
    }
    for (String f : List.of("notifications.csv", "children.csv", "rapid_reviews.csv")) {
      assertThat(Files.readAllBytes(other.resolve(f)))
          .as("another seed, " + f)
          .isNotEqualTo(Files.readAllBytes(year2020.resolve(f)));
    }
  }

  @Test
  @DisplayName(
      "without --identifying no names or dates of birth; with it every name says Fictitious and"
          + " every date of birth agrees with age_years on the incident date")
  void identifying() throws IOException {
    use(1);
    assertThat(childrenOf.values().stream().flatMap(List::stream))
        .allSatisfy(
            c -> {
              assertThat(c.get("child_name")).isEmpty();
              assertThat(c.get("date_of_birth")).isEmpty();
            });
    Path named = shared.resolve("identifying");
    generator().generate(2020, 1.0, 1, true, TODAY, named, SyntheticData.Progress.NONE);
    Map<String, LocalDate> incident = new HashMap<>();
    for (CSVRecord n : read(named.resolve("notifications.csv"))) {
      incident.put(n.get("notification_ref"), LocalDate.parse(n.get("incident_date")));
    }
    List<CSVRecord> children = read(named.resolve("children.csv"));
    assertThat(children).hasSizeGreaterThanOrEqualTo(514);
    assertThat(children)
        .allSatisfy(
            c -> {
              assertThat(c.get("child_name")).as(c.toString()).contains("Fictitious");
              LocalDate born = LocalDate.parse(c.get("date_of_birth"));
              LocalDate on = incident.get(c.get("notification_ref"));
              assertThat(born).as(c.toString()).isBeforeOrEqualTo(on);
              assertThat(Period.between(born, on).getYears()).as(c.toString()).isEqualTo(age(c));
            });
  }
}
