package uk.gov.observatory.learning;

import java.math.BigDecimal;

/**
 * How to draw an analysis's sample: exactly one of {@code size} (N cases) and {@code percent} (P%
 * of the population, rounded half up; 100 = everything); a seed; stratification; and optionally a
 * control group of {@code controlSize} drawn from {@code control} (null: the same received period
 * as the population, nothing else filtered) leaving out the sample's cases.
 */
public record DrawRequest(
    Integer size,
    BigDecimal percent,
    long seed,
    Stratify stratify,
    Integer controlSize,
    Population control) {

  public DrawRequest {
    stratify = stratify == null ? Stratify.NONE : stratify;
  }
}
