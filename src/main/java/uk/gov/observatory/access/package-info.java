/**
 * Accounts, roles and permissions, passwords, TOTP two-factor, lockout, API tokens, and Panel
 * members' declared conflicts of interest.
 */
@ApplicationModule(allowedDependencies = {"audit", "protection", "reference", "web"})
package uk.gov.observatory.access;

import org.springframework.modulith.ApplicationModule;
