package uk.gov.observatory.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with the steps a person takes (sign in, type,
 * choose, submit) and an axe-core check of the page. Never a downloaded browser: without
 * /usr/bin/chromium and /usr/bin/chromedriver the test is skipped, or fails on CI.
 */
public final class Browser implements AutoCloseable {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  private final String base;
  private final Path profile;
  private final ChromeDriverService service;
  private final WebDriver driver;

  private Browser(String base) throws Exception {
    this.base = base;
    profile = Files.createTempDirectory("observatory-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1024",
        "--user-data-dir=" + profile.toAbsolutePath());
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER)
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  /** A new browser for the app at {@code base} (e.g. http://localhost:8080). */
  public static Browser open(String base) throws Exception {
    boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    String message =
        "Browser test needs Debian's chromium and chromium-driver at "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + " (apt-get install -y chromium chromium-driver)";
    if (!present && "true".equals(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.assumeTrue(present, message);
    return new Browser(base);
  }

  public WebDriver driver() {
    return driver;
  }

  public void get(String path) {
    driver.get(base + path);
  }

  public String h1() {
    return driver.findElement(By.tagName("h1")).getText();
  }

  public String main() {
    return driver.findElement(By.tagName("main")).getText();
  }

  /** Clicks a button or link that loads a new page, and waits until the old one is gone. */
  public void submitWith(WebElement element) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript("window.__observatoryOldPage = true;");
    element.click();
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

  /** Presses the button with this id. */
  public void press(String id) {
    submitWith(driver.findElement(By.id(id)));
  }

  public void type(String id, String text) {
    WebElement e = driver.findElement(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  public void date(String prefix, java.time.LocalDate d) {
    type(prefix + "-day", String.valueOf(d.getDayOfMonth()));
    type(prefix + "-month", String.valueOf(d.getMonthValue()));
    type(prefix + "-year", String.valueOf(d.getYear()));
  }

  /** Chooses a radio or checkbox by its value, clicking its label as a person would. */
  public void choose(String name, String value) {
    WebElement input =
        driver.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
    driver.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).click();
  }

  // ---- Keyboard only: a person who cannot use a mouse. Each step fails if the page does not let
  // the keyboard reach or work the control.

  /**
   * Presses Tab (from the current focus) until the element with this id has the focus, and fails if
   * it is not reached within {@code max} presses: the control is reachable by keyboard.
   */
  public WebElement tabTo(String id, int max) {
    for (int i = 0; i < max; i++) {
      WebElement active = driver.switchTo().activeElement();
      if (id.equals(active.getAttribute("id"))) {
        return active;
      }
      if ("file".equals(active.getAttribute("type"))) {
        // keys sent to a file input are taken as a file's name: press Tab on the keyboard instead
        new org.openqa.selenium.interactions.Actions(driver)
            .sendKeys(org.openqa.selenium.Keys.TAB)
            .perform();
      } else {
        active.sendKeys(org.openqa.selenium.Keys.TAB);
      }
    }
    WebElement active = driver.switchTo().activeElement();
    assertThat(active.getAttribute("id"))
        .as("keyboard focus after " + max + " presses of Tab, looking for #" + id)
        .isEqualTo(id);
    return active;
  }

  /** {@link #tabTo(String, int)} with up to 200 presses. */
  public WebElement tabTo(String id) {
    return tabTo(id, 200);
  }

  /** Moves the focus to the top of the page, as a fresh page load does. */
  public void focusStart() {
    ((JavascriptExecutor) driver)
        .executeScript(
            "if (document.activeElement) { document.activeElement.blur(); }"
                + " window.getSelection().removeAllRanges();");
  }

  /** Tabs to the field with this id (from the top of the page) and types into it. */
  public void keyType(String id, String text) {
    focusStart();
    WebElement e = tabTo(id);
    e.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
    e.sendKeys(org.openqa.selenium.Keys.DELETE);
    e.sendKeys(text);
  }

  /** Types a date into the three fields of a GOV.UK date input, by keyboard. */
  public void keyDate(String prefix, java.time.LocalDate d) {
    keyType(prefix + "-day", String.valueOf(d.getDayOfMonth()));
    keyType(prefix + "-month", String.valueOf(d.getMonthValue()));
    keyType(prefix + "-year", String.valueOf(d.getYear()));
  }

  /** Tabs to a radio or checkbox (by its id) and presses Space. */
  public void keyChoose(String id) {
    focusStart();
    tabTo(id).sendKeys(org.openqa.selenium.Keys.SPACE);
  }

  /** Tabs to a button or link (by its id) and presses Enter, waiting for the next page to load. */
  public void keyPress(String id) {
    focusStart();
    WebElement e = tabTo(id);
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript("window.__observatoryOldPage = true;");
    e.sendKeys(org.openqa.selenium.Keys.ENTER);
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

  /** Makes the window this many CSS pixels wide (e.g. 320 for a small phone). */
  public void width(int pixels) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(pixels, 900));
  }

  /**
   * True when the page scrolls sideways (wider than the window) once it has settled: its fonts
   * loaded, and still wider 3 seconds on. Just after a page loads Chromium can, for a moment,
   * measure it a few pixels wider than it lays out (seen in CI, once in several runs, on pages that
   * fit); a page that really is too wide stays so.
   */
  public boolean scrollsSideways() {
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
    Object r =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "function wide() { return document.documentElement.scrollWidth"
                    + "  > document.documentElement.clientWidth + 1; }"
                    + "var until = Date.now() + 3000;"
                    + "function check() {"
                    + "  if (!wide()) { done(false); } else if (Date.now() > until) { done(true); }"
                    + "  else { setTimeout(check, 100); }"
                    + "}"
                    + "document.fonts.ready.then(check, check);");
    return Boolean.TRUE.equals(r);
  }

  /**
   * The elements whose right edge lies beyond the window, outside any box that scrolls or clips
   * them (tag, id, classes and right edge), for a message that says what makes a page scroll
   * sideways.
   */
  public String widerThanTheWindow() {
    Object r =
        ((JavascriptExecutor) driver)
            .executeScript(
                "var w = document.documentElement.clientWidth, out = [];"
                    + "document.querySelectorAll('body *').forEach(function (e) {"
                    + "  for (var a = e.parentElement; a && a !== document.body; a = a.parentElement) {"
                    + "    if (getComputedStyle(a).overflowX !== 'visible') { return; }"
                    + "  }"
                    + "  var b = e.getBoundingClientRect();"
                    + "  if (b.right > w + 1 && out.length < 8) {"
                    + "    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                    + "      + (e.className && e.className.baseVal === undefined"
                    + "          ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '')"
                    + "      + ' right ' + Math.round(b.right) + 'px');"
                    + "  }"
                    + "});"
                    + "return out.join('; ');");
    return String.valueOf(r);
  }

  /** Signs in with password and authenticator code (setting the app up at first sign-in). */
  public void signIn(TestAccounts.Person person) {
    signIn(person.username(), TestAccounts.PASSWORD, person.code());
  }

  /** Signs in with a username, its password and an authenticator code. */
  public void signIn(String username, String password, String code) {
    get("/sign-in");
    type("username", username);
    type("password", password);
    submitWith(driver.findElement(By.xpath("//main//button[normalize-space()='Continue']")));
    type("code", code);
    submitWith(driver.findElement(By.xpath("//main//button[normalize-space()='Sign in']")));
    assertThat(driver.getCurrentUrl()).doesNotContain("/sign-in");
  }

  /**
   * Runs axe on the current page and fails listing every violation. In axe's single-run mode
   * ({@code axe.run} in the page): the default, for pages with frames, sets the browser's page-load
   * timeout to one second while it opens a blank window to gather each frame's results, and on a
   * loaded machine that window took longer ("Timed out receiving message from renderer: 1.000" in
   * {@code axe.finishRun}). Our pages have no frames, so both ways check the same page.
   */
  public void assertAccessible(String page) {
    List<Rule> violations = new AxeBuilder().setLegacyMode(true).analyze(driver).getViolations();
    assertThat(violations)
        .as(
            () ->
                "axe violations on "
                    + page
                    + " ("
                    + driver.getCurrentUrl()
                    + "):\n"
                    + violations.stream()
                        .map(
                            r ->
                                r.getId()
                                    + " ["
                                    + r.getImpact()
                                    + "] "
                                    + r.getHelp()
                                    + " at "
                                    + r.getNodes().stream()
                                        .map(n -> String.valueOf(n.getTarget()))
                                        .collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("\n")))
        .isEmpty();
  }

  @Override
  public void close() throws Exception {
    driver.quit();
    service.stop();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
