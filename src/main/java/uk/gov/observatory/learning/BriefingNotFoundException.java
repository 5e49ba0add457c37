package uk.gov.observatory.learning;

/** No learning briefing (or excerpt) with this id. */
public class BriefingNotFoundException extends RuntimeException {
  public BriefingNotFoundException(String what) {
    super("No learning briefing " + what);
  }
}
