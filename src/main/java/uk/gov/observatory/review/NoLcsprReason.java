package uk.gov.observatory.review;

/** Why no LCSPR is held (optional, only with decision NO_LCSPR). */
public enum NoLcsprReason {
  LEARNING_ALREADY_IDENTIFIED,
  NO_NEW_LEARNING,
  OTHER_PROCESS,
  OTHER
}
