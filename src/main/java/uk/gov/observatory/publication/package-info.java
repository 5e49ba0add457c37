/**
 * Editions of the Panel's report: drafted, edited and published by the secretariat, frozen when
 * published (figures, text, open data and every file), and the public statistics pages that show
 * the published ones to anyone, without signing in.
 */
@ApplicationModule(
    allowedDependencies = {"access", "analytics", "audit", "database", "reference", "web"})
package uk.gov.observatory.publication;

import org.springframework.modulith.ApplicationModule;
