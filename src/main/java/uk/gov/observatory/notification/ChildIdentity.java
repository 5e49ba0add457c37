package uk.gov.observatory.notification;

import java.time.LocalDate;

/**
 * One child's identifying details as the register holds them (decrypted in memory), for screening
 * text that is to be published: never shown, logged or stored. Either may be null.
 */
public record ChildIdentity(String name, LocalDate dateOfBirth) {

  /** Never shows the details, so a log line cannot leak them. */
  @Override
  public String toString() {
    return "ChildIdentity[name="
        + (name == null ? "none" : "withheld")
        + ", dateOfBirth="
        + (dateOfBirth == null ? "none" : "withheld")
        + "]";
  }
}
