/**
 * The command line: serving, importing and exporting, generating synthetic data, accounts, audit,
 * reports, thematic analyses and benchmarks.
 */
@ApplicationModule(
    allowedDependencies = {
      "access",
      "analytics",
      "audit",
      "calendar",
      "database",
      "learning",
      "library",
      "notification",
      "protection",
      "publication",
      "reference",
      "review",
      "synthetic",
      "web"
    })
package uk.gov.observatory.cli;

import org.springframework.modulith.ApplicationModule;
