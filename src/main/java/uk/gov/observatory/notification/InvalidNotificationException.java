package uk.gov.observatory.notification;

import java.util.List;

/** A submission broke one or more rules; nothing was stored. */
public class InvalidNotificationException extends RuntimeException {

  private final transient List<Violation> violations;

  public InvalidNotificationException(List<Violation> violations) {
    super(violations.size() + " rule(s) broken");
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
