package uk.gov.observatory.api;

/** Nothing at this address that the caller can reach: answered 404 like a missing record. */
public class ResourceNotFoundException extends RuntimeException {
  public ResourceNotFoundException(String message) {
    super(message);
  }
}
