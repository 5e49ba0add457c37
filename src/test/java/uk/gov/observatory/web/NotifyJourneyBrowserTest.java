package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.support.Browser;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * Walks the whole "Notify a serious incident" journey in real headless Chromium, as a person would
 * with a keyboard, and runs axe on every page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class NotifyJourneyBrowserTest {

  @LocalServerPort int port;
  @Autowired Accounts accounts;

  private Browser browser;
  private WebDriver driver;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = Browser.open("http://localhost:" + port);
    driver = browser.driver();
  }

  @AfterEach
  void stopBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void assertAccessible(String page) {
    browser.assertAccessible(page);
  }

  private void continueButton() {
    submitWith(driver.findElement(By.xpath("//main//button[normalize-space()='Continue']")));
  }

  private void submitWith(WebElement element) {
    browser.submitWith(element);
  }

  private void choose(String name, String value) {
    browser.choose(name, value);
  }

  private void type(String id, String text) {
    browser.type(id, text);
  }

  private void date(String prefix, String day, String month, String year) {
    type(prefix + "-day", day);
    type(prefix + "-month", month);
    type(prefix + "-year", year);
  }

  private String errorSummary() {
    List<WebElement> summaries = driver.findElements(By.cssSelector(".govuk-error-summary"));
    assertThat(summaries)
        .as(
            () ->
                "an error summary on "
                    + driver.getCurrentUrl()
                    + ":\n"
                    + driver.findElement(By.tagName("main")).getText())
        .hasSize(1);
    return summaries.get(0).getText();
  }

  private String h1() {
    return driver.findElement(By.tagName("h1")).getText();
  }

  @Test
  void notifyingAnIncidentFromStartToRegister() {
    // Start page
    driver.get(url("/"));
    assertThat(driver.getTitle()).contains("Observatory – GOV.UK");
    assertAccessible("start page");
    submitWith(driver.findElement(By.linkText("Start now")));

    // Signing in: the journey needs a signed-in notifier, so the service asks first
    // A notifier of two authorities is asked which (one of one authority is not asked at all).
    TestAccounts.Person notifier =
        TestAccounts.create(
            accounts, "westminster.notifier", Role.LA_NOTIFIER, "E09000033", "E09000007");
    assertThat(driver.getCurrentUrl()).endsWith("/sign-in");
    assertAccessible("sign-in");
    driver.findElement(By.id("username")).sendKeys("westminster.notifier");
    driver.findElement(By.id("password")).sendKeys("not the password at all");
    continueButton();
    assertThat(driver.getTitle()).startsWith("Error: ");
    assertThat(driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("Enter a correct username and password");
    assertAccessible("sign-in with an error");
    driver.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
    continueButton();
    // First sign-in: the QR code to set up the authenticator app
    assertThat(driver.getCurrentUrl()).endsWith("/sign-in/set-up");
    assertThat(driver.findElement(By.id("qr")).getAttribute("src"))
        .startsWith("data:image/png;base64,");
    assertThat(driver.findElement(By.id("secret")).getText().replace(" ", ""))
        .isEqualTo(notifier.secret());
    assertAccessible("authenticator set-up");
    String wrong = String.format("%06d", (Integer.parseInt(notifier.code()) + 1) % 1_000_000);
    driver.findElement(By.id("code")).sendKeys(wrong);
    submitWith(driver.findElement(By.xpath("//main//button[normalize-space()='Sign in']")));
    assertThat(driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("Enter the current code from your app");
    assertAccessible("authenticator code with an error");
    driver.findElement(By.id("code")).clear();
    driver.findElement(By.id("code")).sendKeys(notifier.code());
    submitWith(driver.findElement(By.xpath("//main//button[normalize-space()='Sign in']")));

    // Local authority: continue without an answer shows the error summary
    assertThat(driver.getCurrentUrl()).endsWith("/notify/local-authority");
    assertThat(driver.getTitle())
        .isEqualTo(
            "Which local authority is notifying the Panel? – Notify a serious incident – Observatory – GOV.UK");
    assertAccessible("local authority");
    continueButton();
    assertThat(driver.getTitle()).startsWith("Error: ");
    WebElement summary = driver.findElement(By.cssSelector(".govuk-error-summary"));
    assertThat(summary.getText())
        .contains("There is a problem")
        .contains("Select the local authority");
    WebElement link = summary.findElement(By.cssSelector(".govuk-error-summary__list a"));
    assertThat(link.getAttribute("href")).endsWith("#laCode");
    assertThat(driver.findElements(By.id("laCode"))).hasSize(1);
    assertThat(driver.findElement(By.id("laCode-error")).getText().replaceAll("\\s+", " "))
        .isEqualTo("Error: Select the local authority");
    assertAccessible("local authority with an error");
    link.click();
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("laCode");
    new Select(driver.findElement(By.id("laCode"))).selectByVisibleText("Westminster");
    continueButton();

    // Dates: first a date that is not real, then the real ones (the Panel is notified today,
    // Thursday 26 November 2026, when it is sent)
    assertThat(h1()).isEqualTo("When did the incident happen?");
    assertAccessible("dates");
    date("incidentDate", "31", "2", "2020");
    continueButton();
    assertThat(errorSummary())
        .contains("Date of the incident must be a real date")
        .contains("Enter the date the local authority became aware of the incident");
    assertAccessible("dates with errors");
    date("incidentDate", "19", "11", "2026");
    date("awareDate", "20", "11", "2026");
    continueButton();

    // Type and category
    assertThat(h1()).isEqualTo("What type of incident is it?");
    assertAccessible("type");
    choose("notificationType", "DEATH");
    continueButton();
    assertThat(h1()).isEqualTo("Which category of death is it?");
    assertAccessible("category");
    choose("category", "SUDI");
    continueButton();

    // First child
    assertThat(h1()).isEqualTo("Add details of child 1");
    assertAccessible("child 1");
    choose("gender", "FEMALE");
    type("ageYears", "4");
    type("childName", "Synthetic Browser Child");
    continueButton();
    assertThat(h1()).isEqualTo("You have added 1 child");
    assertAccessible("children summary");
    continueButton();
    assertThat(errorSummary()).contains("Select yes if you need to add another child");
    choose("addAnother", "yes");
    continueButton();

    // Second child, with an age out of range first
    assertThat(h1()).isEqualTo("Add details of child 2");
    choose("gender", "MALE");
    type("ageYears", "19");
    new Select(driver.findElement(By.id("ethnicity"))).selectByVisibleText("White British");
    continueButton();
    assertThat(errorSummary())
        .contains("Age is out of range: a whole number of years from 0 to 17");
    assertThat(
            driver.findElement(By.cssSelector(".govuk-error-summary__list a")).getAttribute("href"))
        .endsWith("#ageYears");
    assertAccessible("child 2 with an error");
    type("ageYears", "6");
    continueButton();
    assertThat(h1()).isEqualTo("You have added 2 children");
    assertThat(driver.findElement(By.id("children-list")).getText())
        .contains("Child 1")
        .contains("Child 2")
        .contains("White British");
    choose("addAnother", "no");
    continueButton();

    // Characteristics with the conditional reveal
    assertThat(h1()).isEqualTo("Case characteristics");
    assertAccessible("characteristics");
    assertThat(driver.findElement(By.id("domesticAbusePattern")).isDisplayed()).isFalse();
    choose("caseCharacteristics", "DOMESTIC_ABUSE");
    assertThat(driver.findElement(By.id("domesticAbusePattern")).isDisplayed()).isTrue();
    new Select(driver.findElement(By.id("domesticAbusePattern")))
        .selectByVisibleText("Father to mother");
    choose("caseCharacteristics", "PARENTAL_DRUG_MISUSE");
    assertAccessible("characteristics with the reveal open");
    continueButton();

    // Service involvement
    assertThat(h1()).isEqualTo("Service involvement");
    assertAccessible("service involvement");
    continueButton();
    assertThat(errorSummary())
        .contains("Select the involvement of children's social care")
        .contains("Select the court order, or None")
        .contains("Select where the children were living");
    assertAccessible("service involvement with errors");
    choose("cscInvolvement", "CHILD_IN_NEED");
    choose("courtOrder", "NONE");
    choose("livingArrangement", "AT_HOME");
    continueButton();

    // IMD decile (optional); no COVID-19 factors for a 2026 incident
    assertThat(h1()).isEqualTo("Other factors");
    assertThat(driver.findElements(By.name("covidFactors"))).isEmpty();
    assertAccessible("other factors");
    new Select(driver.findElement(By.id("imdDecile"))).selectByVisibleText("3");
    continueButton();

    // Check your answers
    assertThat(h1()).isEqualTo("Check your answers before sending your notification");
    assertThat(driver.findElements(By.cssSelector(".govuk-error-summary"))).isEmpty();
    String answers = driver.findElement(By.tagName("main")).getText();
    assertThat(answers)
        .contains("Westminster")
        .contains("Sudden Unexpected Death in Infancy (SUDI)")
        .contains("19 November 2026")
        .contains("20 November 2026")
        .contains("26 November 2026 (today, when you send it)")
        .contains("Child 2")
        .contains("Parental drug misuse, Domestic abuse")
        .contains("Father to mother")
        .contains("Child in Need");
    assertAccessible("check your answers");
    submitWith(
        driver.findElement(By.xpath("//main//button[normalize-space()='Send notification']")));

    // Confirmation
    assertThat(driver.findElement(By.cssSelector(".govuk-panel__title")).getText())
        .isEqualTo("Notification sent");
    String ref = driver.findElement(By.id("notification-ref")).getText();
    assertThat(ref).matches("SIN-\\d{4}-\\d{5}");
    Matcher m = Pattern.compile("/notify/confirmation/(.+)$").matcher(driver.getCurrentUrl());
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).isEqualTo(ref);
    // Notified Thursday 26 November 2026; 15 working days: 27 Nov, 30 Nov-4 Dec, 7-11, 14-17 Dec.
    String due = "17 December 2026";
    String dueOnConfirmation = driver.findElement(By.id("rapid-review-due")).getText();
    assertAccessible("confirmation");

    // The draft is cleared: a later page goes back to the first question
    driver.get(url("/notify/check"));
    assertThat(driver.getCurrentUrl()).endsWith("/notify/local-authority");

    // Register lists it
    driver.get(url("/notifications"));
    assertThat(driver.findElement(By.cssSelector("table caption")).getText())
        .isEqualTo("1 notification");
    WebElement row =
        driver.findElement(By.xpath("//tbody/tr[td/a[normalize-space()='" + ref + "']]"));
    assertThat(row.getText())
        .contains("Westminster")
        .contains("19 November 2026")
        .contains("26 November 2026")
        .contains("Death");
    assertAccessible("register");
    driver.get(url("/notifications?from=not-a-date"));
    assertThat(errorSummary()).contains("Notified from must be a real date");
    assertAccessible("register with a bad filter");
    driver.get(url("/notifications"));
    submitWith(driver.findElement(By.linkText(ref)));

    // Notification page
    assertThat(h1()).isEqualTo(ref);
    String page = driver.findElement(By.tagName("main")).getText();
    assertThat(driver.findElement(By.id("working-days")).getText()).isEqualTo("4");
    // aware Friday 20 November: 23, 24, 25, 26 November
    assertThat(page)
        .contains("Met")
        .contains("shown only when you ask")
        .doesNotContain("Synthetic Browser Child")
        .contains("Female")
        .contains("6 years");
    String dueOnNotificationPage = driver.findElement(By.id("rapid-review-due")).getText();
    assertAccessible("notification page");
    submitWith(driver.findElement(By.id("show-identifying-details")));
    assertThat(h1()).isEqualTo(ref);
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("Synthetic Browser Child")
        .contains("Your viewing of them has been recorded");
    assertAccessible("notification page with identifying details");

    // Analytics: the notifier's own authority's headline figures for the incident's year
    driver.get(url("/analytics?from=2026-01-01&to=2026-11-26"));
    assertThat(h1()).isEqualTo("Headline figures");
    assertThat(driver.findElement(By.id("h-notifications")).getText()).isEqualTo("1");
    assertThat(driver.findElement(By.id("h-children")).getText()).isEqualTo("2");
    assertAccessible("analytics");
    driver.get(url("/analytics?from=2020-13-01"));
    assertThat(errorSummary()).contains("The start of the period must be a real date");
    assertAccessible("analytics with an error");
    driver.get(url("/analytics/tables?from=2026-01-01&to=2026-11-26&asAt=2026-11-26"));
    assertThat(driver.findElement(By.id("table-H")).getText()).contains("Notifications");
    assertAccessible("the report's tables");
    driver.get(url("/analytics/tables?from=2026-01-01&to=2026-11-26&asAt=2026-11-26&suppress=yes"));
    // The notifier's one notification of 2026 is a count of 1: published as c.
    assertThat(driver.findElement(By.id("table-H")).getText()).contains("Notifications c");
    assertAccessible("the report's tables for publication");

    // An unknown notification
    driver.get(url("/notifications/SIN-2099-99999"));
    assertThat(h1()).isEqualTo("Page not found");
    assertAccessible("page not found");

    // Checked last, so that every page above is exercised even if the calendar is wrong.
    assertThat(dueOnConfirmation)
        .as("rapid review due date on the confirmation page")
        .isEqualTo(due);
    assertThat(dueOnNotificationPage)
        .as("rapid review due date on the notification page")
        .isEqualTo(due);
  }
}
