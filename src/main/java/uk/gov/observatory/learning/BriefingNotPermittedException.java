package uk.gov.observatory.learning;

/** The viewer's role does not allow what they asked of a learning briefing (audited). */
public class BriefingNotPermittedException extends RuntimeException {
  public BriefingNotPermittedException(String message) {
    super(message);
  }
}
