/**
 * Synthetic national data: a year of notifications, children, rapid reviews, LCSPRs and yearly
 * reports shaped like the Panel's 2020 annual report, written as the data standard's CSV files.
 */
@ApplicationModule(allowedDependencies = {"calendar", "notification", "reference"})
package uk.gov.observatory.synthetic;

import org.springframework.modulith.ApplicationModule;
