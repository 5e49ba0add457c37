package uk.gov.observatory.learning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * The statistics of a thematic analysis's results, pure and static: a proportion with Wilson's
 * score interval at 95%, the difference of two proportions with Newcombe's hybrid score interval,
 * and two coders' agreement (percent agreement and Cohen's kappa over nominal categories).
 *
 * <p>Nothing here returns NaN: a proportion of nothing (n = 0) is blank (null), as are the
 * agreement figures over no pairs and kappa when the agreement expected by chance is 1 (both coders
 * used one and the same value throughout, so kappa is 0/0).
 *
 * <p>Rounding (results.csv): percentages to 1 decimal place, kappa to 3, half up ({@link
 * RoundingMode#HALF_UP}, which rounds a negative half away from zero: -2.25 → -2.3). A count's
 * share and its difference are rounded from exact fractions; the intervals' ends from their
 * doubles.
 */
public final class LearningStatistics {

  private LearningStatistics() {}

  /** The intervals' confidence level. */
  public static final double CONFIDENCE = 0.95;

  /**
   * The normal quantile of a two-sided 95% interval to 6 decimal places, as results.csv's contract
   * writes it. commons-math works with the quantile itself (1.959963984540054), which rounds to
   * this; the two give the same percentages to 1 decimal place for every count of every n below
   * 2,975 (LearningStatisticsTest checks n up to 500).
   */
  public static final double Z = 1.959964;

  private static final WilsonScoreInterval WILSON = new WilsonScoreInterval();

  /**
   * An estimate with its 95% interval, as proportions (a difference: -1 to 1); every part null when
   * there was nothing to estimate from.
   */
  public record Interval(Double estimate, Double low, Double high) {

    static final Interval BLANK = new Interval(null, null, null);

    public boolean blank() {
      return estimate == null;
    }

    /** The estimate as a percentage, 1 decimal place half up (null when blank). */
    public BigDecimal estimatePercent() {
      return percent(estimate);
    }

    public BigDecimal lowPercent() {
      return percent(low);
    }

    public BigDecimal highPercent() {
      return percent(high);
    }
  }

  /** Two coders' values for one case and code (first coder's, second coder's). */
  public record Pair(String first, String second) {

    public boolean agree() {
      return first.equals(second);
    }
  }

  /**
   * {@code count} of {@code n} with Wilson's score interval at 95% (commons-math's {@link
   * WilsonScoreInterval}: centre (count + z²/2) / (n + z²), half-width z·√(count·(n − count)/n +
   * z²/4) / (n + z²)). Blank when n = 0; the ends are 0 and 1 exactly at count 0 and n (the doubles
   * can stray by 1e-17 either way).
   */
  public static Interval wilson(int count, int n) {
    check(count, n);
    if (n == 0) {
      return Interval.BLANK;
    }
    ConfidenceInterval ci = WILSON.createInterval(n, count, CONFIDENCE);
    double low = count == 0 ? 0 : Math.max(0, ci.getLowerBound());
    double high = count == n ? 1 : Math.min(1, ci.getUpperBound());
    return new Interval((double) count / n, low, high);
  }

  /**
   * The difference p1 − p2 of two proportions with Newcombe's hybrid score interval (Newcombe 1998,
   * method 10) from the two Wilson intervals (l1, u1) and (l2, u2): from d − √((p1 − l1)² + (u2 −
   * p2)²) to d + √((u1 − p1)² + (p2 − l2)²). Blank when either n is 0.
   */
  public static Interval newcombe(int count1, int n1, int count2, int n2) {
    Interval a = wilson(count1, n1);
    Interval b = wilson(count2, n2);
    if (a.blank() || b.blank()) {
      return Interval.BLANK;
    }
    double p1 = a.estimate();
    double p2 = b.estimate();
    double d = p1 - p2;
    double below = Math.sqrt(square(p1 - a.low()) + square(b.high() - p2));
    double above = Math.sqrt(square(a.high() - p1) + square(p2 - b.low()));
    return new Interval(d, Math.max(-1, d - below), Math.min(1, d + above));
  }

  /** count / n as a percentage, 1 decimal place half up, from the exact fraction (null: n = 0). */
  public static BigDecimal percent(int count, int n) {
    check(count, n);
    if (n == 0) {
      return null;
    }
    return BigDecimal.valueOf(100L * count).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
  }

  /**
   * count1/n1 − count2/n2 in percentage points, 1 decimal place half up, from the exact fraction
   * (null when either n is 0).
   */
  public static BigDecimal percentDifference(int count1, int n1, int count2, int n2) {
    check(count1, n1);
    check(count2, n2);
    if (n1 == 0 || n2 == 0) {
      return null;
    }
    long numerator = 100L * ((long) count1 * n2 - (long) count2 * n1);
    return BigDecimal.valueOf(numerator)
        .divide(BigDecimal.valueOf((long) n1 * n2), 1, RoundingMode.HALF_UP);
  }

  /** A proportion as a percentage, 1 decimal place half up (null stays null). */
  public static BigDecimal percent(Double proportion) {
    if (proportion == null) {
      return null;
    }
    if (proportion.isNaN() || proportion.isInfinite()) {
      throw new IllegalArgumentException("not a proportion: " + proportion);
    }
    BigDecimal p = new BigDecimal(proportion).multiply(BigDecimal.valueOf(100));
    BigDecimal rounded = p.setScale(1, RoundingMode.HALF_UP);
    return rounded.signum() == 0 ? rounded.abs() : rounded;
  }

  /**
   * The share of pairs where the two coders gave the same value, as a percentage, 1 decimal place
   * half up (null when there are no pairs).
   */
  public static BigDecimal percentAgreement(List<Pair> pairs) {
    if (pairs.isEmpty()) {
      return null;
    }
    int agreed = (int) pairs.stream().filter(Pair::agree).count();
    return percent(agreed, pairs.size());
  }

  /**
   * Cohen's kappa over the values as nominal categories, 3 decimal places half up: (po − pe) / (1 −
   * pe), po the observed agreement, pe the agreement expected by chance, Σ over the values of the
   * two coders' shares. Worked exactly in whole numbers, (N·a − Σ f1·f2) / (N² − Σ f1·f2), a the
   * pairs agreed, f1 and f2 each coder's count of a value. Null when there are no pairs or pe = 1.
   */
  public static BigDecimal kappa(List<Pair> pairs) {
    if (pairs.isEmpty()) {
      return null;
    }
    Map<String, long[]> counts = new HashMap<>();
    long agreed = 0;
    for (Pair p : pairs) {
      counts.computeIfAbsent(p.first(), v -> new long[2])[0]++;
      counts.computeIfAbsent(p.second(), v -> new long[2])[1]++;
      if (p.agree()) {
        agreed++;
      }
    }
    long n = pairs.size();
    long chance = 0; // N² · pe
    for (long[] f : counts.values()) {
      chance += f[0] * f[1];
    }
    long denominator = n * n - chance;
    if (denominator == 0) {
      return null; // pe = 1: both coders used one and the same value throughout
    }
    return BigDecimal.valueOf(n * agreed - chance)
        .divide(BigDecimal.valueOf(denominator), 3, RoundingMode.HALF_UP);
  }

  private static double square(double x) {
    return x * x;
  }

  private static void check(int count, int n) {
    if (n < 0 || count < 0 || count > n) {
      throw new IllegalArgumentException("count " + count + " of " + n + " is not a proportion");
    }
  }
}
