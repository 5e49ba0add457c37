package uk.gov.observatory.publication;

/** An edition that is published cannot be edited, published again or deleted. */
public class EditionFrozenException extends RuntimeException {

  private final transient Edition edition;

  public EditionFrozenException(Edition edition) {
    super(
        edition.name()
            + " was published and cannot be changed or deleted. To correct it, draft a new"
            + " edition of the same period and area: it will list what changed.");
    this.edition = edition;
  }

  public Edition edition() {
    return edition;
  }
}
