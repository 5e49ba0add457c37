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
  UNKNOWN_ACCOUNT,
  /**
   * In place of the password, the account's one-time set-up code (from an administrator): the
   * person must choose a password before the second factor ({@link Accounts#choosePassword}).
   */
  SET_UP_CODE;

  public boolean accepted() {
    return this == ACCEPTED;
  }
}
