package uk.gov.observatory.library;

import java.time.Instant;
import java.util.List;

/** A document of the library as stored (without its PDF's bytes or text). */
public record LibraryDocument(
    long id,
    DocumentDetails details,
    DocumentStatus status,
    String regionCode,
    String lcsprRef,
    String sourceRef,
    List<String> notificationRefs,
    String pdfFilename,
    String pdfSha256,
    Integer pageCount,
    TextStatus textStatus,
    CheckStatus checkStatus,
    List<Finding> findings,
    Instant checkedAt,
    String overrideReason,
    String overriddenBy,
    int version,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    Instant publishedAt) {

  public LibraryDocument {
    notificationRefs = notificationRefs == null ? List.of() : List.copyOf(notificationRefs);
    findings = findings == null ? List.of() : List.copyOf(findings);
  }

  public boolean published() {
    return status == DocumentStatus.PUBLISHED;
  }

  /**
   * The check's state in words, for a person: the status's label, except that a document blocked
   * only because its PDF has no text says so (nothing was found: nothing could be read).
   */
  public String checkLabel() {
    if (checkStatus == CheckStatus.BLOCKED
        && findings.isEmpty()
        && textStatus == TextStatus.NO_TEXT) {
      return "Blocked: the PDF has no text to check";
    }
    return checkStatus == null ? "" : checkStatus.label();
  }
}
