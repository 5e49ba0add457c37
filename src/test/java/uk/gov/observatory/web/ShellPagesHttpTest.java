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
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.Submissions;
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
  @Autowired NotificationRegister register;

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

  /**
   * The audit log as a person reads it: actions by their labels, this computer's address in words,
   * people as links to what they did, records as links, and a filter by action.
   */
  private static final String CELL = "<td class=\"govuk-table__cell\">";

  @Test
  void theAuditLogIsReadableAndFilteredByPersonRecordAndAction() throws Exception {
    Notification death = register.notify(Submissions.death());
    SignedInHttp partnership = signedIn("shell.audited", Role.PARTNERSHIP, WESTMINSTER);
    partnership.get("/audit"); // refused: on record
    partnership.get("/notifications/" + death.ref()); // viewed: on record
    SignedInHttp secretariat = signedIn("shell.auditor", Role.PANEL_SECRETARIAT);
    HttpResponse<String> all = secretariat.get("/audit");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body())
        .contains(CELL + "Signed in</td>")
        .contains(CELL + "Access refused</td>")
        .contains(CELL + "Viewed</td>")
        .contains("from this computer")
        .contains("href=\"/audit?person=shell.audited\"")
        .contains("href=\"/notifications/" + death.ref() + "\"")
        .contains("<option value=\"ACCESS_REFUSED\">Access refused</option>")
        // codes only as the filter's option values, never as words on the page
        .doesNotContain(">SIGN_IN_SUCCEEDED<")
        .doesNotContain(">ACCESS_REFUSED<")
        .doesNotContain("0:0:0:0:0:0:0:1")
        .contains("class=\"observatory-table-scroll\" tabindex=\"0\" role=\"region\"");
    HttpResponse<String> refusals =
        secretariat.get("/audit?person=shell.audited&action=ACCESS_REFUSED");
    assertThat(refusals.statusCode()).isEqualTo(200);
    assertThat(refusals.body())
        .contains("1 entry")
        .contains("GET /audit")
        .doesNotContain(CELL + "Viewed</td>")
        .doesNotContain(CELL + "Signed in</td>");
    HttpResponse<String> record =
        secretariat.get("/audit?record=" + death.ref() + "&action=VIEWED");
    // The audit log is never emptied (an external database keeps other tests' entries, and their
    // references repeat), so: this person's view is there, and every entry is of this record.
    assertThat(record.body()).contains("shell.audited").contains(CELL + "Viewed</td>");
    assertThat(
            Pattern.compile("href=\"/notifications/([^\"]+)\"")
                .matcher(
                    record
                        .body()
                        .substring(
                            record.body().indexOf("<tbody"), record.body().indexOf("</tbody>")))
                .results()
                .map(m -> m.group(1))
                .distinct())
        .containsExactly(death.ref());
    // a date typed the UK way is a date; an action not in the list is refused by name
    assertThat(secretariat.get("/audit?from=26/11/2026&to=26/11/2026").statusCode()).isEqualTo(200);
    HttpResponse<String> bad = secretariat.get("/audit?action=SIGN_IN_SUCCEEDED%27");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("Choose an action from the list");
  }

  /** The register's and analytics' date filters take 30/06/2020 as well as 2020-06-30. */
  @Test
  void filtersTakeDatesTypedTheUkWay() throws Exception {
    Notification death = register.notify(Submissions.death()); // notified 5 June 2020
    Notification harm = register.notify(Submissions.seriousHarm()); // notified 12 March 2021
    SignedInHttp secretariat = signedIn("shell.filters", Role.PANEL_SECRETARIAT);
    HttpResponse<String> june = secretariat.get("/notifications?from=1/6/2020&to=30/06/2020");
    assertThat(june.statusCode()).isEqualTo(200);
    assertThat(june.body()).contains(death.ref()).doesNotContain(harm.ref());
    HttpResponse<String> bad = secretariat.get("/notifications?from=31/02/2020");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains("Notified from must be a real date, for example 30/06/2020 or 2020-06-30");
    assertThat(secretariat.get("/analytics?from=01/01/2020&to=31/12/2020").statusCode())
        .isEqualTo(200);
    assertThat(
            secretariat
                .get(
                    "/analytics/tables?from=1/1/2020&to=31/12/2020&asAt=31/03/2021&section=timeliness")
                .statusCode())
        .isEqualTo(200);
  }

  /**
   * The compare link from 2020's tables opens on a comparison (2020 beside 2019), not on an error
   * (it compared 2024 as at 31 March 2021).
   */
  @Test
  void theCompareLinkFrom2020sTablesOpensOnAComparison() throws Exception {
    SignedInHttp secretariat = signedIn("shell.compare", Role.PANEL_SECRETARIAT);
    HttpResponse<String> tables =
        secretariat.get("/analytics/tables?from=2020-01-01&to=2020-12-31&asAt=2021-03-31");
    assertThat(tables.statusCode()).isEqualTo(200);
    Matcher link = Pattern.compile("id=\"compare\" href=\"([^\"]+)\"").matcher(tables.body());
    assertThat(link.find()).isTrue();
    HttpResponse<String> compare = secretariat.get(link.group(1).replace("&amp;", "&"));
    assertThat(compare.statusCode()).isEqualTo(200);
    assertThat(compare.body())
        .doesNotContain("There is a problem")
        .contains("value=\"2019-01-01\"")
        .contains("value=\"2019-12-31\"");
  }

  /** Removing a timeliness period asks first, and a removal sent without the answer is not made. */
  @Test
  void removingATimelinessPeriodAsksForConfirmation() throws Exception {
    SignedInHttp secretariat = signedIn("shell.periods", Role.PANEL_SECRETARIAT);
    secretariat.get("/timeliness-periods");
    java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("name", "Shell test period");
    form.put("from-day", "1");
    form.put("from-month", "1");
    form.put("from-year", "2031");
    form.put("to-day", "31");
    form.put("to-month", "1");
    form.put("to-year", "2031");
    form.put("target", "20");
    HttpResponse<String> added = secretariat.post("/timeliness-periods", form);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
    HttpResponse<String> list = secretariat.get("/timeliness-periods?saved");
    assertThat(list.body()).contains("The period was added");
    Matcher remove =
        Pattern.compile(
                "Shell test period</td>.*?href=\"/timeliness-periods/([0-9]+)/remove\"",
                Pattern.DOTALL)
            .matcher(list.body());
    assertThat(remove.find()).as("a Remove link to the question").isTrue();
    String id = remove.group(1);
    HttpResponse<String> question = secretariat.get("/timeliness-periods/" + id + "/remove");
    assertThat(question.statusCode()).isEqualTo(200);
    assertThat(question.body())
        .contains("Are you sure you want to remove <span>Shell test period</span>?")
        .contains("1 January 2031 to 31 January 2031")
        .contains("Yes, remove the period")
        .contains("No, keep it");
    HttpResponse<String> unconfirmed =
        secretariat.post("/timeliness-periods/" + id + "/delete", java.util.Map.of());
    assertThat(unconfirmed.statusCode()).isEqualTo(302);
    assertThat(unconfirmed.headers().firstValue("Location").orElse(""))
        .endsWith("/timeliness-periods/" + id + "/remove");
    assertThat(secretariat.get("/timeliness-periods").body()).contains("Shell test period");
    HttpResponse<String> confirmed =
        secretariat.post(
            "/timeliness-periods/" + id + "/delete", java.util.Map.of("confirm", "yes"));
    assertThat(confirmed.statusCode()).isEqualTo(302);
    assertThat(secretariat.get("/timeliness-periods?removed").body())
        .contains("The period was removed")
        .doesNotContain("Shell test period");
    assertThat(secretariat.get("/timeliness-periods/999999/remove").statusCode()).isEqualTo(404);
  }

  /**
   * The LCSPR report's upload form sends its CSRF token in the form, not in the web address (after
   * a failed upload the address bar held it).
   */
  @Test
  void theUploadFormKeepsItsTokenOutOfTheAddress() throws Exception {
    String template;
    try (var in = getClass().getResourceAsStream("/templates/review/lcspr.html")) {
      template = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(template).contains("enctype=\"multipart/form-data\"").doesNotContain("_csrf=");
  }
}
