package uk.gov.observatory.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Map;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IdentifyingDetailsTest {

  static final String NAME = "child.child_name";
  static final String DOB = "child.date_of_birth";

  static SecretKey key() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return IdentifyingDetails.aesKey(b);
  }

  final SecretKey a = key();
  final SecretKey b = key();
  final IdentifyingDetails underA = new IdentifyingDetails("a", Map.of("a", a));

  @Test
  @DisplayName("a sealed value opens to the same text, and its stored form holds no plaintext")
  void roundTrip() {
    Sealed sealed = underA.seal(NAME, "Zephyrine Quillfeather");
    assertThat(sealed.keyId()).isEqualTo("a");
    assertThat(sealed.text()).startsWith("v1:a:").doesNotContain("Zephyrine");
    assertThat(underA.open(NAME, Sealed.parse(sealed.text()))).isEqualTo("Zephyrine Quillfeather");
    assertThat(underA.open(NAME, underA.seal(NAME, "Zoë Ñandú 李"))).isEqualTo("Zoë Ñandú 李");
    assertThat(underA.open(NAME, underA.seal(NAME, ""))).isEmpty();
  }

  @Test
  @DisplayName("the same text sealed twice gives different values (a random IV each time)")
  void freshIvEachTime() {
    Sealed one = underA.seal(NAME, "Zephyrine Quillfeather");
    Sealed two = underA.seal(NAME, "Zephyrine Quillfeather");
    assertThat(one.text()).isNotEqualTo(two.text());
    // IV 12 bytes + UTF-8 text + 16-byte tag.
    assertThat(one.bytes()).hasSize(12 + "Zephyrine Quillfeather".length() + 16);
  }

  @Test
  @DisplayName("a value altered by one bit does not open, and the message holds no plaintext")
  void tampered() {
    byte[] bytes = underA.seal(NAME, "Zephyrine Quillfeather").bytes();
    for (int i : new int[] {0, 12, bytes.length - 1}) {
      byte[] altered = bytes.clone();
      altered[i] ^= 1;
      assertThatThrownBy(() -> underA.open(NAME, new Sealed("a", altered)))
          .isInstanceOf(IdentifyingDetailsException.class)
          .hasMessageContaining("altered")
          .hasMessageNotContaining("Zephyrine");
    }
    assertThatThrownBy(() -> underA.open(NAME, new Sealed("a", new byte[10])))
        .isInstanceOf(IdentifyingDetailsException.class)
        .hasMessageContaining("too short");
  }

  @Test
  @DisplayName("a value sealed for one column does not open as another column's")
  void aadIsTheColumn() {
    Sealed name = underA.seal(NAME, "2014-03-09");
    assertThatThrownBy(() -> underA.open(DOB, name))
        .isInstanceOf(IdentifyingDetailsException.class)
        .hasMessageContaining("child.date_of_birth")
        .hasMessageNotContaining("2014-03-09");
    assertThat(underA.open(NAME, name)).isEqualTo("2014-03-09");
  }

  @Test
  @DisplayName("a value under an unknown key fails with a message naming the key and the setting")
  void unknownKey() {
    Sealed underB = new IdentifyingDetails("b", Map.of("b", b)).seal(NAME, "Zephyrine");
    assertThatThrownBy(() -> underA.open(NAME, underB))
        .isInstanceOf(IdentifyingDetailsException.class)
        .hasMessageContaining("sealed under key 'b', which is not configured")
        .hasMessageContaining("observatory.keys.b")
        .hasMessageNotContaining("Zephyrine");
  }

  @Test
  @DisplayName("the same key under another id, or a wrong key under the right id, does not open")
  void wrongKey() {
    Sealed sealed = underA.seal(NAME, "Zephyrine");
    IdentifyingDetails impostor = new IdentifyingDetails("a", Map.of("a", b));
    assertThatThrownBy(() -> impostor.open(NAME, sealed))
        .isInstanceOf(IdentifyingDetailsException.class);
  }

  @Test
  @DisplayName(
      "any known key opens; the current one seals; reseal moves a value to the current key")
  void rotation() {
    IdentifyingDetails both = new IdentifyingDetails("b", Map.of("a", a, "b", b));
    Sealed old = underA.seal(NAME, "Zephyrine");
    assertThat(both.open(NAME, old)).isEqualTo("Zephyrine");
    assertThat(both.isCurrent(old)).isFalse();
    Sealed moved = both.reseal(NAME, old);
    assertThat(moved.keyId()).isEqualTo("b");
    assertThat(both.isCurrent(moved)).isTrue();
    assertThat(new IdentifyingDetails("b", Map.of("b", b)).open(NAME, moved))
        .isEqualTo("Zephyrine");
  }

  @Test
  @DisplayName("stored text that is not a sealed value is refused without repeating it")
  void notSealed() {
    assertThatThrownBy(() -> Sealed.parse("Zephyrine Quillfeather"))
        .isInstanceOf(IdentifyingDetailsException.class)
        .hasMessageNotContaining("Zephyrine");
    assertThatThrownBy(() -> Sealed.parse("v1:a:not base64!"))
        .isInstanceOf(IdentifyingDetailsException.class)
        .hasMessageNotContaining("not base64!");
    assertThatThrownBy(() -> new IdentifyingDetails("c", Map.of("a", a)))
        .hasMessageContaining("current key 'c' is not configured");
    assertThatThrownBy(
            () ->
                new IdentifyingDetails(
                    "a", Map.of("a", IdentifyingDetails.aesKey(new byte[32]), "a:b", a)))
        .hasMessageContaining("key id");
  }
}
