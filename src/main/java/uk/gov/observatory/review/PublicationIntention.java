package uk.gov.observatory.review;

/** Until an LCSPR is published or it is decided not to publish it: whether it will be. */
public enum PublicationIntention {
  INTENDS_TO_PUBLISH,
  NOT_DECIDED
}
