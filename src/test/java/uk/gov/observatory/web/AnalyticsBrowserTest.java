package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
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
 * The analytics pages in real headless Chromium: every section (and all the tables) passes axe with
 * and without disclosure control, each chart is an image with an accessible name and its figures in
 * the table right after it; a keyboard-only person chooses a region and "for publication" and moves
 * between sections; two periods are compared (and a wrong date is a clear, linked error); and an
 * authority's notifier counts only its own notifications. Counts are those seeded here, by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class AnalyticsBrowserTest {

  static final String WESTMINSTER = "E09000033"; // London, E12000007
  static final String LEEDS = "E08000035"; // Yorkshire and The Humber, E12000003
  static final String PERIOD = "from=2020-01-01&to=2020-12-31&asAt=2021-03-31";

  /** Each section's code, its h1, and the tables in it that have a chart. */
  record Expected(String code, String title, List<String> charted) {}

  static final List<Expected> PAGES =
      List.of(
          new Expected("children", "The children", List.of("T1", "A1", "IMD1")),
          new Expected("incidents", "What happened", List.of("T2", "T3")),
          new Expected("families", "What was known of families and services", List.of()),
          new Expected("timeliness", "Timeliness of rapid reviews", List.of("T6")),
          new Expected("decisions", "Decisions, the Panel’s view and themes", List.of("D1", "TH1")),
          new Expected("lcsprs", "Local reviews and yearly reports", List.of("L1")),
          new Expected("authorities", "Local authorities", List.of("LA1")),
          new Expected(
              "",
              "The report’s tables",
              List.of("T1", "T2", "T3", "T6", "D1", "L1", "A1", "LA1", "IMD1", "TH1")));

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;

  private Browser browser;
  private WebDriver driver;

  @BeforeEach
  void seedAndOpen() throws Exception {
    // 2020: Westminster 3 deaths (SUDI), Leeds 1 death and 2 serious harm. 2019: Westminster 1.
    for (int i = 0; i < 3; i++) {
      register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2020, 3, 2 + i), 2, 1));
    }
    register.notify(Submissions.of(LEEDS, "DEATH", LocalDate.of(2020, 5, 4), 2, 1));
    register.notify(Submissions.of(LEEDS, "SERIOUS_HARM", LocalDate.of(2020, 6, 1), 2, 1));
    register.notify(Submissions.of(LEEDS, "SERIOUS_HARM", LocalDate.of(2020, 7, 1), 2, 2));
    register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2019, 7, 1), 2, 1));
    browser = Browser.open("http://localhost:" + port);
    driver = browser.driver();
  }

  @AfterEach
  void close() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  private TestAccounts.Person secretariat() {
    return TestAccounts.create(accounts, "an.secretariat", Role.PANEL_SECRETARIAT);
  }

  // ---- what a person does with the keyboard ----

  private WebElement active() {
    return driver.switchTo().activeElement();
  }

  private void keys(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  /** Presses Tab (or Shift+Tab) and returns the element that then has the focus. */
  private WebElement tab() {
    keys(Keys.TAB);
    return active();
  }

  private WebElement shiftTab() {
    new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    return active();
  }

  /** Tabs forward until the element with this id has the focus (failing after many). */
  private WebElement tabTo(String id) {
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      WebElement e = tab();
      if (id.equals(e.getAttribute("id"))) {
        return e;
      }
      seen.add(describe(e));
    }
    throw new AssertionError("Tab never reached #" + id + "; focus went through " + seen);
  }

  /** Tabs forward until a link with this text has the focus (failing after many). */
  private WebElement tabToLink(String text) {
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      WebElement e = tab();
      if ("a".equals(e.getTagName()) && text.equals(e.getText().strip())) {
        return e;
      }
      seen.add(describe(e));
    }
    throw new AssertionError("Tab never reached the link " + text + "; focus went through " + seen);
  }

  private static String describe(WebElement e) {
    String id = e.getAttribute("id");
    return e.getTagName()
        + (id == null || id.isEmpty() ? "" : "#" + id)
        + "["
        + e.getText().strip().lines().findFirst().orElse("")
        + "]";
  }

  /** Presses keys that load a new page (Enter on a link or button), and waits for it. */
  private void keysLoadingAPage(CharSequence... keys) {
    ((JavascriptExecutor) driver).executeScript("window.__observatoryOldPage = true;");
    keys(keys);
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

  /** Replaces the text of the focused field, as a person would: select all, then type. */
  private void retype(String text) {
    new Actions(driver)
        .keyDown(Keys.CONTROL)
        .sendKeys("a")
        .keyUp(Keys.CONTROL)
        .sendKeys(Keys.DELETE)
        .sendKeys(text)
        .perform();
  }

  /** Whether the focused element shows the GOV.UK focus state (yellow, #fd0). */
  private void assertFocusVisible(WebElement e) {
    String style =
        (String)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "const s = getComputedStyle(arguments[0]);"
                        + " return [s.outlineStyle, s.outlineColor, s.backgroundColor,"
                        + " s.boxShadow].join(' | ');",
                    e);
    assertThat(style).as("focus style of " + describe(e)).contains("rgb(255, 221, 0)");
  }

  // ---- what the pages show ----

  /** The text of the cells of a row (by its header's words) in a table by id. */
  @SuppressWarnings("unchecked")
  private List<String> row(String tableId, String rowWords) {
    Object cells =
        ((JavascriptExecutor) driver)
            .executeScript(
                "const t = document.getElementById(arguments[0]); if (!t) return null;"
                    + " for (const tr of t.querySelectorAll('tbody tr')) {"
                    + "  const th = tr.querySelector('th[scope=row]');"
                    + "  if (th && th.textContent.trim() === arguments[1])"
                    + "   return Array.from(tr.querySelectorAll('td')).map(td =>"
                    + " td.textContent.trim()); }"
                    + " return null;",
                tableId,
                rowWords);
    assertThat(cells).as("table " + tableId + " row " + rowWords + " on " + url()).isNotNull();
    return (List<String>) cells;
  }

  private String url() {
    return driver.getCurrentUrl();
  }

  /**
   * Every chart on the page is an image whose accessible name (from its title and description, by
   * aria-labelledby) is not empty; returns each chart's id and name.
   */
  private Map<String, String> charts() {
    Map<String, String> names = new LinkedHashMap<>();
    for (WebElement svg : driver.findElements(By.cssSelector("main svg"))) {
      String id = svg.findElement(By.tagName("title")).getAttribute("id");
      assertThat(svg.getAttribute("role")).as("role of the chart " + id).isEqualTo("img");
      String labelledBy = svg.getAttribute("aria-labelledby");
      assertThat(labelledBy).as("aria-labelledby of " + id).isNotBlank();
      for (String target : labelledBy.trim().split("\\s+")) {
        List<WebElement> found = driver.findElements(By.id(target));
        assertThat(found).as("the element #" + target + " naming the chart " + id).hasSize(1);
        assertThat(found.get(0).getAttribute("textContent")).as("text of #" + target).isNotBlank();
      }
      // What the browser exposes to assistive technology (Chromium says "image", ARIA 1.3's
      // synonym of img).
      assertThat(svg.getAriaRole()).as("computed role of " + id).isIn("img", "image");
      String name = svg.getAccessibleName();
      assertThat(name).as("accessible name of " + id).isNotBlank();
      names.put(id, name);
    }
    return names;
  }

  /**
   * For each charted table, its figure and then, next, its data table (inside the focusable region
   * that scrolls a wide table on a narrow screen).
   */
  private void assertTableAfterEachChart(List<String> charted) {
    for (String t : charted) {
      Object next =
          ((JavascriptExecutor) driver)
              .executeScript(
                  "const f = document.getElementById('figure-' + arguments[0]);"
                      + " if (!f || !f.querySelector('svg[role=img]')) return 'no figure';"
                      + " const n = f.nextElementSibling;"
                      + " if (!n) return 'nothing';"
                      + " const t = n.matches('div.app-table-scroll[tabindex=\"0\"]')"
                      + " ? n.firstElementChild : n;"
                      + " return t ? t.tagName.toLowerCase() + '#' + t.id : 'nothing';",
                  t);
      assertThat(next).as("what follows the chart of " + t).isEqualTo("table#table-" + t);
    }
  }

  @Test
  @DisplayName("every section and all the tables pass axe, charts named, tables after them")
  void everySectionAccessible() {
    browser.signIn(secretariat());
    for (boolean publication : new boolean[] {false, true}) {
      for (Expected page : PAGES) {
        browser.get(
            "/analytics/tables?"
                + PERIOD
                + (page.code().isEmpty() ? "" : "&section=" + page.code())
                + (publication ? "&suppress=yes" : ""));
        String what = (page.code().isEmpty() ? "all tables" : page.code()) + ", " + publication;
        assertThat(browser.h1()).as(what).isEqualTo(page.title());
        assertThat(driver.findElements(By.id("for-publication")))
            .as("the for-publication inset on " + what)
            .hasSize(publication ? 1 : 0);
        assertThat(driver.findElement(By.id("suppress")).isSelected()).isEqualTo(publication);
        Map<String, String> charts = charts();
        assertThat(charts.keySet())
            .as("charts on " + what)
            .containsExactlyInAnyOrderElementsOf(
                page.charted().stream().map(t -> "chart-" + t + "-title").toList());
        assertTableAfterEachChart(page.charted());
        browser.assertAccessible("analytics tables: " + what);
      }
    }
    // The name is the chart's title then its description, naming the largest figure.
    browser.get("/analytics/tables?" + PERIOD + "&section=incidents");
    assertThat(charts().get("chart-T2-title"))
        .startsWith("Deaths by category")
        .contains("Deaths: largest SUDI (4).");
    assertThat(row("table-T2", "SUDI")).containsExactly("4", "100.0");
  }

  @Test
  @DisplayName("by keyboard: a region, for publication, show, then a section")
  void keyboardOnly() {
    browser.signIn(secretariat());
    browser.get("/analytics/tables");
    assertThat(browser.h1()).isEqualTo("The report’s tables");

    // The fields in order, each taking the focus, each typed into.
    WebElement from = tabTo("from");
    assertFocusVisible(from);
    retype("2020-01-01");
    assertThat(tab().getAttribute("id")).isEqualTo("to");
    retype("2020-12-31");
    assertThat(tab().getAttribute("id")).isEqualTo("asAt");
    retype("2021-03-31");
    WebElement area = tab();
    assertThat(area.getAttribute("id")).isEqualTo("area");
    assertFocusVisible(area);
    // Typing on a closed select picks the first option starting with the words.
    keys("Yorkshire");
    assertThat(new Select(area).getFirstSelectedOption().getText())
        .isEqualTo("Yorkshire and The Humber");
    // Back and forth: Shift+Tab returns to the as-at date, Tab to the area again.
    assertThat(shiftTab().getAttribute("id")).isEqualTo("asAt");
    assertThat(tab().getAttribute("id")).isEqualTo("area");

    WebElement suppress = tab();
    assertThat(suppress.getAttribute("id")).isEqualTo("suppress");
    assertThat(suppress.isSelected()).isFalse();
    keys(Keys.SPACE);
    assertThat(suppress.isSelected()).isTrue();
    WebElement button = tab();
    assertThat(button.getTagName()).isEqualTo("button");
    assertThat(button.getText()).isEqualTo("Show the tables");
    assertFocusVisible(button);
    keysLoadingAPage(Keys.ENTER);

    assertThat(url()).contains("area=region%3AE12000003").contains("suppress=yes");
    assertThat(browser.h1()).isEqualTo("The report’s tables");
    assertThat(new Select(driver.findElement(By.id("area"))).getFirstSelectedOption().getText())
        .isEqualTo("Yorkshire and The Humber");
    assertThat(driver.findElement(By.id("suppress")).isSelected()).isTrue();
    assertThat(driver.findElement(By.id("for-publication")).getText())
        .startsWith("For publication:");
    assertThat(driver.findElements(By.cssSelector(".govuk-warning-text"))).isEmpty();
    assertThat(driver.findElement(By.id("from")).getAttribute("value")).isEqualTo("2020-01-01");

    // A section, by Tab and Enter, keeps the area and publication.
    WebElement link = tabToLink("Local authorities");
    assertFocusVisible(link);
    keysLoadingAPage(Keys.ENTER);
    assertThat(browser.h1()).isEqualTo("Local authorities");
    assertThat(url()).contains("section=authorities").contains("suppress=yes");
    assertThat(new Select(driver.findElement(By.id("area"))).getFirstSelectedOption().getText())
        .isEqualTo("Yorkshire and The Humber");
    assertThat(driver.findElement(By.id("for-publication")).isDisplayed()).isTrue();
    // Yorkshire and The Humber is Leeds alone: 3 notifications in 2020, not England's 6.
    assertThat(row("table-H", "Notifications")).containsExactly("3");
    assertThat(
            driver.findElement(By.cssSelector("nav.app-sections a[aria-current='page']")).getText())
        .isEqualTo("Local authorities");
    browser.assertAccessible("a section reached by keyboard");
  }

  @Test
  @DisplayName("compare two periods: figures by hand, a named chart, a focusable scroll region")
  void compare() {
    browser.signIn(secretariat());
    browser.get("/analytics/compare?table=H");
    assertThat(browser.h1()).isEqualTo("Compare two periods or areas");
    browser.type("from", "2020-01-01");
    browser.type("to", "2020-12-31");
    browser.type("from2", "2019-01-01");
    browser.type("to2", "2019-12-31");
    browser.type("asAt", "2021-03-31");
    WebElement compare =
        driver.findElement(By.xpath("//main//button[normalize-space()='Compare']"));
    tabTo("suppress");
    assertThat(tab()).isEqualTo(compare);
    keysLoadingAPage(Keys.ENTER);

    assertThat(driver.findElements(By.cssSelector(".govuk-error-summary"))).isEmpty();
    // 2020: 6 notifications, 4 deaths (Westminster 3, Leeds 1); 2019: Westminster's 1 death.
    assertThat(row("comparison", "Notifications")).containsExactly("6", "1");
    assertThat(row("comparison", "Death")).containsExactly("4", "1");
    List<String> headers =
        driver.findElements(By.cssSelector("#comparison thead th")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(headers).contains("Count, 2020, England", "Count, 2019, England");

    Map<String, String> charts = charts();
    assertThat(charts).containsOnlyKeys("chart-compare-H-title");
    assertThat(charts.get("chart-compare-H-title")).startsWith("Headline figures");

    // The table's scroll region takes the focus by Tab, straight after the button (the chart is
    // not focusable), and is named by the table's caption.
    tabTo("suppress");
    assertThat(tab().getText()).isEqualTo("Compare");
    WebElement region = tab();
    assertThat(region.getAttribute("class")).contains("app-table-scroll");
    assertThat(region.getAttribute("tabindex")).isEqualTo("0");
    assertThat(region.getAriaRole()).isEqualTo("region");
    assertThat(region.getAccessibleName()).isEqualTo("Headline figures: figures for both");
    browser.assertAccessible("comparison");

    // A wrong date: the summary, linking to the field, which takes the focus.
    browser.get(
        "/analytics/compare?table=H&from=2020-01-01&to=2020-12-31"
            + "&from2=2019-01-01&to2=2019-13-01&asAt=2021-03-31");
    assertThat(driver.getTitle()).startsWith("Error: ");
    WebElement summary = driver.findElement(By.cssSelector(".govuk-error-summary"));
    assertThat(summary.getText())
        .contains("There is a problem")
        .contains("The end of the period must be a real date");
    assertThat(driver.findElement(By.id("to2-error")).getText())
        .contains("The end of the period must be a real date");
    assertThat(driver.findElement(By.id("to2")).getAttribute("aria-describedby"))
        .isEqualTo("to2-error");
    assertThat(driver.findElements(By.id("comparison"))).isEmpty();
    browser.assertAccessible("comparison with an error");
    WebElement link =
        summary.findElement(By.partialLinkText("The end of the period must be a real date"));
    assertThat(link.getAttribute("href")).endsWith("#to2");
    // GOV.UK Frontend focuses the summary on load; Tab reaches its link, Enter moves to the field.
    WebElement first = active();
    for (int i = 0; i < 40 && !first.equals(link); i++) {
      first = tab();
    }
    assertThat(first).as("the summary's link takes the focus by Tab").isEqualTo(link);
    assertFocusVisible(link);
    keys(Keys.ENTER);
    assertThat(active().getAttribute("id")).isEqualTo("to2");
    assertThat(active().getAttribute("value")).isEqualTo("2019-13-01");
  }

  @Test
  @DisplayName("an authority's notifier sees only its own counts")
  void notifierSeesOwn() {
    browser.signIn(TestAccounts.create(accounts, "an.leeds", Role.LA_NOTIFIER, LEEDS));
    browser.get("/analytics/tables?" + PERIOD + "&section=incidents");
    assertThat(browser.h1()).isEqualTo("What happened");
    // Leeds in 2020: 1 death (SUDI) and 2 serious harm; Westminster's 3 deaths are not counted.
    assertThat(row("table-T2", "SUDI")).containsExactly("1", "100.0");
    assertThat(row("table-T2", "Total")).containsExactly("1", "100.0");
    assertThat(row("table-T3", "Total").get(0)).isEqualTo("2");
    assertThat(charts().get("chart-T2-title")).contains("Deaths: largest SUDI (1).");
    browser.assertAccessible("a notifier's section");
    browser.get("/analytics/tables?" + PERIOD + "&section=authorities");
    assertThat(row("table-H", "Notifications")).containsExactly("3");
    assertThat(row("table-H", "Death")).containsExactly("1");
  }
}
