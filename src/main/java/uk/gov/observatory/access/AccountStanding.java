package uk.gov.observatory.access;

import java.time.Instant;

/**
 * An account as an administrator sees it: the account and how it stands (never its secrets).
 *
 * @param authenticatorSetUp whether the person has proved their authenticator app works
 * @param setUpCodeExpiresAt when a one-time set-up code given out for it stops working; null when
 *     there is none
 * @param disabledAt when it was disabled; null when enabled
 * @param tokensInForce personal API tokens neither revoked nor expired
 * @param unusedRecoveryCodes recovery codes not yet used
 */
public record AccountStanding(
    Account account,
    boolean authenticatorSetUp,
    Instant setUpCodeExpiresAt,
    Instant disabledAt,
    int tokensInForce,
    int unusedRecoveryCodes) {}
