/**
 * The report's tables (REPORT-SPEC.md), computed from the records for a period and an area, only
 * over what the reader may see.
 */
package uk.gov.observatory.analytics;
