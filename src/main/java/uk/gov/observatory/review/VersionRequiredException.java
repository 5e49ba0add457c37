package uk.gov.observatory.review;

/**
 * A change to an existing review or LCSPR that did not name the version it started from: refused,
 * nothing changed. Optimistic concurrency cannot be skipped by leaving the version out, or a save
 * could silently overwrite what someone else saved meanwhile.
 */
public class VersionRequiredException extends InvalidReviewException {

  public static final String MESSAGE =
      "is required: give the version of the record you started from (as you read it), so that"
          + " a change made meanwhile by someone else is not overwritten";

  public VersionRequiredException(String what) {
    super(
        "version",
        "the version you started from is required ("
            + what
            + "): read it again, then redo your change, so that nothing saved meanwhile is"
            + " overwritten");
  }
}
