package uk.gov.observatory.learning;

/** One coder's value of one code for one case ({@code value}: a scale's value, e.g. Y or HIGH). */
public record Coding(String notificationRef, String coder, String code, String value) {}
