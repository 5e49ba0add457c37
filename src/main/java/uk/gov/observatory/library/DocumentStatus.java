package uk.gov.observatory.library;

/** Where a document is: a draft (not public), published, or withdrawn from the public library. */
public enum DocumentStatus {
  DRAFT("Draft"),
  PUBLISHED("Published"),
  WITHDRAWN("Withdrawn");

  private final String label;

  DocumentStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
