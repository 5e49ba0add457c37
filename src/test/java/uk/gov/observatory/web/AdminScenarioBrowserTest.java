package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.PasswordCheck;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.support.Browser;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * The administrator's day in real headless Chromium, by keyboard only, with axe on every page:
 * signs in and lands on Accounts, finds a locked account, unlocks it, resets its password (a
 * one-time code), changes its role; the person then signs in with the code and a new password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class AdminScenarioBrowserTest {

  static final String NEW_PASSWORD = "copper lantern orbit meadow";

  @LocalServerPort int port;
  @Autowired Accounts accounts;

  @Test
  @DisplayName(
      "the admin lands on Accounts, unlocks a locked account, resets its password and changes its"
          + " role, by keyboard; the person signs in with the one-time code and a new password")
  void adminsDay() throws Exception {
    TestAccounts.Person ada = TestAccounts.create(accounts, "ada.admin", Role.ADMIN);
    TestAccounts.Person lee =
        TestAccounts.create(accounts, "lee.notifier", Role.LA_NOTIFIER, "E08000035");
    TestAccounts.create(accounts, "kim.inspector", Role.INSPECTOR);
    // Lee is locked out after five wrong passwords.
    for (int i = 0; i < 5; i++) {
      accounts.verifyPassword("lee.notifier", "wrong password " + i);
    }
    assertThat(accounts.verifyPassword("lee.notifier", TestAccounts.PASSWORD))
        .isEqualTo(PasswordCheck.LOCKED);

    String code;
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.get("/sign-in");
      b.assertAccessible("sign-in");
      b.keyType("username", "ada.admin");
      b.keyType("password", TestAccounts.PASSWORD);
      b.keyPress("continue");
      assertThat(b.h1()).isEqualTo("Set up your authenticator app");
      b.assertAccessible("set up the authenticator app");
      b.keyType("code", ada.code());
      b.keyPress("sign-in");

      // Lands on Accounts, signed in, with Accounts in the menu.
      assertThat(b.driver().getCurrentUrl()).endsWith("/accounts");
      assertThat(b.h1()).isEqualTo("Accounts");
      assertThat(b.driver().findElement(By.cssSelector(".govuk-service-navigation")).getText())
          .contains("Accounts")
          .contains("Sign out")
          .doesNotContain("Sign in");
      b.assertAccessible("accounts");

      b.keyType("q", "lee");
      b.keyPress("find");
      assertThat(b.driver().findElement(By.id("accounts")).getText())
          .contains("lee.notifier")
          .contains("Locked")
          .doesNotContain("kim.inspector");
      b.assertAccessible("accounts found");

      b.keyPress("account-lee.notifier");
      assertThat(b.h1()).isEqualTo("lee.notifier");
      assertThat(b.main()).contains("Too many failed sign-ins (5)");
      b.assertAccessible("a locked account");

      b.keyPress("unlock");
      assertThat(b.h1()).isEqualTo("Unlock this account");
      b.assertAccessible("unlock: confirm");
      b.keyPress("confirm");
      assertThat(b.main()).contains("The account lee.notifier is unlocked");
      assertThat(b.driver().findElement(By.id("status")).getText()).isEqualTo("Active");
      b.assertAccessible("account unlocked");

      b.keyPress("reset-password");
      assertThat(b.h1()).isEqualTo("Reset this account's password");
      b.assertAccessible("reset password: confirm");
      b.keyPress("confirm");
      assertThat(b.h1()).isEqualTo("Password reset");
      code = b.driver().findElement(By.id("set-up-code")).getText().strip();
      assertThat(code).matches("[a-z0-9]{4}(-[a-z0-9]{4}){3}");
      b.assertAccessible("password reset: the one-time code");

      b.keyPress("to-account");
      b.keyPress("change");
      assertThat(b.h1()).isEqualTo("Change the role or local authorities");
      b.assertAccessible("change the role");
      // The radios are one group: Tab reaches the chosen one, the arrow keys move the choice.
      b.focusStart();
      b.tabTo("role").sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
      assertThat(b.driver().findElement(By.id("role-PANEL_MEMBER")).isSelected()).isTrue();
      b.keyPress("save");
      assertThat(b.driver().findElement(By.cssSelector(".govuk-error-summary")).getText())
          .contains("Leave local authorities empty");
      b.assertAccessible("change the role: an error");
      b.keyType("authorities", "");
      b.keyPress("save");
      assertThat(b.main()).contains("The account lee.notifier is now Panel member");
      assertThat(b.driver().findElement(By.id("role")).getText()).isEqualTo("Panel member");
      b.assertAccessible("role changed");
    }

    // Lee signs in with the one-time code and chooses a new password.
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.get("/sign-in");
      b.keyType("username", "lee.notifier");
      b.keyType("password", code);
      b.keyPress("continue");
      assertThat(b.h1()).isEqualTo("Choose your password");
      b.assertAccessible("choose your password");
      b.keyType("password", NEW_PASSWORD);
      b.keyType("password-again", NEW_PASSWORD);
      b.keyPress("choose");
      assertThat(b.h1()).isEqualTo("Set up your authenticator app");
      b.keyType("code", lee.code());
      b.keyPress("sign-in");
      assertThat(b.driver().getCurrentUrl()).endsWith("/notifications");
    }
    assertThat(accounts.verifyPassword("lee.notifier", NEW_PASSWORD))
        .isEqualTo(PasswordCheck.ACCEPTED);
  }
}
