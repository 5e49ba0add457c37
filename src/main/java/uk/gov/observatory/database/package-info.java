/**
 * The embedded PostgreSQL used when no external database is configured, and the database roles (the
 * owner that migrates, the unprivileged role the application runs as), and the {@link
 * uk.gov.observatory.database.ReadDatabase} where reads that may lag go (the read replica, when one
 * is configured).
 */
@ApplicationModule(allowedDependencies = {})
package uk.gov.observatory.database;

import org.springframework.modulith.ApplicationModule;
