package uk.gov.observatory.api;

/** Nothing at this address that the caller can reach: answered 404 like a missing record. */
class ResourceNotFoundException extends RuntimeException {
  ResourceNotFoundException(String message) {
    super(message);
  }
}
