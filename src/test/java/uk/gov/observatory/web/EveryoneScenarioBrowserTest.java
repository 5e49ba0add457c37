package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.Browser;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * Everyone's day around the pages (issue 15), in Chromium 320 pixels wide, by keyboard only: the
 * public start page and the footer's pages, signing in, the secretariat's register, analytics and
 * audit log with no page scrolling sideways and no axe violation, and a forbidden page that says
 * "You do not have access to this page" with the header still signed in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class EveryoneScenarioBrowserTest {

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;

  /**
   * Visits a page and checks it at this width: no sideways scroll of the page, no axe violation.
   */
  private static void fits(Browser b, String path, String what) {
    b.get(path);
    assertThat(b.scrollsSideways())
        .as(what + " scrolls sideways at 320 px: " + b.widerThanTheWindow())
        .isFalse();
    b.assertAccessible(what + " at 320 px");
  }

  /**
   * Presses Enter in the focused field (a form's submit by keyboard) and waits for the next page.
   */
  private static void enter(Browser b) {
    JavascriptExecutor js = (JavascriptExecutor) b.driver();
    js.executeScript("window.__observatoryOldPage = true;");
    b.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
    new WebDriverWait(b.driver(), Duration.ofSeconds(20))
        .ignoring(WebDriverException.class)
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return window.__observatoryOldPage === undefined"
                                + " && document.readyState === 'complete';")));
  }

  /** Signs in by keyboard: the username, the password, Enter; the code, Enter. */
  private static void keySignIn(Browser b, TestAccounts.Person person) {
    b.get("/sign-in");
    b.keyType("username", person.username());
    b.keyType("password", TestAccounts.PASSWORD);
    enter(b);
    b.keyType("code", person.code());
    enter(b);
    assertThat(b.driver().getCurrentUrl()).doesNotContain("/sign-in");
  }

  @Test
  void everyPageFitsA320PixelScreenAndAForbiddenPageSaysSoSignedIn() throws Exception {
    register.notify(Submissions.death());
    register.notify(Submissions.seriousHarm());
    TestAccounts.Person secretariat =
        TestAccounts.create(accounts, "everyone.secretariat", Role.PANEL_SECRETARIAT);
    TestAccounts.Person partnership =
        TestAccounts.create(accounts, "everyone.partnership", Role.PARTNERSHIP, "E09000033");
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.width(320);
      // Signed out: the start page and the footer's pages, reached from the footer by keyboard.
      fits(b, "/", "start page");
      b.keyPress("footer-accessibility");
      assertThat(b.h1()).isEqualTo("Accessibility statement for Observatory");
      assertThat(b.scrollsSideways()).isFalse();
      b.assertAccessible("accessibility statement");
      fits(b, "/privacy", "privacy notice");
      fits(b, "/cookies", "cookies");
      fits(b, "/contact", "contact");

      // The secretariat, signed in by keyboard: the register, analytics, the audit log.
      keySignIn(b, secretariat);
      fits(b, "/notifications", "register");
      // a wide table scrolls inside its own region, which the keyboard reaches
      assertThat(
              b.driver()
                  .findElements(
                      By.cssSelector(".observatory-table-scroll[tabindex='0'][role='region']")))
          .isNotEmpty();
      fits(b, "/notifications?from=1/6/2020&to=30/06/2020", "register filtered by UK dates");
      fits(b, "/analytics?from=01/01/2020&to=31/12/2020", "analytics");
      fits(
          b,
          "/analytics/tables?from=2020-01-01&to=2020-12-31&asAt=2021-03-31&section=timeliness",
          "analytics tables");
      fits(b, "/audit", "audit log");
      assertThat(b.main()).contains("Signed in").doesNotContain("SIGN_IN_SUCCEEDED");
      fits(b, "/timeliness-periods", "timeliness periods");
      // (at 320 px the menu, with Sign out, is folded behind its button: signed out at full width)
      b.width(1280);
      b.keyPress("sign-out");
      b.width(320);

      // A partnership asks for the secretariat's audit log: told plainly, still signed in.
      keySignIn(b, partnership);
      b.get("/audit");
      assertThat(b.h1()).isEqualTo("You do not have access to this page");
      assertThat(b.main()).contains("ask your organisation's Observatory administrator");
      // the menu, folded at 320 px, opens by keyboard: who is signed in, and Sign out
      b.driver()
          .findElement(By.cssSelector(".govuk-service-navigation__toggle"))
          .sendKeys(Keys.ENTER);
      assertThat(b.driver().findElement(By.id("signed-in-as-header")).getText())
          .isEqualTo("Signed in as everyone.partnership");
      assertThat(b.driver().findElement(By.id("sign-out")).isDisplayed()).isTrue();
      assertThat(b.driver().findElements(By.linkText("Sign in"))).isEmpty();
      assertThat(b.scrollsSideways()).isFalse();
      b.assertAccessible("403 page at 320 px");
    }
  }
}
