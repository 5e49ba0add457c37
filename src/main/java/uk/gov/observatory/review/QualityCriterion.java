package uk.gov.observatory.review;

/**
 * The annual report's criteria for an effective rapid review, each scored 0 (absent), 1 (partly) or
 * 2 (fully) by the Panel.
 */
public enum QualityCriterion {
  IMMEDIATE_LEARNING("Immediate learning identified"),
  DISSEMINATION_PLAN("A plan to disseminate the learning"),
  DECISION_RATIONALE("A clear rationale for the LCSPR decision"),
  ANALYSIS("Analysis rather than chronology"),
  FAMILY_DETAIL("Family detail, including ethnicity"),
  SENIOR_LEADERS("Senior leaders' input");

  private final String label;

  QualityCriterion(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
