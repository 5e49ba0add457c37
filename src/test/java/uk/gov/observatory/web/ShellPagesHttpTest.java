package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * What everyone sees around the pages (issue 15): the refusal that says "You do not have access"
 * with the header still signed in, the footer's pages, an error message only on the field in error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class ShellPagesHttpTest {

  private static final String WESTMINSTER = "E09000033";

  @LocalServerPort int port;
  @Autowired Accounts accounts;

  private SignedInHttp signedIn(String username, Role role, String... laCodes) throws Exception {
    return new SignedInHttp(port).signIn(TestAccounts.create(accounts, username, role, laCodes));
  }

  /** The header of a page shown to a signed-in person: their name, their menu, Sign out. */
  private static void headerSignedIn(String body, String username) {
    assertThat(body)
        .contains("Signed in as <strong>" + username + "</strong>")
        .contains(">Sign out<")
        .doesNotContain("href=\"/sign-in\"");
  }

  @Test
  void aPartnershipAskingForTheSecretariatsPagesIsToldItHasNoAccessAndStaysSignedIn()
      throws Exception {
    SignedInHttp partnership = signedIn("shell.partnership", Role.PARTNERSHIP, WESTMINSTER);
    for (String page : java.util.List.of("/audit", "/timeliness-periods")) {
      HttpResponse<String> r = partnership.get(page);
      assertThat(r.statusCode()).as(page).isEqualTo(403);
      assertThat(r.body())
          .as(page)
          .contains("<title>You do not have access to this page – Observatory – GOV.UK</title>")
          .contains("<h1 class=\"govuk-heading-l\">You do not have access to this page</h1>")
          .contains("Go to your start page")
          .contains("ask your organisation's Observatory administrator for access")
          .doesNotContain("Check the web address")
          .doesNotContain("Exception");
      headerSignedIn(r.body(), "shell.partnership");
      // the menu of the partnership's role, not the secretariat's
      assertThat(r.body())
          .contains("href=\"/notifications\"")
          .contains("href=\"/worklist\"")
          .doesNotContain("href=\"/audit\"");
    }
  }

  @Test
  void pageNotFoundKeepsTheHeaderSignedIn() throws Exception {
    SignedInHttp member = signedIn("shell.member", Role.PANEL_MEMBER);
    HttpResponse<String> r = member.get("/no/such/page");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("Page not found");
    headerSignedIn(r.body(), "shell.member");
  }

  @Test
  void theFooterPagesArePublicAndLinkedFromEveryPage() throws Exception {
    SignedInHttp visitor = new SignedInHttp(port);
    String[][] pages = {
      {"/accessibility", "Accessibility statement for Observatory"},
      {"/privacy", "Privacy notice"},
      {"/cookies", "Cookies"},
      {"/contact", "Contact"}
    };
    for (String[] page : pages) {
      HttpResponse<String> r = visitor.get(page[0]);
      assertThat(r.statusCode()).as(page[0]).isEqualTo(200);
      assertThat(r.body())
          .as(page[0])
          .contains("<h1 class=\"govuk-heading-xl\">" + page[1] + "</h1>");
    }
    assertThat(visitor.get("/accessibility").body())
        .contains("How accessible this service is")
        .contains("Reporting accessibility problems with this service")
        .contains("id=\"known-issues\"");
    assertThat(visitor.get("/cookies").body()).contains("JSESSIONID").contains("one cookie");
    assertThat(visitor.get("/privacy").body())
        .contains("What we keep")
        .contains("Who can see it")
        .contains("encrypted");
    // linked from the footer of a public page, a signed-in page and an error page
    SignedInHttp secretariat = signedIn("shell.secretariat", Role.PANEL_SECRETARIAT);
    for (HttpResponse<String> r :
        java.util.List.of(
            visitor.get("/"), secretariat.get("/notifications"), secretariat.get("/no/such"))) {
      assertThat(r.body())
          .as(r.uri().toString())
          .contains("href=\"/accessibility\">Accessibility statement</a>")
          .contains("href=\"/privacy\">Privacy notice</a>")
          .contains("href=\"/cookies\">Cookies</a>")
          .contains("href=\"/contact\">Contact</a>");
    }
  }

  private static int count(String body, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(body);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** A screen reader announces "Error:" once for each field in error, never on a valid field. */
  @Test
  void onlyTheFieldsInErrorCarryAnErrorMessage() throws Exception {
    SignedInHttp secretariat = signedIn("shell.errors", Role.PANEL_SECRETARIAT);
    HttpResponse<String> register = secretariat.get("/notifications?from=2020-13-45&to=2021-01-01");
    assertThat(register.statusCode()).isEqualTo(400);
    assertThat(count(register.body(), "govuk-error-message")).isEqualTo(1);
    assertThat(count(register.body(), ">Error:</span>")).isEqualTo(1);
    HttpResponse<String> analytics =
        secretariat.get("/analytics?from=2020-04-01&to=not-a-date&la=");
    assertThat(analytics.statusCode()).isEqualTo(400);
    assertThat(count(analytics.body(), ">Error:</span>")).isEqualTo(1);
    HttpResponse<String> valid = secretariat.get("/notifications?from=2020-01-01&to=2021-01-01");
    assertThat(valid.statusCode()).isEqualTo(200);
    assertThat(count(valid.body(), "Error:")).isZero();
  }
}
