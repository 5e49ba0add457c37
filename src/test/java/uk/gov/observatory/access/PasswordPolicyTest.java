package uk.gov.observatory.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  final PasswordPolicy policy = new PasswordPolicy();

  @Test
  @DisplayName("11 characters are refused, saying 12 are needed; 12 unrelated words' letters pass")
  void length() {
    assertThat(policy.problems("alice", "kx9-trq-wmzb")).isEmpty(); // 12 characters, not common
    assertThat(policy.problems("alice", "kx9-trq-wmz"))
        .singleElement()
        .asString()
        .contains("at least 12 characters")
        .contains("it has 11");
  }

  @Test
  @DisplayName("a common password is refused whatever its case, also with digits or symbols added")
  void common() {
    assertThat(policy.isCommon("PASSWORD")).isTrue();
    assertThat(policy.problems("alice", "Password1234"))
        .singleElement()
        .asString()
        .contains("common password");
    assertThat(policy.problems("alice", "qwertyuiop123"))
        .singleElement()
        .asString()
        .contains("common password");
    assertThat(policy.problems("alice", "Football2026!!"))
        .singleElement()
        .asString()
        .contains("common password with numbers or symbols added");
    assertThat(policy.problems("alice", "aaaaaaaaaaaaaa")).isNotEmpty();
  }

  @Test
  @DisplayName("the username (or the username with digits added) is refused as a password")
  void username() {
    assertThat(policy.problems("jane.notifier", "jane.notifier"))
        .singleElement()
        .asString()
        .contains("must not be the username");
    assertThat(policy.problems("jane.notifier", "Jane.Notifier2026")).isNotEmpty();
  }

  @Test
  @DisplayName("a good passphrase of 12 or more characters is accepted; an empty one is refused")
  void good() {
    for (String p :
        List.of("copper lantern orbit meadow", "Tidal-Pencil-Quartz-9", "mauve kettle drift")) {
      assertThat(policy.problems("alice", p)).as(p).isEmpty();
    }
    assertThatThrownBy(() -> policy.check("alice", ""))
        .isInstanceOf(InvalidAccountException.class)
        .hasMessageContaining("a password is required");
  }
}
