package uk.gov.observatory.protection;

import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An identifying detail sealed with AES-GCM: the id of the key that sealed it and {@code iv ||
 * ciphertext || tag}. Stored as text, {@code v1:<keyId>:<base64>}; holds no plaintext.
 */
public record Sealed(String keyId, byte[] bytes) {

  private static final String VERSION = "v1";

  /** What a key id may be: it is stored in every value, so no colon and nothing odd. */
  static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public Sealed {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(bytes, "bytes");
    if (!KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException("not a key id: " + keyId);
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The stored form, {@code v1:<keyId>:<base64(iv || ciphertext || tag)>}. */
  public String text() {
    return VERSION + ":" + keyId + ":" + Base64.getEncoder().encodeToString(bytes);
  }

  /** Reads the stored form; the message of a failure never repeats the value. */
  public static Sealed parse(String text) {
    Objects.requireNonNull(text, "text");
    String[] parts = text.split(":", -1);
    if (parts.length != 3 || !parts[0].equals(VERSION) || !KEY_ID.matcher(parts[1]).matches()) {
      throw new IdentifyingDetailsException(
          "a stored identifying detail is not a sealed value (expected v1:<keyId>:<base64>)");
    }
    try {
      return new Sealed(parts[1], Base64.getDecoder().decode(parts[2]));
    } catch (IllegalArgumentException e) {
      throw new IdentifyingDetailsException(
          "a stored identifying detail sealed under key '" + parts[1] + "' is not valid base64");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sealed s
        && keyId.equals(s.keyId)
        && java.util.Arrays.equals(bytes, s.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * keyId.hashCode() + java.util.Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return text();
  }
}
