package uk.gov.observatory.analytics.internal;

/** SQL shared by the tables of rapid reviews: the reviews received by as_at. */
final class ReceivedReviews {

  private ReceivedReviews() {}

  /**
   * Rapid reviews received by as_at (a received date on or before it), as a subquery with every
   * column of {@code rapid_review}.
   */
  static final String RECEIVED =
      "(select * from rapid_review r where r.received_date is not null"
          + " and r.received_date <= :as_at)";
}
