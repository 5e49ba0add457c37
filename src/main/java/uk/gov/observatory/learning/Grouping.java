package uk.gov.observatory.learning;

/** How results are broken down, besides all cases together. */
public enum Grouping {
  DEATH_CATEGORY,
  HARM_CATEGORY,
  AGE_BAND,
  /**
   * The annual report's case themes (Graph 2): NAI in under-1s, SUDI, suicide, adolescent harm,
   * other. Written once in {@link CaseTheme}.
   */
  CASE_THEME;

  /** As the command line names it ({@code death_category}). */
  public String option() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public String label() {
    return switch (this) {
      case DEATH_CATEGORY -> "Category of death";
      case HARM_CATEGORY -> "Category of harm";
      case AGE_BAND -> "Age band";
      case CASE_THEME -> "Case theme";
    };
  }
}
