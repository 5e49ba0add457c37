package uk.gov.observatory.review;

/** The partnership's decision on a local child safeguarding practice review. */
public enum Decision {
  LCSPR,
  NO_LCSPR,
  UNDECIDED
}
