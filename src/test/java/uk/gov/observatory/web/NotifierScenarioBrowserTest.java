package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.gov.observatory.ObservatoryApplication;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.support.Browser;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * The local-authority notifier's day, in real Chromium, keyboard only, axe on every page: a
 * notifier of one authority (Leeds) is asked no authority question, fills the first pages, signs
 * out; the APPLICATION RESTARTS (its Spring context closed and a new one started on the same data
 * folder and its embedded PostgreSQL, as {@code serve} restarts); they sign in again, find the
 * draft under "Your drafts", continue with everything kept, are told the notification is late and
 * give a reason, have a blank date refused, send, and find the notification by its reference.
 *
 * <p>The application is started here, not by {@code @SpringBootTest}, so that it can be stopped and
 * started again within the one test on the same data folder and port (the browser's session cookie
 * and tab stay as a person's would).
 */
class NotifierScenarioBrowserTest {

  @TempDir Path dataDir;

  private ConfigurableApplicationContext app;
  private Browser b;
  private WebDriver driver;

  private ConfigurableApplicationContext start(int port) {
    // Command-line properties win over the tests' configuration: this is about the embedded
    // database kept in --data-dir, as a restart of `serve` finds it.
    return new SpringApplicationBuilder(ObservatoryApplication.class, TestClock.class)
        .web(WebApplicationType.SERVLET)
        .run(
            "--server.port=" + port,
            "--observatory.database.ephemeral=false",
            "--observatory.data-dir=" + dataDir,
            "--spring.datasource.url=");
  }

  @AfterEach
  void stop() throws Exception {
    if (b != null) {
      b.close();
    }
    if (app != null) {
      app.close();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  // ---- keyboard steps beyond Browser's ----

  private void waitForNewPage() {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(WebDriverException.class)
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return window.__observatoryOldPage === undefined"
                                + " && document.readyState === 'complete';")));
  }

  /** Presses Enter where the focus is (submitting its form), and waits for the next page. */
  private void enter() {
    ((JavascriptExecutor) driver).executeScript("window.__observatoryOldPage = true;");
    driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    waitForNewPage();
  }

  /** Tabs from the top of the page to the button or link with this text, and presses Enter. */
  private void keyButton(String text) {
    b.focusStart();
    for (int i = 0; i < 200; i++) {
      WebElement active = driver.switchTo().activeElement();
      String tag = active.getTagName();
      if (("button".equals(tag) || "a".equals(tag)) && active.getText().strip().startsWith(text)) {
        enter();
        return;
      }
      active.sendKeys(Keys.TAB);
    }
    throw new AssertionError("no button or link '" + text + "' reached by Tab");
  }

  /** Chooses the n-th radio of a group: Tab to the group, Space, then the arrow keys. */
  private void keyChooseNth(String name, int n) {
    b.keyChoose(name);
    for (int i = 1; i < n; i++) {
      driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
    }
  }

  private void keySignIn(TestAccounts.Person person, String code) {
    b.get("/sign-in");
    b.assertAccessible("sign-in");
    b.keyType("username", person.username());
    b.keyType("password", TestAccounts.PASSWORD);
    enter();
    b.assertAccessible("authenticator code");
    b.keyType("code", code);
    enter();
    assertThat(driver.getCurrentUrl()).doesNotContain("/sign-in");
  }

  private String errorSummary() {
    return driver.findElement(By.cssSelector(".govuk-error-summary")).getText();
  }

  @Test
  void aDraftSurvivesSignOutAndARestartAndIsSentLateWithAReasonThenFoundByReference()
      throws Exception {
    int port = freePort();
    app = start(port);
    TestAccounts.Person leeds =
        TestAccounts.create(
            app.getBean(Accounts.class), "leeds.scenario", Role.LA_NOTIFIER, "E08000035");
    b = Browser.open("http://localhost:" + port);
    driver = b.driver();

    keySignIn(leeds, leeds.code());
    b.get("/");
    b.assertAccessible("start page");
    keyButton("Start now");

    // One authority: no question; the journey starts at the dates, for Leeds, no other offered.
    assertThat(driver.getCurrentUrl()).endsWith("/notify/dates");
    assertThat(driver.findElements(By.id("laCode"))).isEmpty();
    assertThat(driver.findElements(By.tagName("option"))).isEmpty();
    assertThat(driver.findElement(By.id("authority")).getText()).isEqualTo("Leeds");
    assertThat(driver.getPageSource()).doesNotContain("Barnet").doesNotContain("Westminster");
    b.assertAccessible("dates");

    // A blank date is refused with a message, never taken as today.
    keyButton("Continue");
    assertThat(driver.getTitle()).startsWith("Error: ");
    assertThat(errorSummary())
        .contains("Enter the date of the incident")
        .contains("Enter the date the local authority became aware of the incident");
    b.assertAccessible("dates with errors");

    // Aware Tuesday 3 November 2026; today is Thursday 26 November: 17 working days, late.
    b.keyDate("incidentDate", LocalDate.of(2026, 11, 2));
    b.keyDate("awareDate", LocalDate.of(2026, 11, 3));
    keyButton("Continue");
    assertThat(driver.getCurrentUrl()).endsWith("/notify/late");
    assertThat(driver.findElement(By.id("lateness-warning")).getText())
        .contains(
            "This notification is 17 working days after the local authority became aware of the"
                + " incident; the duty is 5 working days.");
    b.assertAccessible("why late");
    keyButton("Continue");
    assertThat(errorSummary()).contains("Enter why the notification is later than 5 working days");
    b.assertAccessible("why late with an error");
    b.keyType("lateReason", "The hospital told us only on 3 November and the team was short.");
    keyButton("Continue");

    // Type and category, then the first child.
    assertThat(b.h1()).isEqualTo("What type of incident is it?");
    b.assertAccessible("type");
    keyChooseNth("notificationType", 1); // Death
    keyButton("Continue");
    assertThat(b.h1()).isEqualTo("Which category of death is it?");
    b.assertAccessible("category");
    keyChooseNth("category", 8); // Sudden Unexpected Death in Infancy (SUDI)
    keyButton("Continue");
    assertThat(b.h1()).isEqualTo("Add details of child 1");
    b.assertAccessible("child 1");
    keyChooseNth("gender", 2); // Female
    b.keyType("ageYears", "0");
    b.keyType("childName", "Synthetic Restart Child");
    keyButton("Continue");
    assertThat(b.h1()).isEqualTo("You have added 1 child");
    b.assertAccessible("children");

    // Signs out, and the application restarts.
    keyButton("Sign out");
    b.assertAccessible("signed out");
    app.close();
    app = null;
    app = start(port);

    // Signs in again: the draft is under "Your drafts", without the child's name.
    keySignIn(leeds, leeds.code(TestClock.NOW, 1));
    b.get("/");
    keyButton("Your drafts");
    assertThat(b.h1()).isEqualTo("Your drafts");
    String drafts = driver.findElement(By.id("drafts")).getText();
    assertThat(drafts)
        .contains("1 draft")
        .contains("Leeds")
        .contains("Death")
        .contains("26 December 2026")
        .doesNotContain("Synthetic Restart Child");
    b.assertAccessible("your drafts");
    b.keyPress("continue-1");

    // Everything kept: the child, and on to the end.
    assertThat(b.h1()).isEqualTo("You have added 1 child");
    keyChooseNth("addAnother", 2); // No
    keyButton("Continue");
    assertThat(b.h1()).isEqualTo("Case characteristics");
    b.assertAccessible("characteristics");
    keyButton("Continue");
    assertThat(b.h1()).isEqualTo("Service involvement");
    b.assertAccessible("service involvement");
    keyChooseNth("cscInvolvement", 1);
    keyChooseNth("courtOrder", 1);
    keyChooseNth("livingArrangement", 1);
    keyButton("Continue");
    assertThat(b.h1()).isEqualTo("Other factors");
    // A 2026 incident: no COVID-19 question.
    assertThat(driver.findElements(By.name("covidFactors"))).isEmpty();
    b.assertAccessible("other factors");
    keyButton("Continue");

    assertThat(b.h1()).isEqualTo("Check your answers before sending your notification");
    String answers = b.main();
    assertThat(answers)
        .contains("Leeds")
        .contains("2 November 2026")
        .contains("3 November 2026")
        .contains("26 November 2026 (today, when you send it)")
        .contains("17 (late: the duty is 5 working days)")
        .contains("The hospital told us only on 3 November and the team was short.")
        .contains("Synthetic Restart Child")
        .contains("Sudden Unexpected Death in Infancy (SUDI)")
        .contains("This draft will be deleted on 26 December 2026 if it is not sent.");
    b.assertAccessible("check your answers");
    keyButton("Send notification");

    assertThat(driver.findElement(By.cssSelector(".govuk-panel__title")).getText())
        .isEqualTo("Notification sent");
    String ref = driver.findElement(By.id("notification-ref")).getText();
    assertThat(ref).matches("SIN-2026-\\d{5}");
    assertThat(driver.findElement(By.id("late-reason")).getText())
        .isEqualTo("The hospital told us only on 3 November and the team was short.");
    b.assertAccessible("confirmation");

    // Sent: no longer a draft.
    b.get("/notify/drafts");
    assertThat(driver.findElement(By.id("no-drafts")).getText()).isEqualTo("You have no drafts.");
    b.assertAccessible("no drafts");

    // Found by its reference from the start page (typed in lower case).
    b.get("/");
    b.keyType("ref", ref.toLowerCase());
    b.keyPress("find");
    assertThat(driver.getCurrentUrl()).endsWith("/notifications/" + ref);
    assertThat(b.h1()).isEqualTo(ref);
    b.assertAccessible("the notification");
    // And a reference that is not there says so, on the register.
    b.get("/notifications");
    b.keyType("ref", "SIN-2026-99999");
    b.keyPress("find");
    assertThat(errorSummary())
        .contains("There is no notification with reference SIN-2026-99999 that you can see");
    b.assertAccessible("register, not found");
  }
}
