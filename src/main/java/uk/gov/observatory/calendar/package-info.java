/**
 * Working days in England, bank holidays, statutory deadlines, and the table {@code working_day}
 * that SQL counts working days with.
 */
@ApplicationModule(allowedDependencies = {"database"})
package uk.gov.observatory.calendar;

import org.springframework.modulith.ApplicationModule;
