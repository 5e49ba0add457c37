package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.audit.AuditEntry;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.support.Browser;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * Single sign-on in real headless Chromium against a real OpenID Connect provider: Spring
 * Authorization Server, started in this JVM on its own port before the application. The provider is
 * served at {@code localhost} and the application at {@code 127.0.0.1}, so that the two session
 * cookies (cookies ignore ports) never overwrite each other; the provider also refuses {@code
 * localhost} in redirect URIs, which a loopback address satisfies. Single sign-on stands in for the
 * password only: the authenticator code is still asked for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class OidcSignInBrowserTest {

  /** The provider's people (its own store, not ours) and the one password they share. */
  private static final String IDP_PASSWORD = "test-only-provider-password";

  /** The {@code preferred_username} the provider gives each of its people. */
  private static final Map<String, String> PREFERRED_USERNAMES =
      Map.of("oidc.person", "OIDC.Person", "idp.stranger", "Idp.Stranger");

  private static final String CLIENT_ID = "observatory-test";
  private static final String CLIENT_SECRET = "test-only-client-secret";

  private static final int APP_PORT = freePort();
  private static ConfigurableApplicationContext provider;

  @Autowired Accounts accounts;
  @Autowired AuditLog audit;

  private Browser browser;
  private WebDriver driver;

  /** The provider: Boot's Spring Authorization Server auto-configuration and nothing else. */
  @ImportAutoConfiguration({
    org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
    org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration
        .class,
    org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
    org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class,
    org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration
        .class,
    org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration
        .class,
    org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet
        .OAuth2AuthorizationServerAutoConfiguration.class,
    org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet
        .OAuth2AuthorizationServerJwtAutoConfiguration.class
  })
  static class IdentityProvider {

    @Bean
    UserDetailsService providerPeople() {
      return new InMemoryUserDetailsManager(
          PREFERRED_USERNAMES.keySet().stream()
              .map(
                  name ->
                      User.withUsername(name)
                          .password("{noop}" + IDP_PASSWORD)
                          .roles("USER")
                          .build())
              .toList());
    }

    /** Puts {@code preferred_username} in the ID token (and so, for "profile", in userinfo). */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> preferredUsername() {
      return context -> {
        if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
          context
              .getClaims()
              .claim(
                  "preferred_username", PREFERRED_USERNAMES.get(context.getPrincipal().getName()));
        }
      };
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeAll
  static synchronized void startProvider() {
    if (provider != null) {
      return;
    }
    String registration = "spring.security.oauth2.authorizationserver.client.observatory.";
    provider =
        new SpringApplicationBuilder(IdentityProvider.class)
            .web(WebApplicationType.SERVLET)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .properties(
                Map.ofEntries(
                    // None of the application's own properties files.
                    Map.entry("spring.config.name", "oidc-test-identity-provider"),
                    Map.entry("logging.level.root", "WARN"),
                    Map.entry("server.port", "0"),
                    Map.entry(registration + "registration.client-id", CLIENT_ID),
                    Map.entry(
                        registration + "registration.client-secret", "{noop}" + CLIENT_SECRET),
                    Map.entry(
                        registration + "registration.client-authentication-methods",
                        "client_secret_basic"),
                    Map.entry(
                        registration + "registration.authorization-grant-types",
                        "authorization_code"),
                    Map.entry(
                        registration + "registration.redirect-uris",
                        "http://127.0.0.1:" + APP_PORT + "/login/oauth2/code/oidc"),
                    Map.entry(registration + "registration.scopes", "openid,profile"),
                    Map.entry(registration + "require-authorization-consent", "false")))
            .run();
  }

  @AfterAll
  static synchronized void stopProvider() {
    if (provider != null) {
      provider.close();
      provider = null;
    }
  }

  /** The issuer: exactly the host the application (and the browser) reach the provider at. */
  static String issuer() {
    startProvider();
    return "http://localhost:" + provider.getEnvironment().getProperty("local.server.port");
  }

  @DynamicPropertySource
  static void singleSignOn(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> APP_PORT);
    registry.add("observatory.oidc.issuer-uri", OidcSignInBrowserTest::issuer);
    registry.add("observatory.oidc.client-id", () -> CLIENT_ID);
    registry.add("observatory.oidc.client-secret", () -> CLIENT_SECRET);
    registry.add("observatory.oidc.name", () -> "the test provider");
  }

  @BeforeEach
  void startBrowser() throws Exception {
    browser = Browser.open(app(""));
    driver = browser.driver();
  }

  @AfterEach
  void stopBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  private static String app(String path) {
    return "http://127.0.0.1:" + APP_PORT + path;
  }

  private void submitWith(WebElement element) {
    browser.submitWith(element);
  }

  private void assertAccessible(String page) {
    browser.assertAccessible(page);
  }

  private String h1() {
    return driver.findElement(By.tagName("h1")).getText();
  }

  /** From the application's sign-in page to the provider's: "Sign in with the test provider". */
  private void startSingleSignOn() {
    driver.get(app("/sign-in"));
    WebElement button = driver.findElement(By.linkText("Sign in with the test provider"));
    assertThat(button.getAttribute("href")).isEqualTo(app("/oauth2/authorization/oidc"));
    assertThat(button.getAttribute("class")).contains("govuk-button--secondary");
    submitWith(button);
  }

  /** The provider's own sign-in form, at the provider's host. */
  private void signInAtProvider(String username) {
    assertThat(driver.getCurrentUrl()).startsWith(issuer() + "/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(IDP_PASSWORD);
    submitWith(driver.findElement(By.cssSelector("button[type='submit']")));
  }

  private void enterCode(String code) {
    driver.findElement(By.id("code")).sendKeys(code);
    submitWith(driver.findElement(By.xpath("//main//button[normalize-space()='Sign in']")));
  }

  private List<AuditEntry> audited(String recordRef, String action) {
    return audit.search(null, recordRef, null, null, 1).items().stream()
        .filter(e -> e.action().equals(action))
        .toList();
  }

  private void assertNotSignedIn() {
    driver.get(app("/notifications"));
    assertThat(driver.getCurrentUrl()).isEqualTo(app("/sign-in"));
    assertThat(driver.findElements(By.cssSelector(".observatory-sign-out"))).isEmpty();
  }

  @Test
  @DisplayName("single sign-on replaces the password, then the authenticator code signs in")
  void singleSignOnThenCode() {
    TestAccounts.Person person =
        TestAccounts.create(accounts, "oidc.person", Role.PANEL_SECRETARIAT);

    driver.get(app("/sign-in"));
    assertAccessible("sign-in with single sign-on");
    startSingleSignOn();
    signInAtProvider("oidc.person");

    // Back at Observatory: the provider's sign-in is not Observatory's; first sign-in sets up the
    // authenticator app, whose first code signs in.
    assertThat(driver.getCurrentUrl()).isEqualTo(app("/sign-in/set-up"));
    assertThat(h1()).isEqualTo("Set up your authenticator app");
    driver.get(app("/notifications"));
    assertThat(driver.getCurrentUrl()).isEqualTo(app("/sign-in"));
    startSingleSignOn();
    // The provider remembers its own sign-in: straight back to Observatory.
    assertThat(driver.getCurrentUrl()).isEqualTo(app("/sign-in/set-up"));
    enterCode(person.code());

    assertThat(driver.getCurrentUrl()).isEqualTo(app("/notifications"));
    assertThat(h1()).isEqualTo("Register of notifications");
    assertThat(
            driver
                .findElement(By.cssSelector(".observatory-sign-out button"))
                .getAttribute("textContent"))
        .contains("Sign out")
        .contains("oidc.person");
    assertThat(audited("oidc.person", "SIGN_IN_SUCCEEDED"))
        .extracting(AuditEntry::details)
        .singleElement()
        .satisfies(d -> assertThat(d).startsWith("single sign-on and authenticator code from "));

    // Signed out, single sign-on again: the app is set up now, so the code page.
    submitWith(driver.findElement(By.cssSelector(".observatory-sign-out button")));
    assertNotSignedIn();
    startSingleSignOn();
    assertThat(driver.getCurrentUrl()).isEqualTo(app("/sign-in/code"));
    enterCode(person.code(TestClock.NOW, 1));
    assertThat(driver.getCurrentUrl()).isEqualTo(app("/notifications"));
    assertThat(h1()).isEqualTo("Register of notifications");
  }

  @Test
  @DisplayName("someone the provider knows but Observatory does not is refused, and audited")
  void noLocalAccount() {
    TestAccounts.create(accounts, "oidc.person", Role.PANEL_SECRETARIAT);
    startSingleSignOn();
    signInAtProvider("idp.stranger");

    assertThat(driver.getCurrentUrl()).isEqualTo(app("/sign-in?sso=failed"));
    assertThat(driver.getTitle()).startsWith("Error: ");
    assertThat(driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("There is a problem")
        .contains(
            "Single sign-on did not sign you in: there is no Observatory account for you, or it"
                + " is disabled. Ask your administrator.");
    assertAccessible("sign-in after single sign-on was refused");
    assertNotSignedIn();
    assertThat(audited("idp.stranger", "SIGN_IN_FAILED"))
        .extracting(AuditEntry::details)
        .singleElement()
        .asString()
        .startsWith("single sign-on: no account for 'idp.stranger'");
  }

  @Test
  @DisplayName("a disabled account is refused after single sign-on, and audited")
  void disabledAccount() {
    TestAccounts.create(accounts, "oidc.person", Role.PANEL_SECRETARIAT);
    accounts.disable("oidc.person");
    startSingleSignOn();
    signInAtProvider("oidc.person");

    assertThat(driver.getCurrentUrl()).isEqualTo(app("/sign-in?sso=failed"));
    assertThat(driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("there is no Observatory account for you, or it is disabled");
    assertNotSignedIn();
    driver.get(app("/sign-in/code"));
    assertThat(driver.getCurrentUrl()).isEqualTo(app("/sign-in"));
    assertThat(audited("oidc.person", "SIGN_IN_FAILED"))
        .extracting(AuditEntry::details)
        .anySatisfy(
            d -> assertThat(d).startsWith("single sign-on: account 'oidc.person' is disabled"));
  }

  @Test
  @DisplayName("a forged return or an unknown provider ends on the sign-in page, and is audited")
  void incompleteSingleSignOn() {
    String message =
        "Single sign-on did not sign you in. Try again, or sign in with your username and"
            + " password.";
    // A return from the provider that this browser never started (login CSRF, or an old link).
    driver.get(app("/login/oauth2/code/oidc?code=forged&state=forged"));
    assertThat(driver.getCurrentUrl()).isEqualTo(app("/sign-in?sso=error"));
    assertThat(driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains(message);
    assertNotSignedIn();
    // No such provider: refused where single sign-on starts, not a server error.
    driver.get(app("/oauth2/authorization/no-such-provider"));
    assertThat(driver.getCurrentUrl()).isEqualTo(app("/sign-in?sso=error"));
    assertThat(driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains(message);
    assertThat(
            audit.search("unverified:single-sign-on", null, null, null, 1).items().stream()
                .filter(e -> e.action().equals("SIGN_IN_FAILED"))
                .map(AuditEntry::details))
        .anySatisfy(
            d -> assertThat(d).startsWith("single sign-on: authorization_request_not_found"))
        .anySatisfy(d -> assertThat(d).startsWith("single sign-on: could not start"));
  }
}
