package uk.gov.observatory.review;

/** The Panel's view of a rapid review's decision. */
public enum PanelView {
  AGREE,
  DISAGREE
}
