package uk.gov.observatory.learning;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;

/**
 * How samples are drawn: pure, reproducible helpers (no storage, no clock).
 *
 * <p>The random numbers are {@link java.util.Random} seeded with the analysis's seed: its sequence
 * is specified by the Java platform (a linear congruential generator, the same on every JVM and
 * every version), so a recorded seed draws the same cases again anywhere. One generator serves a
 * whole draw: the sample first (stratum after stratum, in the strata's code order), then the
 * control group.
 *
 * <p>A draw of {@code n} from a list is a partial Fisher-Yates shuffle of the list as given (the
 * population ordered by notification reference): for i = 0..n-1 the case at a random index from i
 * to the end is swapped into place i. The cases drawn are places 0..n-1, in the order drawn.
 */
public final class Sampling {

  private Sampling() {}

  /** A new generator for a draw with this seed. */
  public static Random generator(long seed) {
    return new Random(seed);
  }

  /** {@code n} of {@code ordered}, drawn with {@code random}, in the order drawn. */
  public static <T> List<T> draw(List<T> ordered, int n, Random random) {
    if (n < 0 || n > ordered.size()) {
      throw new IllegalArgumentException(
          "cannot draw " + n + " of " + ordered.size() + " (at most " + ordered.size() + ")");
    }
    List<T> pool = new ArrayList<>(ordered);
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(pool.size() - i);
      Collections.swap(pool, i, j);
    }
    return List.copyOf(pool.subList(0, n));
  }

  /** {@code n} of {@code ordered}, drawn with a new generator seeded {@code seed}. */
  public static <T> List<T> draw(List<T> ordered, int n, long seed) {
    return draw(ordered, n, generator(seed));
  }

  /** P% of a population of {@code population}, rounded half up (12.5 → 13). */
  public static int sizeOf(BigDecimal percent, int population) {
    return percent
        .multiply(BigDecimal.valueOf(population))
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
        .intValueExact();
  }

  /**
   * Stratum sizes by largest remainder (Hamilton's method): each stratum's quota is {@code total ×
   * its size / the population}; each gets the whole part of its quota, and the seats left go one
   * each to the strata with the largest remainders. Ties between equal remainders are broken by the
   * stratum's code, in ascending order (the map's order). A stratum never gets more than it holds.
   *
   * @param strata each stratum's size in the population, by code in ascending order
   * @param total how many to draw in all (at most the population)
   * @return each stratum's sample size, in the same order
   */
  public static Map<String, Integer> largestRemainder(
      SortedMap<String, Integer> strata, int total) {
    long population = strata.values().stream().mapToLong(Integer::longValue).sum();
    if (total < 0 || total > population) {
      throw new IllegalArgumentException("cannot draw " + total + " of " + population);
    }
    Map<String, Integer> sizes = new LinkedHashMap<>();
    Map<String, Long> remainders = new LinkedHashMap<>();
    int given = 0;
    for (Map.Entry<String, Integer> s : strata.entrySet()) {
      // exact arithmetic: quota = total * size / population = whole + remainder / population
      BigInteger product = BigInteger.valueOf(total).multiply(BigInteger.valueOf(s.getValue()));
      BigInteger[] qr = product.divideAndRemainder(BigInteger.valueOf(population));
      sizes.put(s.getKey(), qr[0].intValueExact());
      remainders.put(s.getKey(), qr[1].longValueExact());
      given += qr[0].intValueExact();
    }
    List<String> byRemainder = new ArrayList<>(strata.keySet());
    // largest remainder first; equal remainders in code order (a stable sort keeps it)
    byRemainder.sort((a, b) -> Long.compare(remainders.get(b), remainders.get(a)));
    int left = total - given;
    for (int i = 0; left > 0 && i < byRemainder.size(); i++) {
      String code = byRemainder.get(i);
      if (sizes.get(code) < strata.get(code)) {
        sizes.put(code, sizes.get(code) + 1);
        left--;
      }
    }
    return sizes;
  }
}
