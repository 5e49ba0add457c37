/**
 * The hash-chained, append-only audit log ({@link uk.gov.observatory.audit.AuditLog}): recording,
 * verifying, searching.
 */
@ApplicationModule(allowedDependencies = {"calendar", "web"})
package uk.gov.observatory.audit;

import org.springframework.modulith.ApplicationModule;
