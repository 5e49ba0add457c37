package uk.gov.observatory.library;

/**
 * Whether a document's text could be read: no PDF yet, its text extracted, or a PDF without text (a
 * scan): flagged for attention, never silently empty; it can be published only by an override.
 */
public enum TextStatus {
  NO_FILE("No PDF yet"),
  TEXT("Text extracted"),
  NO_TEXT("No text found in the PDF (a scan?): it cannot be searched or checked");

  private final String label;

  TextStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
