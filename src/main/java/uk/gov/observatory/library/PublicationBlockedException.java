package uk.gov.observatory.library;

import java.util.List;

/**
 * Publication refused: the identifying-details check found something (where: pages and lines, never
 * what), or the PDF has no text to check. Upload a redacted version, or the secretariat overrides
 * with a reason.
 */
public class PublicationBlockedException extends RuntimeException {

  private final transient List<Finding> findings;

  public PublicationBlockedException(String message, List<Finding> findings) {
    super(message);
    this.findings = List.copyOf(findings);
  }

  public List<Finding> findings() {
    return findings;
  }
}
