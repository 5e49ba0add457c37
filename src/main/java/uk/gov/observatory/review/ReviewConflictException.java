package uk.gov.observatory.review;

/**
 * Someone else saved the review since this person opened it: their change is refused (and kept by
 * the page to compare), nothing of either is lost.
 */
public class ReviewConflictException extends RuntimeException {

  private final int expectedVersion;
  private final int currentVersion;

  public ReviewConflictException(String what, int expectedVersion, int currentVersion) {
    super(
        what
            + " was changed by someone else since you opened it (you had version "
            + expectedVersion
            + ", it is now version "
            + currentVersion
            + "): reload it, then make your change again");
    this.expectedVersion = expectedVersion;
    this.currentVersion = currentVersion;
  }

  public int expectedVersion() {
    return expectedVersion;
  }

  public int currentVersion() {
    return currentVersion;
  }
}
