package uk.gov.observatory.learning;

/** No analysis with this reference, or none this viewer may see. */
public class AnalysisNotFoundException extends RuntimeException {
  public AnalysisNotFoundException(String ref) {
    super("No thematic analysis " + ref);
  }

  protected AnalysisNotFoundException(String ref, String message) {
    super(message);
  }
}
