package uk.gov.observatory.library;

/** A facet value with its label, how many matching documents have it, and whether it is chosen. */
public record FacetCount(String value, String label, long count, boolean selected) {}
