package uk.gov.observatory.analytics;

import java.time.LocalDate;

/**
 * What a report is asked for (REPORT-SPEC.md): a period of incident dates (both inclusive), the
 * date the data is read as at, and an optional area: a region or a local authority (not both).
 */
public record ReportRequest(
    LocalDate from, LocalDate to, LocalDate asAt, String regionCode, String laCode) {}
