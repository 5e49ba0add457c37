package uk.gov.observatory.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pure sampling helpers: seeded draws, percentages and largest-remainder strata. */
class SamplingTest {

  static final List<String> POPULATION =
      IntStream.rangeClosed(1, 50).mapToObj(i -> String.format("SIN-2020-%05d", i)).toList();

  @Test
  @DisplayName("The same seed draws the same cases in the same order; another seed others")
  void sameSeedSameDraw() {
    List<String> first = Sampling.draw(POPULATION, 10, 20200301L);
    List<String> again = Sampling.draw(POPULATION, 10, 20200301L);
    List<String> other = Sampling.draw(POPULATION, 10, 20200302L);
    assertThat(again).containsExactlyElementsOf(first);
    assertThat(first).doesNotHaveDuplicates().hasSize(10).isSubsetOf(POPULATION);
    assertThat(other).isNotEqualTo(first);
    // a draw is not the population's first cases, nor in reference order
    assertThat(first).isNotEqualTo(POPULATION.subList(0, 10));
  }

  @Test
  @DisplayName("The draw is java.util.Random's partial Fisher-Yates shuffle, worked here by hand")
  void theDrawIsSpecified() {
    // Random(7): nextInt(5) then nextInt(4) then nextInt(3), as the JDK specifies them
    java.util.Random r = new java.util.Random(7);
    int a = r.nextInt(5);
    int b = r.nextInt(4);
    List<String> abcde = List.of("A", "B", "C", "D", "E");
    List<String> swapped = new java.util.ArrayList<>(abcde);
    java.util.Collections.swap(swapped, 0, a);
    java.util.Collections.swap(swapped, 1, 1 + b);
    assertThat(Sampling.draw(abcde, 2, 7L)).containsExactly(swapped.get(0), swapped.get(1));
    // everything: every case, each once
    assertThat(Sampling.draw(abcde, 5, 7L)).containsExactlyInAnyOrderElementsOf(abcde);
    assertThatThrownBy(() -> Sampling.draw(abcde, 6, 7L))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("A percentage of the population is rounded half up")
  void percentRoundsHalfUp() {
    // 25% of 135 = 33.75 → 34; 10% of 45 = 4.5 → 5; 10% of 44 = 4.4 → 4; 100% is everything
    assertThat(Sampling.sizeOf(new BigDecimal("25"), 135)).isEqualTo(34);
    assertThat(Sampling.sizeOf(new BigDecimal("10"), 45)).isEqualTo(5);
    assertThat(Sampling.sizeOf(new BigDecimal("10"), 44)).isEqualTo(4);
    assertThat(Sampling.sizeOf(new BigDecimal("100"), 43)).isEqualTo(43);
    assertThat(Sampling.sizeOf(new BigDecimal("12.5"), 4)).isEqualTo(1);
  }

  @Test
  @DisplayName("Stratum sizes follow the largest remainder, worked by hand")
  void largestRemainder() {
    // 23 cases: DEATH 13, OTHER 3, SERIOUS_HARM 7; a sample of 10.
    // Quotas: 130/23 = 5.652, 30/23 = 1.304, 70/23 = 3.043 → whole parts 5 + 1 + 3 = 9;
    // one seat left, to the largest remainder (DEATH's .652): 6, 1, 3.
    TreeMap<String, Integer> strata =
        new TreeMap<>(Map.of("DEATH", 13, "OTHER", 3, "SERIOUS_HARM", 7));
    assertThat(Sampling.largestRemainder(strata, 10))
        .containsExactly(
            Map.entry("DEATH", 6), Map.entry("OTHER", 1), Map.entry("SERIOUS_HARM", 3));
    // Not rounding: 9 regions of 11, 11, 11, 10, 10, 10, 10, 10, 7 (90 cases), a sample of 20.
    // Quotas 2.444 (x3), 2.222 (x5), 1.556: whole parts 2x8 + 1 = 17, three seats left:
    // remainders .556 (R9) > .444 (R1, R2, R3) > .222: R9 and then R1, R2 (ties by code) get one.
    TreeMap<String, Integer> regions = new TreeMap<>();
    int[] sizes = {11, 11, 11, 10, 10, 10, 10, 10, 7};
    for (int i = 0; i < sizes.length; i++) {
      regions.put("R" + (i + 1), sizes[i]);
    }
    Map<String, Integer> drawn = Sampling.largestRemainder(regions, 20);
    assertThat(drawn)
        .containsEntry("R1", 3)
        .containsEntry("R2", 3)
        .containsEntry("R3", 2)
        .containsEntry("R4", 2)
        .containsEntry("R8", 2)
        .containsEntry("R9", 2);
    assertThat(drawn.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
  }

  @Test
  @DisplayName("Equal remainders are broken by the stratum's code, in ascending order")
  void tiesByCode() {
    // three strata of one each, two to draw: every quota is 2/3; A and B (first by code) get one
    TreeMap<String, Integer> strata = new TreeMap<>(Map.of("C", 1, "A", 1, "B", 1));
    assertThat(Sampling.largestRemainder(strata, 2))
        .containsExactly(Map.entry("A", 1), Map.entry("B", 1), Map.entry("C", 0));
  }
}
