/**
 * The report's tables (REPORT-SPEC.md), computed from the records for a period and an area, only
 * over what the reader may see.
 */
@ApplicationModule(
    allowedDependencies = {
      "access",
      "audit",
      "calendar",
      "database",
      "notification",
      "reference",
      "review",
      "web"
    })
package uk.gov.observatory.analytics;

import org.springframework.modulith.ApplicationModule;
