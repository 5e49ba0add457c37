/**
 * The embedded PostgreSQL used when no external database is configured, and the database roles (the
 * owner that migrates, the unprivileged role the application runs as).
 */
@ApplicationModule(allowedDependencies = {})
package uk.gov.observatory.database;

import org.springframework.modulith.ApplicationModule;
