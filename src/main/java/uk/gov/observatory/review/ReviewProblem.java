package uk.gov.observatory.review;

/** One thing wrong with a request about a review: the field it concerns and what to change. */
public record ReviewProblem(String field, String message) {}
