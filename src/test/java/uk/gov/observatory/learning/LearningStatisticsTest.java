package uk.gov.observatory.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.observatory.learning.LearningStatistics.Interval;
import uk.gov.observatory.learning.LearningStatistics.Pair;

/**
 * The results' statistics against values worked by hand (the arithmetic is in the comments; z =
 * 1.959964, z² = 3.841459, z²/2 = 1.920729, z²/4 = 0.960365).
 */
class LearningStatisticsTest {

  @Test
  void wilsonOfEightInTwenty() {
    // p = 8/20 = 0.4; n + z² = 23.841459
    // centre = (8 + 1.920729) / 23.841459 = 9.920729 / 23.841459 = 0.416113
    // half = z·√(8·12/20 + 0.960365) / 23.841459 = 1.959964·√5.760365 / 23.841459
    //      = 1.959964·2.400076 / 23.841459 = 4.704062 / 23.841459 = 0.197306
    // low = 0.416113 − 0.197306 = 0.218807 (21.9%); high = 0.416113 + 0.197306 = 0.613419 (61.3%)
    Interval w = LearningStatistics.wilson(8, 20);
    assertThat(w.estimate()).isEqualTo(0.4);
    assertThat(w.low()).isCloseTo(0.218807, within(1e-6));
    assertThat(w.high()).isCloseTo(0.613419, within(1e-6));
    assertThat(w.estimatePercent()).isEqualByComparingTo("40.0");
    assertThat(w.lowPercent()).isEqualByComparingTo("21.9");
    assertThat(w.highPercent()).isEqualByComparingTo("61.3");
  }

  @Test
  void wilsonOfNoneInTen() {
    // p = 0; n + z² = 13.841459; centre = 1.920729 / 13.841459 = 0.138767
    // half = z·√(0 + 0.960365) / 13.841459 = 1.959964·0.979982 / 13.841459 = 0.138767
    // low = 0 (exactly, not −1e-17); high = 0.277533 (27.8%)
    Interval w = LearningStatistics.wilson(0, 10);
    assertThat(w.low()).isEqualTo(0.0);
    assertThat(w.high()).isCloseTo(0.277533, within(1e-6));
    assertThat(w.estimatePercent()).isEqualByComparingTo("0.0");
    assertThat(w.lowPercent().toPlainString()).isEqualTo("0.0");
    assertThat(w.highPercent()).isEqualByComparingTo("27.8");
  }

  @Test
  void wilsonOfTenInTen() {
    // the mirror of 0/10: low = 1 − 0.277533 = 0.722467 (72.2%), high = 1 exactly (100.0%)
    Interval w = LearningStatistics.wilson(10, 10);
    assertThat(w.low()).isCloseTo(0.722467, within(1e-6));
    assertThat(w.high()).isEqualTo(1.0);
    assertThat(w.estimatePercent()).isEqualByComparingTo("100.0");
    assertThat(w.lowPercent()).isEqualByComparingTo("72.2");
    assertThat(w.highPercent()).isEqualByComparingTo("100.0");
  }

  @Test
  void nothingToEstimateFromIsBlankNeverNaN() {
    assertThat(LearningStatistics.wilson(0, 0).blank()).isTrue();
    assertThat(LearningStatistics.wilson(0, 0).estimatePercent()).isNull();
    assertThat(LearningStatistics.wilson(0, 0).lowPercent()).isNull();
    assertThat(LearningStatistics.newcombe(3, 10, 0, 0).blank()).isTrue();
    assertThat(LearningStatistics.newcombe(0, 0, 3, 10).highPercent()).isNull();
    assertThat(LearningStatistics.percent(0, 0)).isNull();
    assertThat(LearningStatistics.percentDifference(1, 2, 0, 0)).isNull();
    assertThat(LearningStatistics.percentAgreement(List.of())).isNull();
    assertThat(LearningStatistics.kappa(List.of())).isNull();
  }

  @Test
  void aCountOutsideItsTotalIsRefused() {
    assertThatThrownBy(() -> LearningStatistics.wilson(11, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LearningStatistics.wilson(-1, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void newcombesWorkedExample() {
    // Newcombe (1998), Statistics in Medicine 17:873-890, Table II example (a): 56/70 − 48/80.
    // p1 = 0.8, p2 = 0.6, d = 0.2 (56/70 is 0.8, so the difference is 0.2000, not 0.1833).
    // Wilson 56/70: n + z² = 73.841459; centre = 57.920729 / 73.841459 = 0.784392;
    //   half = z·√(56·14/70 + 0.960365) / 73.841459 = 1.959964·√12.160365 / 73.841459 = 0.092559
    //   l1 = 0.691834, u1 = 0.876953
    // Wilson 48/80: n + z² = 83.841459; centre = 49.920729 / 83.841459 = 0.595418;
    //   half = z·√(48·32/80 + 0.960365) / 83.841459 = 1.959964·√20.160365 / 83.841459 = 0.104964
    //   l2 = 0.490455, u2 = 0.700382
    // low  = d − √((p1 − l1)² + (u2 − p2)²) = 0.2 − √(0.108166² + 0.100382²)
    //      = 0.2 − √(0.011700 + 0.010077) = 0.2 − 0.147569 = 0.052431
    // high = d + √((u1 − p1)² + (p2 − l2)²) = 0.2 + √(0.076953² + 0.109545²)
    //      = 0.2 + √(0.005922 + 0.012000) = 0.2 + 0.133873 = 0.333873
    // Newcombe's table gives method 10: 0.0524 to 0.3339.
    Interval d = LearningStatistics.newcombe(56, 70, 48, 80);
    assertThat(d.estimate()).isCloseTo(0.2, within(1e-12));
    assertThat(d.low()).isCloseTo(0.0524, within(0.00005));
    assertThat(d.high()).isCloseTo(0.3339, within(0.00005));
    assertThat(d.estimatePercent()).isEqualByComparingTo("20.0");
    assertThat(d.lowPercent()).isEqualByComparingTo("5.2");
    assertThat(d.highPercent()).isEqualByComparingTo("33.4");
    assertThat(LearningStatistics.percentDifference(56, 70, 48, 80)).isEqualByComparingTo("20.0");
  }

  @Test
  void aNegativeDifferenceMirrorsThePositiveOne() {
    // 48/80 − 56/70 = −0.2, from −0.3339 to −0.0524 (the same arithmetic, the sides swapped)
    Interval d = LearningStatistics.newcombe(48, 80, 56, 70);
    assertThat(d.lowPercent()).isEqualByComparingTo("-33.4");
    assertThat(d.highPercent()).isEqualByComparingTo("-5.2");
    assertThat(LearningStatistics.percentDifference(48, 80, 56, 70)).isEqualByComparingTo("-20.0");
  }

  @Test
  void percentagesRoundHalfUpFromTheExactFraction() {
    // 1/16 = 6.25% → 6.3; 3/80 = 3.75% → 3.8 (as a double 0.0375·100 is 3.7499…); 1/8 = 12.5%
    assertThat(LearningStatistics.percent(1, 16)).isEqualByComparingTo("6.3");
    assertThat(LearningStatistics.percent(3, 80)).isEqualByComparingTo("3.8");
    assertThat(LearningStatistics.percent(1, 8)).isEqualByComparingTo("12.5");
    assertThat(LearningStatistics.percent(2, 3)).isEqualByComparingTo("66.7");
    // 1/16 − 0/1 = 6.25 points → 6.3; 0/1 − 1/16 = −6.25 → −6.3 (half away from zero)
    assertThat(LearningStatistics.percentDifference(1, 16, 0, 1)).isEqualByComparingTo("6.3");
    assertThat(LearningStatistics.percentDifference(0, 1, 1, 16)).isEqualByComparingTo("-6.3");
  }

  @Test
  void commonsMathsQuantileGivesTheContractsPercentages() {
    // the contract writes z = 1.959964; commons-math uses the quantile 1.959963984540054. Worked
    // with the contract's z directly, every count of every n up to 500 rounds to the same ends.
    double z = LearningStatistics.Z;
    double z2 = z * z;
    for (int n = 1; n <= 500; n++) {
      for (int c = 0; c <= n; c++) {
        double centre = (c + z2 / 2) / (n + z2);
        double half = z * Math.sqrt((double) c * (n - c) / n + z2 / 4) / (n + z2);
        Interval w = LearningStatistics.wilson(c, n);
        assertThat(w.lowPercent())
            .as("low of %d/%d", c, n)
            .isEqualByComparingTo(LearningStatistics.percent(Math.max(0, centre - half)));
        assertThat(w.highPercent())
            .as("high of %d/%d", c, n)
            .isEqualByComparingTo(LearningStatistics.percent(Math.min(1, centre + half)));
      }
    }
  }

  // Cohen's kappa = (po − pe) / (1 − pe) = (N·a − Σ f1·f2) / (N² − Σ f1·f2)

  @Test
  void kappaOfATwoByTwoTable() {
    //              second Y  second N
    //   first Y       20         5      (25)
    //   first N       10        15      (25)
    //                (30)       (20)     N = 50
    // po = (20 + 15) / 50 = 0.70; pe = (25·30 + 25·20) / 50² = 1250 / 2500 = 0.50
    // kappa = (0.70 − 0.50) / (1 − 0.50) = 0.400; percent agreement 70.0
    List<Pair> pairs = new ArrayList<>();
    add(pairs, "Y", "Y", 20);
    add(pairs, "Y", "N", 5);
    add(pairs, "N", "Y", 10);
    add(pairs, "N", "N", 15);
    assertThat(LearningStatistics.kappa(pairs)).isEqualByComparingTo("0.400");
    assertThat(LearningStatistics.kappa(pairs).scale()).isEqualTo(3);
    assertThat(LearningStatistics.percentAgreement(pairs)).isEqualByComparingTo("70.0");
  }

  @Test
  void kappaOfPerfectAgreementIsOne() {
    // Y Y, N N, Y Y: po = 1; pe = (2·2 + 1·1) / 9 = 5/9; kappa = (1 − 5/9) / (1 − 5/9) = 1
    List<Pair> pairs = List.of(new Pair("Y", "Y"), new Pair("N", "N"), new Pair("Y", "Y"));
    assertThat(LearningStatistics.kappa(pairs)).isEqualByComparingTo("1.000");
    assertThat(LearningStatistics.percentAgreement(pairs)).isEqualByComparingTo("100.0");
  }

  @Test
  void kappaOfAgreementNoBetterThanChanceIsZero() {
    // first Y Y N N, second Y N Y N: po = 2/4 = 0.5; pe = (2·2 + 2·2) / 16 = 0.5; kappa = 0
    List<Pair> pairs =
        List.of(new Pair("Y", "Y"), new Pair("Y", "N"), new Pair("N", "Y"), new Pair("N", "N"));
    assertThat(LearningStatistics.kappa(pairs)).isEqualByComparingTo("0.000");
    assertThat(LearningStatistics.percentAgreement(pairs)).isEqualByComparingTo("50.0");
  }

  @Test
  void kappaOfAgreementWorseThanChanceIsNegative() {
    // (Y,N)×3, (N,Y)×2, (Y,Y)×1: N = 6, agreed 1, po = 1/6
    // first Y 4, N 2; second Y 3, N 3; pe = (4·3 + 2·3) / 36 = 18/36 = 0.5
    // kappa = (1/6 − 1/2) / (1/2) = −2/3 = −0.6666… → −0.667 (half up, away from zero)
    List<Pair> pairs = new ArrayList<>();
    add(pairs, "Y", "N", 3);
    add(pairs, "N", "Y", 2);
    add(pairs, "Y", "Y", 1);
    assertThat(LearningStatistics.kappa(pairs)).isEqualByComparingTo("-0.667");
    assertThat(LearningStatistics.percentAgreement(pairs)).isEqualByComparingTo("16.7");
  }

  @Test
  void kappaIsBlankWhenBothCodersUsedOneValueThroughout() {
    // every pair Y Y: po = 1, pe = (4·4) / 16 = 1, kappa = 0/0: blank, though agreement is 100%
    List<Pair> pairs = new ArrayList<>();
    add(pairs, "Y", "Y", 4);
    assertThat(LearningStatistics.kappa(pairs)).isNull();
    assertThat(LearningStatistics.percentAgreement(pairs)).isEqualByComparingTo("100.0");
  }

  @Test
  void kappaOverImpactLevels() {
    // ten pairs over four levels:
    //   (NONE,NONE)×2 (LOW,LOW)×1 (MEDIUM,MEDIUM)×2 (HIGH,HIGH)×1   agreed 6, po = 0.6
    //   (LOW,MEDIUM) (MEDIUM,HIGH) (NONE,LOW) (HIGH,MEDIUM)
    // first:  NONE 3, LOW 2, MEDIUM 3, HIGH 2
    // second: NONE 2, LOW 2, MEDIUM 4, HIGH 2
    // pe = (3·2 + 2·2 + 3·4 + 2·2) / 100 = 26/100 = 0.26
    // kappa = (0.6 − 0.26) / (1 − 0.26) = 0.34 / 0.74 = 0.45945… → 0.459
    List<Pair> pairs = new ArrayList<>();
    add(pairs, "NONE", "NONE", 2);
    add(pairs, "LOW", "LOW", 1);
    add(pairs, "MEDIUM", "MEDIUM", 2);
    add(pairs, "HIGH", "HIGH", 1);
    add(pairs, "LOW", "MEDIUM", 1);
    add(pairs, "MEDIUM", "HIGH", 1);
    add(pairs, "NONE", "LOW", 1);
    add(pairs, "HIGH", "MEDIUM", 1);
    assertThat(LearningStatistics.kappa(pairs)).isEqualByComparingTo("0.459");
    assertThat(LearningStatistics.percentAgreement(pairs)).isEqualByComparingTo("60.0");
  }

  private static void add(List<Pair> pairs, String first, String second, int times) {
    for (int i = 0; i < times; i++) {
      pairs.add(new Pair(first, second));
    }
  }
}
