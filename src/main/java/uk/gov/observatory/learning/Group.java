package uk.gov.observatory.learning;

/** Which group a drawn case belongs to (and, in results, the difference between them). */
public enum Group {
  SAMPLE,
  CONTROL,
  /** Only in results: sample minus control. */
  DIFFERENCE;

  public String label() {
    return switch (this) {
      case SAMPLE -> "Sample";
      case CONTROL -> "Control group";
      case DIFFERENCE -> "Difference (sample minus control)";
    };
  }
}
