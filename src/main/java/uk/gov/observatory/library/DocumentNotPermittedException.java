package uk.gov.observatory.library;

/** The viewer may not do this to this document (e.g. a partnership and another's LCSPR). */
public class DocumentNotPermittedException extends RuntimeException {
  public DocumentNotPermittedException(String message) {
    super(message);
  }
}
