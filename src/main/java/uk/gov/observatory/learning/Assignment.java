package uk.gov.observatory.learning;

/**
 * Who codes a case: its first coder and, for the double-coded share, a second coder (null when the
 * case is coded once). The second coder codes blind: they never see the first's codings.
 */
public record Assignment(String notificationRef, String firstCoder, String secondCoder) {

  public boolean doubleCoded() {
    return secondCoder != null;
  }

  public boolean assigned(String coder) {
    return coder.equals(firstCoder) || coder.equals(secondCoder);
  }
}
