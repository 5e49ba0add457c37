package uk.gov.observatory.library;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import uk.gov.observatory.access.Viewer;

/**
 * The library's documents: added with their details and PDF (its text extracted page by page with
 * PDFBox; a PDF without text flagged), edited, given a redacted PDF, checked for children's
 * identifying details, published (refused while the check finds something, unless the secretariat
 * overrides with a reason) and withdrawn. Who: MANAGE_LIBRARY (the secretariat) for every document;
 * a partnership (SUBMIT_REVIEWS) for the reports of the LCSPRs it reaches. Every change audited.
 *
 * <p>SHAPE (issue 18): helper A fills every method in; signatures stay.
 */
@Service
public class LibraryDocuments {

  public static final String AUDIT_RECORD_TYPE = "library_document";

  /** The largest PDF accepted, in bytes. */
  public static final int MAX_PDF_BYTES = 50 * 1024 * 1024;

  /** Adds a draft document; checks its text at once. Returns it. */
  public LibraryDocument add(NewDocument document, Viewer viewer) {
    throw new UnsupportedOperationException("issue 18: LibraryDocuments.add");
  }

  /** Changes a document's details (from the version seen); the check runs again. */
  public LibraryDocument update(long id, DocumentDetails details, int expectedVersion, Viewer v) {
    throw new UnsupportedOperationException("issue 18: LibraryDocuments.update");
  }

  /** Replaces the PDF (e.g. a redacted version); its text is extracted and checked again. */
  public LibraryDocument replacePdf(long id, PdfFile pdf, int expectedVersion, Viewer viewer) {
    throw new UnsupportedOperationException("issue 18: LibraryDocuments.replacePdf");
  }

  /** Runs the identifying-details check again (e.g. after the register changed). */
  public LibraryDocument check(long id, Viewer viewer) {
    throw new UnsupportedOperationException("issue 18: LibraryDocuments.check");
  }

  /**
   * Publishes: refused with {@link PublicationBlockedException} (where the check found something)
   * unless the check is clear, or {@code overrideReason} is given by MANAGE_LIBRARY (audited).
   */
  public LibraryDocument publish(long id, String overrideReason, Viewer viewer) {
    throw new UnsupportedOperationException("issue 18: LibraryDocuments.publish");
  }

  /** Takes a published document out of the public library, with a reason (kept, audited). */
  public LibraryDocument withdraw(long id, String reason, Viewer viewer) {
    throw new UnsupportedOperationException("issue 18: LibraryDocuments.withdraw");
  }

  /** A document as its staff see it (drafts too), if the viewer reaches it. */
  public Optional<LibraryDocument> find(long id, Viewer viewer) {
    throw new UnsupportedOperationException("issue 18: LibraryDocuments.find");
  }

  /** The documents the viewer may manage, newest first. */
  public List<LibraryDocument> list(Viewer viewer) {
    throw new UnsupportedOperationException("issue 18: LibraryDocuments.list");
  }

  /** The document's PDF for its staff (drafts too). */
  public Optional<byte[]> pdf(long id, Viewer viewer) {
    throw new UnsupportedOperationException("issue 18: LibraryDocuments.pdf");
  }

  /** A published document, read through the public role (nothing else is reachable). */
  public Optional<LibraryDocument> published(long id) {
    throw new UnsupportedOperationException("issue 18: LibraryDocuments.published");
  }

  /** A published document's PDF, read through the public role. */
  public Optional<byte[]> publishedPdf(long id) {
    throw new UnsupportedOperationException("issue 18: LibraryDocuments.publishedPdf");
  }

  /** The documents published on or after {@code since}, newest first (the feed, the email). */
  public List<LibraryDocument> publishedSince(java.time.LocalDate since, int limit) {
    throw new UnsupportedOperationException("issue 18: LibraryDocuments.publishedSince");
  }
}
