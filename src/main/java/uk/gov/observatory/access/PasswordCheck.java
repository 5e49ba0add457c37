package uk.gov.observatory.access;

/**
 * The outcome of a password or second-factor check. Sign-in pages must tell the person no more than
 * "not accepted" (or that the account is locked for a while), so as not to reveal which accounts
 * exist.
 */
public enum PasswordCheck {
  ACCEPTED,
  REFUSED,
  /** Too many failures: refused until the lock expires, even with the right secret. */
  LOCKED,
  DISABLED,
  UNKNOWN_ACCOUNT;

  public boolean accepted() {
    return this == ACCEPTED;
  }
}
