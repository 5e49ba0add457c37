/**
 * Notifications and their children: the rules, the register (the one gateway for every read and
 * write, where the viewer's reach is applied), CSV import and export.
 */
@ApplicationModule(
    allowedDependencies = {"access", "api", "audit", "calendar", "protection", "reference", "web"})
package uk.gov.observatory.notification;

import org.springframework.modulith.ApplicationModule;
