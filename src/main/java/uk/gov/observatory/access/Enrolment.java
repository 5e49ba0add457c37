package uk.gov.observatory.access;

import java.util.List;

/**
 * What a new account's holder needs to set up two-factor sign-in, shown once and never again: the
 * TOTP secret (Base32), the same as an {@code otpauth://} URI for an authenticator app (and its QR
 * code), and single-use recovery codes.
 */
public record Enrolment(
    Account account, String totpSecret, String otpauthUri, List<String> recoveryCodes) {
  public Enrolment {
    recoveryCodes = List.copyOf(recoveryCodes);
  }

  @Override
  public String toString() {
    return "Enrolment[" + account.username() + "]";
  }
}
