/**
 * Protection of identifying details (children's names, dates of birth, addresses): sealed with
 * AES-GCM before they are stored, under keys from configuration.
 */
@ApplicationModule(allowedDependencies = {})
package uk.gov.observatory.protection;

import org.springframework.modulith.ApplicationModule;
