/**
 * Accounts, roles and permissions, passwords, TOTP two-factor, lockout, API tokens, and Panel
 * members' declared conflicts of interest.
 */
@ApplicationModule(allowedDependencies = {"audit", "protection", "reference"})
package uk.gov.observatory.access;

import org.springframework.modulith.ApplicationModule;
