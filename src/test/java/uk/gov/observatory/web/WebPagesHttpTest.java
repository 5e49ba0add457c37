package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
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

/** The web pages over plain HTTP (no browser): error pages, static assets and the register. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class WebPagesHttpTest {

  @LocalServerPort int port;
  @Autowired NotificationRegister register;

  @Autowired Accounts accounts;

  private SignedInHttp http;

  /** Every page here is read by a signed-in member of the Panel's secretariat. */
  @BeforeEach
  void signIn() throws Exception {
    http =
        new SignedInHttp(port)
            .signIn(TestAccounts.create(accounts, "web.secretariat", Role.PANEL_SECRETARIAT));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.get(path);
  }

  @Test
  void registerWithABadDateShowsAnErrorSummaryWith400() throws Exception {
    HttpResponse<String> r = get("/notifications?from=2020-13-45&to=yesterday");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("<title>Error: Register of notifications – Observatory – GOV.UK</title>")
        .contains("govuk-error-summary")
        .contains("There is a problem")
        .contains("href=\"#from\"")
        .contains("Notified from must be a real date, for example 30/06/2020 or 2020-06-30")
        .contains("href=\"#to\"")
        .contains("govuk-form-group--error")
        .contains("id=\"from-error\"")
        .doesNotContain("Exception");
  }

  @Test
  void registerListsNotificationsAndSortsThem() throws Exception {
    Notification death = register.notify(Submissions.death());
    Notification harm = register.notify(Submissions.seriousHarm());
    HttpResponse<String> r = get("/notifications?sort=notification_ref&order=asc");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains(death.ref())
        .contains(harm.ref())
        .contains("Westminster")
        .contains("Leeds")
        .contains("aria-sort=\"ascending\"")
        .contains("2 notifications");
    assertThat(get("/notifications?type=DEATH").body())
        .contains(death.ref())
        .doesNotContain(harm.ref());
  }

  @Test
  void notificationPageShowsTimelinessButNoIdentifyingDetails() throws Exception {
    Notification death = register.notify(Submissions.death());
    HttpResponse<String> r = get("/notifications/" + death.ref());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .containsPattern("id=\"working-days\"[^>]*>3</dd>")
        .contains("Met")
        .contains("Sudden Unexpected Death in Infancy (SUDI)")
        .contains("shown only when you ask")
        .doesNotContain("Test Child")
        .doesNotContain("15 January 2020");
  }

  @Test
  void unknownReferenceIsAPageNotFound() throws Exception {
    HttpResponse<String> r = get("/notifications/SIN-2099-99999");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body())
        .contains("Page not found")
        .contains("govuk-header")
        .doesNotContain("Exception");
    HttpResponse<String> nowhere = get("/no/such/page");
    assertThat(nowhere.statusCode()).isEqualTo(404);
    assertThat(nowhere.body()).contains("Page not found");
  }

  @Test
  void govukAssetsAndStylesAreServed() throws Exception {
    assertThat(get("/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css").statusCode())
        .isEqualTo(200);
    assertThat(get("/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js").statusCode())
        .isEqualTo(200);
    assertThat(get("/assets/fonts/bold-b542beb274-v2.woff2").statusCode()).isEqualTo(200);
    assertThat(get("/assets/images/favicon.svg").statusCode()).isEqualTo(200);
    assertThat(get("/observatory.css").statusCode()).isEqualTo(200);
  }

  @Test
  void laterJourneyPageWithoutADraftGoesToTheFirstPage() throws Exception {
    HttpResponse<String> r = get("/notify/check");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/notify/local-authority");
  }

  /**
   * Every page after the first, of every step of the journey (the incident, the children, the
   * circumstances, the check), shown or sent, goes to the first question when the journey has not
   * started: nothing is read or kept.
   */
  @Test
  void everyLaterJourneyPageShownOrSentWithoutADraftGoesToTheFirstPage() throws Exception {
    for (String page :
        java.util.List.of(
            "/notify/dates",
            "/notify/type",
            "/notify/category",
            "/notify/child",
            "/notify/child/1",
            "/notify/child/1/remove",
            "/notify/children",
            "/notify/characteristics",
            "/notify/service",
            "/notify/other-factors",
            "/notify/check")) {
      for (HttpResponse<String> r :
          java.util.List.of(get(page), http.post(page, java.util.Map.of("addAnother", "yes")))) {
        assertThat(r.statusCode()).as(page).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse(""))
            .as(page)
            .endsWith("/notify/local-authority");
      }
    }
    assertThat(get("/notify/local-authority").statusCode()).isEqualTo(200);
  }

  @Test
  void startPageLinksToTheJourneyAndTheRegister() throws Exception {
    HttpResponse<String> r = get("/");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("Start now")
        .contains("href=\"/notify/local-authority\"")
        .contains("href=\"/notifications\"")
        .contains("5 working days")
        .contains("15 working days");
  }
}
