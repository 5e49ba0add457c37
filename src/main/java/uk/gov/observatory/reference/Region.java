package uk.gov.observatory.reference;

/** One of the nine English regions. */
public record Region(String code, String name) {}
