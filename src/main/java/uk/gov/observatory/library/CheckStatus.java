package uk.gov.observatory.library;

/** The identifying-details check of a document's text and metadata. */
public enum CheckStatus {
  NOT_CHECKED("Not checked"),
  CLEAR("Checked: no identifying details found"),
  BLOCKED("Blocked: identifying details found"),
  OVERRIDDEN("Check overridden by the secretariat");

  private final String label;

  CheckStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
