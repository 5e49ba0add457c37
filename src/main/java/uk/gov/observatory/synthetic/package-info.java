/**
 * Synthetic national data: a year of notifications, children, rapid reviews, LCSPRs and yearly
 * reports shaped like the Panel's 2020 annual report, written as the data standard's CSV files.
 */
package uk.gov.observatory.synthetic;
