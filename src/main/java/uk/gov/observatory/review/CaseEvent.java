package uk.gov.observatory.review;

import java.time.Instant;

/**
 * One step in a case's story: who did what when, and the state before and after (for example a
 * rapid review going from DRAFT to SUBMITTED). {@code lcsprRef} names the LCSPR for its events.
 */
public record CaseEvent(
    Instant at,
    String actor,
    String event,
    String fromState,
    String toState,
    String details,
    String lcsprRef) {}
