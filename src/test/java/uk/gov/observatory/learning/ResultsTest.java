package uk.gov.observatory.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Results from a small analysis made by hand, its counts worked by hand.
 *
 * <pre>
 * Frame: PRESENT (present/absent), STRESS (impact none/low/medium/high).
 * Sample S1-S5 (first coder alice; S1, S2 double-coded by bob); control C1-C4 (first coder bob;
 * C1, C2 double-coded by alice). Case themes: S1 S2 C1 suicide; S3 S4 C2 C4 SUDI; S5 NAI under 1
 * (S5 has since left the population: flagged, still counted); C3 other.
 *
 *          PRESENT                         STRESS
 *   S1     alice Y, bob N, resolved N      alice HIGH, bob HIGH
 *   S2     alice Y, bob Y                  alice MEDIUM, bob LOW (unresolved: alice's MEDIUM counts)
 *   S3     alice N                         alice NONE
 *   S4     alice Y                         alice HIGH
 *   S5     alice Y                         alice LOW
 *   C1     bob N, alice N                  bob LOW, alice LOW
 *   C2     bob N, alice N                  bob NONE, alice MEDIUM, resolved HIGH
 *   C3     bob Y                           bob NONE
 *   C4     (not coded)                     bob NONE
 *
 * PRESENT counted: sample N Y N Y Y → Y 3 of 5; control N N Y → Y 1 of 3 (C4 not coded: not counted)
 * STRESS counted: sample HIGH MEDIUM NONE HIGH LOW → HIGH 2, MEDIUM 1, LOW 1, NONE 1 of 5;
 *                 control LOW HIGH NONE NONE → NONE 2, LOW 1, HIGH 1, MEDIUM 0 of 4
 * </pre>
 */
class ResultsTest {

  static final List<FrameCode> FRAME =
      List.of(
          new FrameCode("PRESENT", "Present", "Whether it is present", Scale.PRESENCE),
          new FrameCode("STRESS", "Parental and family stressors", "Their impact", Scale.IMPACT));

  static final List<AnalysisCase> CASES =
      List.of(
          sample("S1", "SUICIDE", false),
          sample("S2", "SUICIDE", false),
          sample("S3", "SUDI", false),
          sample("S4", "SUDI", false),
          sample("S5", "NAI_UNDER_1", true),
          control("C1", "SUICIDE"),
          control("C2", "SUDI"),
          control("C3", "OTHER"),
          control("C4", "SUDI"));

  static final List<Assignment> ASSIGNMENTS =
      List.of(
          new Assignment("S1", "alice", "bob"),
          new Assignment("S2", "alice", "bob"),
          new Assignment("S3", "alice", null),
          new Assignment("S4", "alice", null),
          new Assignment("S5", "alice", null),
          new Assignment("C1", "bob", "alice"),
          new Assignment("C2", "bob", "alice"),
          new Assignment("C3", "bob", null),
          new Assignment("C4", "bob", null));

  static final List<Coding> CODINGS = codings();

  static final List<Disagreement> DISAGREEMENTS =
      List.of(
          new Disagreement("S1", "PRESENT", "alice", "Y", "bob", "N", "carol", "N"),
          new Disagreement("S2", "STRESS", "alice", "MEDIUM", "bob", "LOW", null, null),
          new Disagreement("C2", "STRESS", "bob", "NONE", "alice", "MEDIUM", "carol", "HIGH"));

  static AnalysisResults results(Grouping grouping) {
    return Results.compute(
        "TA-2020-01", FRAME, CASES, ASSIGNMENTS, CODINGS, DISAGREEMENTS, grouping);
  }

  @Test
  void sharesOfAllCasesWithWilsonIntervalsAndNewcombesDifference() {
    AnalysisResults r = results(null);
    assertThat(r.analysisRef()).isEqualTo("TA-2020-01");

    // sample Y 3 of 5 (S1's resolution N counts, not alice's Y): 60.0%
    // Wilson: n + z² = 8.841459; centre = 4.920729 / 8.841459 = 0.556552;
    // half = z·√(3·2/5 + 0.960365) / 8.841459 = 1.959964·1.469818 / 8.841459 = 0.325827
    // → 23.1% to 88.2%
    assertRow(r, "PRESENT", "Y", Group.SAMPLE, "ALL", 5, 3, "60.0", "23.1", "88.2");
    // sample N 2 of 5: the mirror, 40.0% (11.8% to 76.9%)
    assertRow(r, "PRESENT", "N", Group.SAMPLE, "ALL", 5, 2, "40.0", "11.8", "76.9");
    // control Y 1 of 3 (C4 not coded: 3 cases, not 4): 33.3%
    // Wilson: n + z² = 6.841459; centre = 2.920729 / 6.841459 = 0.426916;
    // half = z·√(1·2/3 + 0.960365) / 6.841459 = 1.959964·1.275552 / 6.841459 = 0.365424
    // → 6.1% to 79.2%
    assertRow(r, "PRESENT", "Y", Group.CONTROL, "ALL", 3, 1, "33.3", "6.1", "79.2");
    // difference 3/5 − 1/3 = 4/15 = 26.666… points → 26.7
    // low  = d − √((0.6 − 0.230724)² + (0.792340 − 0.333333)²) = 0.266667 − 0.589111 = −0.322445
    // high = d + √((0.882379 − 0.6)² + (0.333333 − 0.061492)²) = 0.266667 + 0.391964 = 0.658631
    assertRow(r, "PRESENT", "Y", Group.DIFFERENCE, "ALL", null, null, "26.7", "-32.2", "65.9");

    // STRESS: sample MEDIUM 1 of 5 (S2's unresolved disagreement counts alice's MEDIUM, not bob's
    // LOW); LOW 1 of 5 (S5 only); control HIGH 1 of 4 (C2's resolution), MEDIUM 0 of 4
    assertRow(r, "STRESS", "HIGH", Group.SAMPLE, "ALL", 5, 2, "40.0", "11.8", "76.9");
    assertRow(r, "STRESS", "MEDIUM", Group.SAMPLE, "ALL", 5, 1, "20.0", null, null);
    assertRow(r, "STRESS", "LOW", Group.SAMPLE, "ALL", 5, 1, "20.0", null, null);
    assertRow(r, "STRESS", "NONE", Group.CONTROL, "ALL", 4, 2, "50.0", null, null);
    assertRow(r, "STRESS", "HIGH", Group.CONTROL, "ALL", 4, 1, "25.0", null, null);
    assertRow(r, "STRESS", "MEDIUM", Group.CONTROL, "ALL", 4, 0, "0.0", "0.0", null);
    // 1/5 − 0/4 = 20.0 points
    assertRow(r, "STRESS", "MEDIUM", Group.DIFFERENCE, "ALL", null, null, "20.0", null, null);
  }

  @Test
  void everyValueOfEveryCodeForSampleControlAndDifferenceInOrder() {
    AnalysisResults r = results(null);
    // 2 + 4 values, three rows each
    assertThat(r.rows()).hasSize(18);
    List<String> order = new ArrayList<>();
    for (ResultRow row : r.rows()) {
      order.add(row.code() + " " + row.value() + " " + row.group());
    }
    assertThat(order.subList(0, 7))
        .containsExactly(
            "PRESENT Y SAMPLE",
            "PRESENT Y CONTROL",
            "PRESENT Y DIFFERENCE",
            "PRESENT N SAMPLE",
            "PRESENT N CONTROL",
            "PRESENT N DIFFERENCE",
            "STRESS NONE SAMPLE");
    assertThat(r.rows()).allMatch(row -> row.grouping().equals(ResultRow.ALL));
  }

  @Test
  void withoutAControlGroupOnlyTheSample() {
    List<AnalysisCase> sampleOnly = CASES.stream().filter(c -> c.group() == Group.SAMPLE).toList();
    AnalysisResults r =
        Results.compute("TA-2020-02", FRAME, sampleOnly, ASSIGNMENTS, CODINGS, DISAGREEMENTS, null);
    assertThat(r.rows()).hasSize(6).allMatch(row -> row.group() == Group.SAMPLE);
    assertRow(r, "PRESENT", "Y", Group.SAMPLE, "ALL", 5, 3, "60.0", "23.1", "88.2");
  }

  @Test
  void byCaseThemeAfterAllCases() {
    AnalysisResults r = results(Grouping.CASE_THEME);
    assertThat(r.grouping()).isEqualTo(Grouping.CASE_THEME);
    // ALL, then the themes that hold a case, in the report's order
    List<String> groupings = r.rows().stream().map(ResultRow::grouping).distinct().toList();
    assertThat(groupings)
        .containsExactly(
            "ALL",
            "Non-accidental injury in children under 1",
            "Sudden unexpected death in infancy (SUDI)",
            "Suicide",
            "Other incidents");
    assertThat(r.rows()).hasSize(5 * 18);

    // suicide: sample S1 N (resolved), S2 Y → Y 1 of 2 = 50.0% (9.5% to 90.5%);
    // control C1 N → Y 0 of 1 = 0.0% (0.0% to 79.3%); difference 50.0 points
    assertRow(r, "PRESENT", "Y", Group.SAMPLE, "Suicide", 2, 1, "50.0", "9.5", "90.5");
    assertRow(r, "PRESENT", "Y", Group.CONTROL, "Suicide", 1, 0, "0.0", "0.0", "79.3");
    assertRow(r, "PRESENT", "Y", Group.DIFFERENCE, "Suicide", null, null, "50.0", null, null);
    // SUDI: control C2 N, C4 not coded → 1 case for PRESENT, 2 for STRESS (C2 HIGH, C4 NONE)
    String sudi = "Sudden unexpected death in infancy (SUDI)";
    assertRow(r, "PRESENT", "N", Group.CONTROL, sudi, 1, 1, "100.0", "20.7", "100.0");
    assertRow(r, "STRESS", "HIGH", Group.CONTROL, sudi, 2, 1, "50.0", null, null);
    // NAI: S5 (left its population, still counted) Y 1 of 1; no control case: blank, never NaN
    String nai = "Non-accidental injury in children under 1";
    assertRow(r, "PRESENT", "Y", Group.SAMPLE, nai, 1, 1, "100.0", "20.7", "100.0");
    assertRow(r, "PRESENT", "Y", Group.CONTROL, nai, 0, 0, null, null, null);
    assertRow(r, "PRESENT", "Y", Group.DIFFERENCE, nai, null, null, null, null, null);
    // other: no sample case
    assertRow(r, "PRESENT", "Y", Group.SAMPLE, "Other incidents", 0, 0, null, null, null);
    assertRow(r, "PRESENT", "Y", Group.CONTROL, "Other incidents", 1, 1, "100.0", "20.7", "100.0");
  }

  @Test
  void aCaseWithoutTheGroupingsValueIsNotRecorded() {
    List<AnalysisCase> cases = new ArrayList<>(CASES);
    // S1 is a serious harm case: it has no category of death. The categories in the code list's
    // order: S5 fatal physical abuse, S3 S4 C2 C4 SUDI, S2 C1 suicide, C3 accident
    cases.set(
        0,
        new AnalysisCase(
            "S1",
            Group.SAMPLE,
            1,
            "E09000001",
            "E12000007",
            "SERIOUS_HARM",
            null,
            "NONFATAL_PHYSICAL_ABUSE",
            "AGE_15_17",
            "ADOLESCENT_HARM",
            false));
    AnalysisResults r =
        Results.compute(
            "TA-2020-01",
            FRAME,
            cases,
            ASSIGNMENTS,
            CODINGS,
            DISAGREEMENTS,
            Grouping.DEATH_CATEGORY);
    assertThat(r.rows().stream().map(ResultRow::grouping).distinct().toList())
        .containsExactly(
            "ALL",
            "Fatal physical abuse",
            "Sudden Unexpected Death in Infancy (SUDI)",
            "Suicide",
            "Accident",
            "Not recorded");
    assertRow(r, "PRESENT", "N", Group.SAMPLE, "Not recorded", 1, 1, "100.0", "20.7", "100.0");
  }

  @Test
  void agreementOverTheDoubleCodedCasesAsCoded() {
    AnalysisResults r = results(Grouping.CASE_THEME);
    assertThat(r.agreement()).hasSize(2);
    // PRESENT pairs (first, second): S1 (Y,N), S2 (Y,Y), C1 (N,N), C2 (N,N): agreed 3 of 4 = 75.0%
    // first Y 2, N 2; second Y 1, N 3; pe = (2·1 + 2·3) / 16 = 0.5; kappa = (0.75 − 0.5) / 0.5
    AgreementRow present = r.agreement().get(0);
    assertThat(present.code()).isEqualTo("PRESENT");
    assertThat(present.casesDoubleCoded()).isEqualTo(4);
    assertThat(present.percentAgreement()).isEqualByComparingTo("75.0");
    assertThat(present.kappa()).isEqualByComparingTo("0.500");
    // STRESS pairs: S1 (HIGH,HIGH), S2 (MEDIUM,LOW), C1 (LOW,LOW), C2 (NONE,MEDIUM): agreed 2 of 4
    // first HIGH 1, MEDIUM 1, LOW 1, NONE 1; second HIGH 1, LOW 2, MEDIUM 1
    // Σ f1·f2 = 1 + 1 + 2 + 0 = 4; kappa = (4·2 − 4) / (16 − 4) = 4/12 = 0.333
    AgreementRow stress = r.agreement().get(1);
    assertThat(stress.casesDoubleCoded()).isEqualTo(4);
    assertThat(stress.percentAgreement()).isEqualByComparingTo("50.0");
    assertThat(stress.kappa()).isEqualByComparingTo("0.333");
  }

  @Test
  void nothingDoubleCodedGivesBlankAgreement() {
    List<Assignment> single =
        ASSIGNMENTS.stream()
            .map(a -> new Assignment(a.notificationRef(), a.firstCoder(), null))
            .toList();
    AnalysisResults r =
        Results.compute("TA-2020-01", FRAME, CASES, single, CODINGS, List.of(), null);
    assertThat(r.agreement())
        .allSatisfy(
            a -> {
              assertThat(a.casesDoubleCoded()).isZero();
              assertThat(a.percentAgreement()).isNull();
              assertThat(a.kappa()).isNull();
            });
    // without the resolution S1 counts alice's Y: 4 of 5
    assertRow(r, "PRESENT", "Y", Group.SAMPLE, "ALL", 5, 4, "80.0", null, null);
  }

  /** One row's figures; an expected interval end of null is not checked unless percent is null. */
  static void assertRow(
      AnalysisResults r,
      String code,
      String value,
      Group group,
      String grouping,
      Integer cases,
      Integer count,
      String percent,
      String low,
      String high) {
    ResultRow row =
        r.rows().stream()
            .filter(
                x ->
                    x.code().equals(code)
                        && x.value().equals(value)
                        && x.group() == group
                        && x.grouping().equals(grouping))
            .reduce(
                (a, b) -> {
                  throw new AssertionError("two rows for " + code + value + group + grouping);
                })
            .orElseThrow(() -> new AssertionError("no row " + code + value + group + grouping));
    String what = code + " " + value + " " + group + " " + grouping;
    assertThat(row.cases()).as(what + " cases").isEqualTo(cases);
    assertThat(row.count()).as(what + " count").isEqualTo(count);
    if (percent == null) {
      assertThat(row.percent()).as(what + " percent").isNull();
      assertThat(row.ciLow()).as(what + " low").isNull();
      assertThat(row.ciHigh()).as(what + " high").isNull();
      return;
    }
    assertThat(row.percent()).as(what + " percent").isEqualByComparingTo(new BigDecimal(percent));
    if (low != null) {
      assertThat(row.ciLow()).as(what + " low").isEqualByComparingTo(new BigDecimal(low));
    }
    if (high != null) {
      assertThat(row.ciHigh()).as(what + " high").isEqualByComparingTo(new BigDecimal(high));
    }
  }

  private static AnalysisCase sample(String ref, String theme, boolean left) {
    return new AnalysisCase(
        ref,
        Group.SAMPLE,
        Integer.parseInt(ref.substring(1)),
        "E09000001",
        "E12000007",
        "DEATH",
        theme.equals("SUICIDE")
            ? "SUICIDE"
            : theme.equals("SUDI") ? "SUDI" : "FATAL_PHYSICAL_ABUSE",
        null,
        theme.equals("SUICIDE") ? "AGE_15_17" : "UNDER_1",
        theme,
        left);
  }

  private static AnalysisCase control(String ref, String theme) {
    AnalysisCase s = sample(ref, theme.equals("OTHER") ? "SUDI" : theme, false);
    return new AnalysisCase(
        ref,
        Group.CONTROL,
        s.position(),
        s.laCode(),
        s.regionCode(),
        s.notificationType(),
        theme.equals("OTHER") ? "RELATED_ACCIDENT" : s.deathCategory(),
        null,
        theme.equals("OTHER") ? "AGE_5_9" : s.ageBand(),
        theme,
        false);
  }

  private static List<Coding> codings() {
    List<Coding> c = new ArrayList<>();
    String[][] rows = {
      {"S1", "alice", "Y", "HIGH"},
      {"S1", "bob", "N", "HIGH"},
      {"S2", "alice", "Y", "MEDIUM"},
      {"S2", "bob", "Y", "LOW"},
      {"S3", "alice", "N", "NONE"},
      {"S4", "alice", "Y", "HIGH"},
      {"S5", "alice", "Y", "LOW"},
      {"C1", "bob", "N", "LOW"},
      {"C1", "alice", "N", "LOW"},
      {"C2", "bob", "N", "NONE"},
      {"C2", "alice", "N", "MEDIUM"},
      {"C3", "bob", "Y", "NONE"},
      {"C4", "bob", null, "NONE"},
    };
    for (String[] row : rows) {
      if (row[2] != null) {
        c.add(new Coding(row[0], row[1], "PRESENT", row[2]));
      }
      c.add(new Coding(row[0], row[1], "STRESS", row[3]));
    }
    return c;
  }
}
