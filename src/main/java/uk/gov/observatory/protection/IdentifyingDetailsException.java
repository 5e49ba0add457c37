package uk.gov.observatory.protection;

/**
 * An identifying detail cannot be sealed or opened (unknown key, tampered or corrupt value). The
 * message names keys and columns, never a plaintext value or key material.
 */
public class IdentifyingDetailsException extends RuntimeException {
  public IdentifyingDetailsException(String message) {
    super(message);
  }

  public IdentifyingDetailsException(String message, Throwable cause) {
    super(message, cause);
  }
}
