package uk.gov.observatory.library;

/** No such document, or none the asker may reach (a draft, for the public). */
public class DocumentNotFoundException extends RuntimeException {
  public DocumentNotFoundException(long id) {
    super("no document " + id);
  }
}
