package uk.gov.observatory.review;

import java.time.LocalDate;

/**
 * A recommendation of an LCSPR: what, who owns it, by when, and whether it passes each SMART check
 * (specific, measurable, achievable, relevant, time-bound).
 */
public record Recommendation(
    String text,
    String owner,
    LocalDate dueDate,
    boolean specific,
    boolean measurable,
    boolean achievable,
    boolean relevant,
    boolean timeBound) {

  /** Whether it passes all five SMART checks. */
  public boolean smart() {
    return specific && measurable && achievable && relevant && timeBound;
  }
}
