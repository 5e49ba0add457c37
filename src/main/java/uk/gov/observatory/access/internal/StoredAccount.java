package uk.gov.observatory.access.internal;

import uk.gov.observatory.access.Account;

/** An account row with its secrets, for the accounts service only. */
public record StoredAccount(
    Account account,
    String passwordHash,
    String totpSecret,
    Long lastTotpStep,
    String setUpCodeHash,
    java.time.Instant setUpCodeExpiresAt) {

  @Override
  public String toString() {
    return "StoredAccount[" + account.username() + "]";
  }
}
