package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.Browser;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * The review journey in real headless Chromium, with axe on every page: a partnership writes and
 * submits a rapid review and starts an LCSPR, the case timeline and the worklists show it, and a
 * Panel member records the Panel's view.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class ReviewJourneyBrowserTest {

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;

  @Test
  @DisplayName(
      "the case timeline, review pages and worklists work in a browser, without axe violations")
  void reviewJourney() throws Exception {
    // Notified Wednesday 4 November 2026: the rapid review is due on 25 November.
    Notification n =
        register.notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2026, 11, 2), 2, 1));
    String casePath = "/notifications/" + n.ref();
    TestAccounts.Person partnership =
        TestAccounts.create(accounts, "wm.business.manager", Role.PARTNERSHIP, "E09000033");
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.signIn(partnership);
      b.get("/worklist");
      assertThat(b.h1()).isEqualTo("Worklist");
      // (issue 15) the partnership's worklist opens on every notification waiting for its rapid
      // review, with its due date
      assertThat(b.driver().findElement(By.id("waiting")).getText())
          .contains("Waiting for the rapid review");
      assertThat(b.main()).contains("25 November 2026").contains("Overdue");
      assertThat(b.main()).contains(n.ref());
      b.assertAccessible("partnership worklist");

      b.get(casePath);
      assertThat(b.main()).contains("Not started").contains("25 November 2026");
      b.assertAccessible("case page before the rapid review");
      b.submitWith(b.driver().findElement(By.id("edit-rapid-review")));
      assertThat(b.h1()).isEqualTo("Start the rapid review");
      b.assertAccessible("rapid review form");

      b.choose("decision", "LCSPR");
      b.type("decisionRationale", "Recurrent themes of neglect across agencies.");
      b.type("signedOffLa-day", "32");
      b.type("signedOffLa-month", "11");
      b.type("signedOffLa-year", "2026");
      b.press("save-review");
      assertThat(b.driver().findElement(By.cssSelector(".govuk-error-summary")).getText())
          .contains("The local authority's sign-off date must be a real date");
      b.assertAccessible("rapid review form with an error");
      b.date("signedOffLa", LocalDate.of(2026, 11, 20));
      b.date("signedOffHealth", LocalDate.of(2026, 11, 20));
      b.date("signedOffPolice", LocalDate.of(2026, 11, 23));
      b.press("save-review");
      assertThat(b.main()).contains("Your change has been saved").contains("Draft");
      b.assertAccessible("case page with a draft");

      b.submitWith(b.driver().findElement(By.id("edit-rapid-review")));
      b.date("receivedDate", LocalDate.of(2026, 11, 24));
      b.press("submit-review");
      assertThat(b.main())
          .contains("Submitted, received 24 November 2026")
          .contains("On time")
          .contains("Rapid review submitted");
      assertThat(b.driver().findElement(By.id("timeline")).isDisplayed()).isTrue();
      b.assertAccessible("case page with the timeline");

      b.submitWith(b.driver().findElement(By.id("start-lcspr")));
      assertThat(b.h1()).isEqualTo("Start a local child safeguarding practice review");
      b.assertAccessible("start an LCSPR");
      // (issue 15) the start date is never pre-filled: a blank one is refused, then typed
      b.press("start");
      assertThat(b.main()).contains("Enter the date the review started");
      b.date("initiated", java.time.LocalDate.of(2026, 11, 25));
      b.press("start");
      assertThat(b.h1()).isEqualTo("LCSPR-2026-00001");
      b.assertAccessible("LCSPR page");
      b.get("/lcsprs");
      b.assertAccessible("list of LCSPRs");
    }

    TestAccounts.Person member = TestAccounts.create(accounts, "panel.reader", Role.PANEL_MEMBER);
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.signIn(member);
      b.get("/worklist");
      assertThat(b.driver().findElement(By.id("awaiting-view")).getText())
          .contains("awaiting the Panel");
      assertThat(b.main()).contains(n.ref());
      b.assertAccessible("Panel worklist");
      b.get(casePath);
      b.submitWith(b.driver().findElement(By.id("consider")));
      assertThat(b.h1()).isEqualTo("The Panel's consideration");
      b.assertAccessible("the Panel's consideration");
      b.press("record-view");
      assertThat(b.driver().findElement(By.cssSelector(".govuk-error-summary")).getText())
          .contains("Select whether the Panel agrees");
      b.assertAccessible("the Panel's consideration with an error");
      b.choose("view", "AGREE");
      b.type("reasons", "The regulation 11 criteria are met.");
      b.press("record-view");
      assertThat(b.main()).contains("Agree: The regulation 11 criteria are met.");
      b.assertAccessible("case page after the Panel's view");
      b.submitWith(b.driver().findElement(By.id("response-letter")));
      assertThat(b.main()).contains("The Panel agrees with this decision.");
      b.assertAccessible("response letter");
    }
  }
}
