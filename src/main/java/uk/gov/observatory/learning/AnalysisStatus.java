package uk.gov.observatory.learning;

/** Where a thematic analysis is: scoping → coding → analysis → published. */
public enum AnalysisStatus {
  /** The question, population and coding frame are being set; nothing drawn yet. */
  SCOPING,
  /** The sample (and control group) are drawn and the cases are being coded. */
  CODING,
  /** Coding is finished; disagreements are resolved and the results read. */
  ANALYSIS,
  /** The results are published (in the quarter's learning briefing). */
  PUBLISHED;

  public String label() {
    return switch (this) {
      case SCOPING -> "Scoping";
      case CODING -> "Coding";
      case ANALYSIS -> "Analysis";
      case PUBLISHED -> "Published";
    };
  }
}
