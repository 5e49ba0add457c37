package uk.gov.observatory.review;

/**
 * The criteria for a local review (Working Together 2018, regulation 11) that a rapid review's
 * decision is argued against.
 */
public enum Regulation11Criterion {
  /** The case highlights improvements needed to safeguard and promote the welfare of children. */
  IMPROVEMENTS_NEEDED,
  /** It highlights recurrent themes in the safeguarding and promotion of children's welfare. */
  RECURRENT_THEMES,
  /** It raises concerns about how organisations worked together to safeguard the child. */
  AGENCIES_WORKING_TOGETHER,
  /** The Panel has said it thinks a local review more appropriate. */
  PANEL_THINKS_LOCAL_REVIEW_APPROPRIATE
}
