/** The GOV.UK pages: layout, sign-in, security, errors, and the pages of each journey. */
@ApplicationModule(allowedDependencies = {"calendar", "reference"})
package uk.gov.observatory.web;

import org.springframework.modulith.ApplicationModule;
