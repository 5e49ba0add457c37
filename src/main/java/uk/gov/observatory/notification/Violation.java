package uk.gov.observatory.notification;

/**
 * One broken rule: the field (its name in the data standard), the value given and why it is wrong,
 * saying what is allowed. {@code childIndex} is the 0-based position of the child in the
 * submission, or null for a field of the notification itself.
 */
public record Violation(Integer childIndex, String field, String value, String reason) {

  public static Violation of(String field, String value, String reason) {
    return new Violation(null, field, value, reason);
  }

  public static Violation ofChild(int childIndex, String field, String value, String reason) {
    return new Violation(childIndex, field, value, reason);
  }

  /** {@code la_code}, or {@code children[2].age_years} for the second child. */
  public String path() {
    return childIndex == null ? field : "children[" + (childIndex + 1) + "]." + field;
  }

  @Override
  public String toString() {
    return path() + ": " + (value == null ? "" : value) + ": " + reason;
  }
}
