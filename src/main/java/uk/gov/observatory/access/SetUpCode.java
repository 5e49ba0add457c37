package uk.gov.observatory.access;

import java.time.Instant;

/**
 * A one-time set-up code, shown once to the administrator who asked for it, to pass on: the person
 * signs in with it in place of a password and chooses their own password. Only its hash is kept.
 */
public record SetUpCode(String username, String code, Instant expiresAt) {
  @Override
  public String toString() {
    return "SetUpCode[" + username + "]";
  }
}
