package uk.gov.observatory.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RoleTest {

  @Test
  @DisplayName("each role is the least set of permissions the issue gives it")
  void permissions() {
    assertThat(Role.ADMIN.permissions()).containsExactly(Permission.MANAGE_ACCOUNTS);
    assertThat(Role.INSPECTOR.permissions())
        .containsExactlyInAnyOrder(Permission.READ_NOTIFICATIONS, Permission.READ_LCSPRS);
    assertThat(Role.INSPECTOR.can(Permission.READ_IDENTIFYING_DETAILS)).isFalse();
    assertThat(Role.PARTNERSHIP.permissions())
        .containsExactlyInAnyOrder(
            Permission.READ_NOTIFICATIONS, Permission.READ_CASES, Permission.SUBMIT_REVIEWS);
    assertThat(Role.LA_NOTIFIER.permissions())
        .contains(Permission.NOTIFY, Permission.AMEND_NOTIFICATION, Permission.READ_NOTIFICATIONS)
        .doesNotContain(Permission.EXPORT, Permission.IMPORT, Permission.MANAGE_ACCOUNTS);
    assertThat(Role.PANEL_MEMBER.permissions())
        .contains(Permission.RECORD_PANEL_VIEW, Permission.READ_CASES)
        .doesNotContain(Permission.NOTIFY, Permission.MANAGE_CASES, Permission.EXPORT);
    assertThat(Role.PANEL_SECRETARIAT.permissions())
        .isEqualTo(EnumSet.complementOf(EnumSet.of(Permission.MANAGE_ACCOUNTS)));
    for (Role role : Role.values()) {
      if (role != Role.ADMIN) {
        assertThat(role.can(Permission.MANAGE_ACCOUNTS)).as(role.name()).isFalse();
      }
    }
    assertThat(Role.LA_NOTIFIER.scope()).isEqualTo(Role.Scope.LOCAL_AUTHORITIES);
    assertThat(Role.PARTNERSHIP.scope()).isEqualTo(Role.Scope.PARTNERSHIP);
    assertThat(Role.ADMIN.scope()).isEqualTo(Role.Scope.NONE);
  }
}
