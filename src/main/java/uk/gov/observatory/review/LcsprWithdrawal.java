package uk.gov.observatory.review;

import java.time.Instant;

/** Why, when and by whom an LCSPR started by mistake was withdrawn. */
public record LcsprWithdrawal(String reason, Instant at, String by) {}
