package uk.gov.observatory.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.access.Account;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * The administrator's account pages over HTTP: the landing page, each action and its audit entry,
 * the refusals (a non-administrator, one's own account, the last administrator) and the messages
 * for bad input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class AccountPagesHttpTest {

  static final String NEW_PASSWORD = "copper lantern orbit meadow";
  static final Pattern SET_UP_CODE =
      Pattern.compile("id=\"set-up-code\"[^>]*>([a-z0-9]{4}(?:-[a-z0-9]{4}){3})<");

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired JdbcTemplate jdbc;

  SignedInHttp admin() throws Exception {
    TestAccounts.Person ada = TestAccounts.create(accounts, "ada.admin", Role.ADMIN);
    return new SignedInHttp(port).signIn(ada);
  }

  /** The readable details of the audit entries about an account, by whom, in order. */
  List<String> audited(String username) {
    return jdbc.queryForList(
        "select actor || ': ' || action || ': ' || details from audit_entry where record_type ="
            + " 'account' and record_ref = ? and action in ('CREATED', 'UPDATED') and id > ?"
            + " order by id",
        String.class,
        username,
        since);
  }

  static Map<String, String> form(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  static String location(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    return r.headers().firstValue("Location").orElseThrow();
  }

  /** Sends a form that redirects, and follows the redirect as a browser does. */
  static HttpResponse<String> act(SignedInHttp web, String path, Map<String, String> form)
      throws Exception {
    String to = location(web.post(path, form));
    return web.get(java.net.URI.create(to).getRawPath());
  }

  long since;

  @org.junit.jupiter.api.BeforeEach
  void auditSoFar() {
    Long max = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
    since = max == null ? 0 : max;
  }

  static String setUpCode(HttpResponse<String> r) {
    Matcher m = SET_UP_CODE.matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return m.group(1);
  }

  @Test
  @DisplayName(
      "the administrator lands on Accounts, signed in with Accounts in the menu; case pages stay"
          + " refused")
  void landing() throws Exception {
    TestAccounts.Person ada = TestAccounts.create(accounts, "ada.admin", Role.ADMIN);
    SignedInHttp web = new SignedInHttp(port);
    web.get("/sign-in");
    String next =
        location(
            web.post("/sign-in", form("username", "ada.admin", "password", TestAccounts.PASSWORD)));
    assertThat(next).endsWith("/sign-in/set-up");
    web.get("/sign-in/set-up");
    assertThat(location(web.post("/sign-in/set-up", form("code", ada.code()))))
        .endsWith("/accounts");

    HttpResponse<String> page = web.get("/accounts");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h1 class=\"govuk-heading-l\">Accounts</h1>")
        .contains("href=\"/accounts\">Accounts</a>")
        .contains("Sign out")
        .doesNotContain(">Sign in</a>")
        .contains("ada.admin")
        .contains("Administrator");
    assertThat(location(web.get("/"))).endsWith("/accounts");
    for (String path :
        List.of("/notifications", "/worklist", "/lcsprs", "/audit", "/notify/local-authority")) {
      assertThat(web.get(path).statusCode()).as(path).isEqualTo(403);
    }
  }

  @Test
  @DisplayName("anyone but an administrator is refused every account page and action (403)")
  void othersRefused() throws Exception {
    TestAccounts.create(accounts, "ada.admin", Role.ADMIN);
    TestAccounts.Person sam =
        TestAccounts.create(accounts, "sam.secretariat", Role.PANEL_SECRETARIAT);
    SignedInHttp web = new SignedInHttp(port).signIn(sam);
    for (String path :
        List.of(
            "/accounts", "/accounts/new", "/accounts/ada.admin", "/accounts/ada.admin/disable")) {
      assertThat(web.get(path).statusCode()).as(path).isEqualTo(403);
    }
    assertThat(web.post("/accounts/ada.admin/disable", Map.of()).statusCode()).isEqualTo(403);
    assertThat(web.post("/accounts/ada.admin/reset-password", Map.of()).statusCode())
        .isEqualTo(403);
    assertThat(accounts.find("ada.admin").orElseThrow().enabled()).isTrue();
    assertThat(audited("ada.admin")).isEmpty();
  }

  @Test
  @DisplayName(
      "adding an account: each bad field named, nothing stored; then a one-time code shown once,"
          + " with which the person chooses a password and sets up the app")
  void add() throws Exception {
    SignedInHttp web = admin();
    web.get("/accounts/new");
    HttpResponse<String> empty = web.post("/accounts/new", Map.of());
    assertThat(empty.body())
        .contains("There is a problem")
        .contains("Enter a username")
        .contains("Select a role");
    HttpResponse<String> bad =
        web.post(
            "/accounts/new",
            form("username", "Bad Name", "role", "LA_NOTIFIER", "authorities", ""));
    assertThat(bad.body())
        .contains("A username must be 3 to 64 characters")
        .contains("Enter the local authorities a local authority notifier notifies for");
    assertThat(
            web.post(
                    "/accounts/new",
                    form(
                        "username", "pm.one", "role", "PANEL_MEMBER", "authorities", "Westminster"))
                .body())
        .contains(
            "Leave local authorities empty: panel member is not limited to local authorities");
    assertThat(
            web.post(
                    "/accounts/new",
                    form("username", "ln.one", "role", "LA_NOTIFIER", "authorities", "Nowhere"))
                .body())
        .contains("“Nowhere” is not a local authority");
    assertThat(
            web.post(
                    "/accounts/new",
                    form("username", "ada.admin", "role", "INSPECTOR", "authorities", ""))
                .body())
        .contains("There is already an account called ada.admin");
    assertThat(accounts.list()).extracting(Account::username).containsExactly("ada.admin");

    HttpResponse<String> added =
        web.post(
            "/accounts/new",
            form(
                "username",
                "new.notifier",
                "role",
                "LA_NOTIFIER",
                "authorities",
                "Westminster, E08000035"));
    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(added.body()).contains("Account added").contains("This page is shown once");
    String code = setUpCode(added);
    assertThat(
            Pattern.compile("<li><code>[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}</code></li>")
                .matcher(added.body())
                .results()
                .count())
        .as("ten recovery codes")
        .isEqualTo(10);
    Account stored = accounts.find("new.notifier").orElseThrow();
    assertThat(stored.role()).isEqualTo(Role.LA_NOTIFIER);
    assertThat(stored.laCodes()).containsExactly("E08000035", "E09000033");
    assertThat(audited("new.notifier"))
        .first()
        .asString()
        .startsWith("ada.admin: CREATED: Account added: Local authority notifier (");

    // The person: the code in place of a password, then a password of their own.
    SignedInHttp person = new SignedInHttp(port);
    person.get("/sign-in");
    assertThat(
            location(person.post("/sign-in", form("username", "new.notifier", "password", code))))
        .endsWith("/sign-in/new-password");
    person.get("/sign-in/new-password");
    assertThat(
            person
                .post(
                    "/sign-in/new-password",
                    form("password", NEW_PASSWORD, "password-again", NEW_PASSWORD + "x"))
                .body())
        .contains("Enter the same password twice");
    assertThat(
            person
                .post(
                    "/sign-in/new-password",
                    form("password", "password1234", "password-again", "password1234"))
                .body())
        .contains("The password is on the list of common passwords");
    assertThat(
            location(
                person.post(
                    "/sign-in/new-password",
                    form("password", NEW_PASSWORD, "password-again", NEW_PASSWORD))))
        .endsWith("/sign-in/set-up");
    HttpResponse<String> setUp = person.get("/sign-in/set-up");
    Matcher secret = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<").matcher(setUp.body());
    assertThat(secret.find()).isTrue();
    TestAccounts.Person holder =
        new TestAccounts.Person("new.notifier", secret.group(1).replace(" ", ""), List.of());
    assertThat(location(person.post("/sign-in/set-up", form("code", holder.code()))))
        .endsWith("/notifications");

    // The code worked once.
    SignedInHttp again = new SignedInHttp(port);
    again.get("/sign-in");
    assertThat(again.post("/sign-in", form("username", "new.notifier", "password", code)).body())
        .contains("Enter a correct username and password");
  }

  @Test
  @DisplayName(
      "a locked account is shown locked, unlocked by the administrator, and its password reset with"
          + " a one-time code: the old password stops working, the person chooses a new one")
  void unlockAndResetPassword() throws Exception {
    TestAccounts.Person jo =
        TestAccounts.create(accounts, "jo.notifier", Role.LA_NOTIFIER, "E09000033");
    for (int i = 0; i < 5; i++) {
      accounts.verifyPassword("jo.notifier", "not the password " + i);
    }
    SignedInHttp web = admin();
    assertThat(web.get("/accounts?q=jo").body())
        .contains("id=\"account-jo.notifier\"")
        .contains("Locked")
        .doesNotContain("id=\"account-ada.admin\"");
    HttpResponse<String> page = web.get("/accounts/jo.notifier");
    assertThat(page.body()).contains("Too many failed sign-ins (5)").contains("id=\"unlock\"");
    assertThat(web.get("/accounts/jo.notifier/unlock").body()).contains("Unlock the account");
    assertThat(act(web, "/accounts/jo.notifier/unlock", Map.of()).body())
        .contains("The account jo.notifier is unlocked")
        .doesNotContain("id=\"unlock\"");
    assertThat(accounts.find("jo.notifier").orElseThrow().lockedUntil()).isNull();
    new SignedInHttp(port).signIn(jo);

    HttpResponse<String> reset = web.post("/accounts/jo.notifier/reset-password", Map.of());
    assertThat(reset.body()).contains("Password reset");
    String code = setUpCode(reset);
    SignedInHttp person = new SignedInHttp(port);
    person.get("/sign-in");
    assertThat(
            person
                .post(
                    "/sign-in", form("username", "jo.notifier", "password", TestAccounts.PASSWORD))
                .body())
        .as("the old password no longer works")
        .contains("Enter a correct username and password");
    assertThat(location(person.post("/sign-in", form("username", "jo.notifier", "password", code))))
        .endsWith("/sign-in/new-password");
    person.get("/sign-in/new-password");
    assertThat(
            location(
                person.post(
                    "/sign-in/new-password",
                    form("password", NEW_PASSWORD, "password-again", NEW_PASSWORD))))
        .as("the authenticator app stays: straight to its code")
        .endsWith("/sign-in/code");
    person.get("/sign-in/code");
    assertThat(location(person.post("/sign-in/code", form("code", jo.code(TestClock.NOW, 1)))))
        .endsWith("/notifications");

    assertThat(audited("jo.notifier"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .isEqualTo("ada.admin: UPDATED: Account unlocked (5 failed sign-ins cleared)"))
        .anySatisfy(e -> assertThat(e).startsWith("ada.admin: UPDATED: Password reset: one-time"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .isEqualTo(
                        "jo.notifier: UPDATED: Password chosen with a one-time set-up code"));
  }

  @Test
  @DisplayName(
      "disable, enable, change the role, revoke tokens and reset the authenticator, each audited;"
          + " the administrator cannot disable or demote themselves")
  void otherActions() throws Exception {
    TestAccounts.create(accounts, "pat.partner", Role.PARTNERSHIP, "E09000033");
    String token = TestAccounts.token(accounts, "pat.partner");
    SignedInHttp web = admin();

    HttpResponse<String> self = web.get("/accounts/ada.admin/disable");
    assertThat(self.body())
        .contains("You cannot disable your own account")
        .doesNotContain("id=\"confirm\"");
    assertThat(web.post("/accounts/ada.admin/disable", Map.of()).body())
        .contains("You cannot disable your own account");
    assertThat(
            web.post("/accounts/ada.admin/change", form("role", "INSPECTOR", "authorities", ""))
                .body())
        .contains("You cannot change your own role");
    assertThat(accounts.find("ada.admin").orElseThrow())
        .satisfies(a -> assertThat(a.enabled()).isTrue())
        .satisfies(a -> assertThat(a.role()).isEqualTo(Role.ADMIN));
    assertThat(web.get("/accounts/ada.admin").body())
        .doesNotContain("id=\"disable\"")
        .doesNotContain("id=\"change\"");

    assertThat(web.get("/accounts/pat.partner/disable").body()).contains("Disable the account");
    act(web, "/accounts/pat.partner/disable", Map.of());
    assertThat(accounts.find("pat.partner").orElseThrow().enabled()).isFalse();
    assertThat(accounts.authenticateToken(token)).isEmpty();
    act(web, "/accounts/pat.partner/enable", Map.of());
    assertThat(accounts.find("pat.partner").orElseThrow().enabled()).isTrue();

    assertThat(
            web.post(
                    "/accounts/pat.partner/change",
                    form("role", "PARTNERSHIP", "authorities", "Westminster, Leeds"))
                .body())
        .contains("A safeguarding partnership account has one local authority");
    assertThat(
            act(
                    web,
                    "/accounts/pat.partner/change",
                    form("role", "LA_NOTIFIER", "authorities", "Westminster, leeds"))
                .body())
        .contains("The account pat.partner is now Local authority notifier");
    assertThat(accounts.find("pat.partner").orElseThrow())
        .satisfies(a -> assertThat(a.role()).isEqualTo(Role.LA_NOTIFIER))
        .satisfies(a -> assertThat(a.laCodes()).containsExactly("E08000035", "E09000033"));

    assertThat(accounts.authenticateToken(token)).isPresent();
    assertThat(web.get("/accounts/pat.partner").body()).contains("id=\"revoke-tokens\"");
    assertThat(act(web, "/accounts/pat.partner/revoke-tokens", Map.of()).body())
        .contains("1 API token of pat.partner is revoked");
    assertThat(accounts.authenticateToken(token)).isEmpty();

    HttpResponse<String> reset = web.post("/accounts/pat.partner/reset-authenticator", Map.of());
    assertThat(reset.body()).contains("Authenticator app reset").contains("New recovery codes");
    assertThat(accounts.pendingEnrolmentSecret("pat.partner")).isPresent();

    assertThat(web.get("/accounts/nobody.here").statusCode()).isEqualTo(404);
    assertThat(web.get("/accounts?la=Nowhere").body())
        .contains("Enter a local authority&#39;s name or GSS code");
    assertThat(web.get("/accounts?la=Leeds").body())
        .contains("pat.partner")
        .doesNotContain("ada.admin</a>");
    assertThat(web.get("/accounts?role=ADMIN").body())
        .contains("ada.admin")
        .doesNotContain("pat.partner");

    assertThat(audited("pat.partner"))
        .extracting(e -> e.replaceFirst("^ada\\.admin: UPDATED: ", ""))
        .contains(
            "Account disabled",
            "Account enabled",
            "Role changed from Safeguarding partnership (Westminster (E09000033)) to Local"
                + " authority notifier (Leeds (E08000035), Westminster (E09000033))",
            "API tokens revoked (1 in force)",
            "Authenticator reset: the next sign-in sets up a new app; new recovery codes given"
                + " out");
  }

  @Test
  @DisplayName("the last enabled administrator cannot be disabled or given another role")
  void lastAdministrator() {
    TestAccounts.create(accounts, "ada.admin", Role.ADMIN);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> accounts.disable("ada.admin", "cli:someone"))
        .hasMessageContaining("last enabled administrator");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> accounts.change("ada.admin", Role.INSPECTOR, List.of(), null, false, "cli:x"))
        .hasMessageContaining("last enabled administrator");
    TestAccounts.create(accounts, "bob.admin", Role.ADMIN);
    accounts.disable("ada.admin", "bob.admin");
    assertThat(accounts.find("ada.admin").orElseThrow().enabled()).isFalse();
  }

  @Test
  @DisplayName(
      "a person signed in when their account is disabled is signed out at their next page; a"
          + " changed role applies at their next page")
  void reachesPeopleSignedIn() throws Exception {
    TestAccounts.Person pat =
        TestAccounts.create(accounts, "pat.partner", Role.PARTNERSHIP, "E09000033");
    TestAccounts.Person ivy = TestAccounts.create(accounts, "ivy.inspector", Role.INSPECTOR);
    SignedInHttp patWeb = new SignedInHttp(port).signIn(pat);
    SignedInHttp ivyWeb = new SignedInHttp(port).signIn(ivy);
    assertThat(patWeb.get("/worklist").statusCode()).isEqualTo(200);
    assertThat(ivyWeb.get("/worklist").statusCode()).isEqualTo(403);
    SignedInHttp web = admin();

    act(web, "/accounts/pat.partner/disable", Map.of());
    assertThat(location(patWeb.get("/worklist"))).endsWith("/sign-in");
    act(web, "/accounts/pat.partner/enable", Map.of());
    assertThat(location(patWeb.get("/worklist")))
        .as("the session ended: enabling the account does not bring it back")
        .contains("/sign-in");

    act(web, "/accounts/ivy.inspector/change", form("role", "PANEL_MEMBER", "authorities", ""));
    assertThat(ivyWeb.get("/worklist").statusCode()).isEqualTo(200);
    assertThat(ivyWeb.get("/worklist").body()).contains("Sign out");
  }
}
