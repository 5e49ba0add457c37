/**
 * The JSON API: notifications and rapid reviews for the systems of local authorities and
 * partnerships, behind personal API tokens.
 */
@ApplicationModule(allowedDependencies = {"reference"})
package uk.gov.observatory.api;

import org.springframework.modulith.ApplicationModule;
