/** The GOV.UK pages: layout, sign-in, security, errors, and the pages of each journey. */
@ApplicationModule(
    allowedDependencies = {
      "access",
      "analytics",
      "audit",
      "calendar",
      "notification",
      "reference",
      "review"
    })
package uk.gov.observatory.web;

import org.springframework.modulith.ApplicationModule;
