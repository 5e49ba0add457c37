package uk.gov.observatory.review;

/** The person reaches the case but their role may not do this to it (answered 403, audited). */
public class ReviewNotPermittedException extends RuntimeException {
  public ReviewNotPermittedException(String message) {
    super(message);
  }
}
