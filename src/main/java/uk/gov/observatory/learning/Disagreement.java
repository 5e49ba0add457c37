package uk.gov.observatory.learning;

/**
 * A double-coded case and code where the two coders' values differ, with the third person's
 * resolution beside both (null until resolved).
 */
public record Disagreement(
    String notificationRef,
    String code,
    String firstCoder,
    String firstValue,
    String secondCoder,
    String secondValue,
    String resolver,
    String resolvedValue) {

  public boolean resolved() {
    return resolvedValue != null;
  }
}
