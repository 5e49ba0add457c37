package uk.gov.observatory.protection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals identifying details (children's names, dates of birth, addresses) for storage and opens
 * them again: AES-256-GCM, a random 12-byte IV per value, a 128-bit tag, and the column the value
 * belongs to as associated data, so a value sealed for one column does not open in another.
 *
 * <p>The current key seals; any configured key opens (so keys can rotate: {@code keys rotate}
 * re-seals every value under the current key). Keys come from configuration, see the README.
 */
public class IdentifyingDetails {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final String currentKeyId;
  private final Map<String, SecretKey> keys;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param currentKeyId the key that seals
   * @param keys every known key by id (256-bit AES), the current one included
   */
  public IdentifyingDetails(String currentKeyId, Map<String, SecretKey> keys) {
    Objects.requireNonNull(currentKeyId, "currentKeyId");
    this.keys = Map.copyOf(new TreeMap<>(keys));
    for (Map.Entry<String, SecretKey> k : this.keys.entrySet()) {
      if (!Sealed.KEY_ID.matcher(k.getKey()).matches()) {
        throw new IllegalArgumentException(
            "key id '" + k.getKey() + "' may hold only letters, digits, '.', '_' and '-'");
      }
      if (k.getValue().getEncoded() == null || k.getValue().getEncoded().length != 32) {
        throw new IllegalArgumentException("key '" + k.getKey() + "' is not 32 bytes (AES-256)");
      }
    }
    if (!this.keys.containsKey(currentKeyId)) {
      throw new IllegalArgumentException(
          "the current key '" + currentKeyId + "' is not configured");
    }
    this.currentKeyId = currentKeyId;
  }

  /** An AES-256 key from its 32 bytes. */
  public static SecretKey aesKey(byte[] bytes) {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("an AES-256 key is 32 bytes, not " + bytes.length);
    }
    return new SecretKeySpec(bytes, "AES");
  }

  /** The id of the key that seals new values. */
  public String currentKeyId() {
    return currentKeyId;
  }

  /** The ids of every key that can open values. */
  public Set<String> keyIds() {
    return keys.keySet();
  }

  /**
   * Seals a value of a column under the current key.
   *
   * @param column where the value is stored, e.g. {@code child.child_name}: it must be given again
   *     to open the value
   */
  public Sealed seal(String column, String plaintext) {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(plaintext, "plaintext");
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(aad(column));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
      return new Sealed(currentKeyId, out);
    } catch (GeneralSecurityException e) {
      // The exception carries no plaintext: only the JDK's reason.
      throw new IdentifyingDetailsException(
          "cannot seal a value of " + column + " under key '" + currentKeyId + "'", e);
    }
  }

  /** Opens a value sealed for this column; fails when it was altered or its key is not known. */
  public String open(String column, Sealed sealed) {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(sealed, "sealed");
    SecretKey key = keys.get(sealed.keyId());
    if (key == null) {
      throw new IdentifyingDetailsException(
          "cannot open a value of "
              + column
              + ": it was sealed under key '"
              + sealed.keyId()
              + "', which is not configured (known keys: "
              + String.join(", ", keys.keySet())
              + "; configure it as observatory.keys."
              + sealed.keyId()
              + " or in observatory.keys.file)");
    }
    byte[] bytes = sealed.bytes();
    if (bytes.length < IV_BYTES + TAG_BITS / 8) {
      throw new IdentifyingDetailsException(
          "cannot open a value of " + column + ": it is too short to be a sealed value");
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
      cipher.updateAAD(aad(column));
      byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new IdentifyingDetailsException(
          "cannot open a value of "
              + column
              + " sealed under key '"
              + sealed.keyId()
              + "': it was altered, belongs to another column, or the key is wrong");
    } catch (GeneralSecurityException e) {
      throw new IdentifyingDetailsException(
          "cannot open a value of " + column + " sealed under key '" + sealed.keyId() + "'", e);
    }
  }

  /** True when the value is sealed under the current key (so rotation can leave it alone). */
  public boolean isCurrent(Sealed sealed) {
    return sealed.keyId().equals(currentKeyId);
  }

  /** Opens a value and seals it again under the current key. */
  public Sealed reseal(String column, Sealed sealed) {
    return seal(column, open(column, sealed));
  }

  private static byte[] aad(String column) {
    return ("observatory:v1:" + column).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "IdentifyingDetails[current=" + currentKeyId + ", keys=" + keys.keySet() + "]";
  }
}
