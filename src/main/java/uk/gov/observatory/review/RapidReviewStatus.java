package uk.gov.observatory.review;

/** Where a rapid review is: being written by the partnership, or sent to the Panel. */
public enum RapidReviewStatus {
  DRAFT,
  SUBMITTED
}
