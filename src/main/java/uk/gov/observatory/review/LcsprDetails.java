package uk.gov.observatory.review;

/**
 * What an LCSPR records of itself: its scope and questions, how it is done, who was involved, and
 * how its learning will be shared.
 */
public record LcsprDetails(
    String scope,
    String reviewQuestions,
    String methodology,
    String familyInvolvement,
    String practitionerInvolvement,
    String disseminationPlan) {

  public static LcsprDetails none() {
    return new LcsprDetails(null, null, null, null, null, null);
  }
}
