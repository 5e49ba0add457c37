package uk.gov.observatory.library;

/** How the review was done (its facet "model"). */
public enum ReviewModel {
  SYSTEMS("Systems methodology (for example Learning Together)"),
  SILP("Significant Incident Learning Process (SILP)"),
  APPRECIATIVE_INQUIRY("Appreciative inquiry"),
  TRADITIONAL("Traditional (agency reports and an overview)"),
  HYBRID("Hybrid of several models"),
  OTHER("Other");

  private final String label;

  ReviewModel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
