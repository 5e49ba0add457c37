package uk.gov.observatory.publication;

/** No edition of this number. */
public class EditionNotFoundException extends RuntimeException {
  public EditionNotFoundException(long id) {
    super("no edition " + id);
  }
}
