package uk.gov.observatory.review;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored version of a rapid review (its history, table {@code rapid_review_version}): what the
 * partnership had written at that version, its status and received date, and who saved it when.
 */
public record RapidReviewVersion(
    int version,
    RapidReviewStatus status,
    LocalDate receivedDate,
    RapidReviewContent content,
    Instant recordedAt,
    String recordedBy) {}
