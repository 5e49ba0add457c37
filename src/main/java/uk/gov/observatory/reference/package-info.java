/**
 * Reference data: local authorities (with operation dates), regions and the data standard's code
 * lists.
 */
@ApplicationModule(allowedDependencies = {"database"})
package uk.gov.observatory.reference;

import org.springframework.modulith.ApplicationModule;
