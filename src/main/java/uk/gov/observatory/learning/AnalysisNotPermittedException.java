package uk.gov.observatory.learning;

/**
 * The viewer may see the analysis but not do this to it (a coder changing its scope, say). A kind
 * of {@link AnalysisNotFoundException}, so that whatever refuses one refuses the other.
 */
public class AnalysisNotPermittedException extends AnalysisNotFoundException {
  public AnalysisNotPermittedException(String ref, String what) {
    super(ref, "You may not " + what + " (thematic analysis " + ref + ")");
  }
}
