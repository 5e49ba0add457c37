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
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.review.QualityCriterion;
import uk.gov.observatory.review.RapidReviews;
import uk.gov.observatory.support.Browser;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.ReviewScenario;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * A Panel member's day in real Chromium, keyboard only, axe on every page: signs in, opens the
 * worklist, opens a case whose rapid review has been submitted, reads what the partnership wrote
 * (on the case page, its own read-only page and beside the Panel's forms), records the Panel's view
 * and the quality scores, and sees the result on the case page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class PanelMemberScenarioBrowserTest {

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired RapidReviews rapidReviews;

  @Test
  @DisplayName(
      "a Panel member reads a submitted rapid review's text, records the Panel's view and"
          + " scores, by keyboard, without axe violations")
  void panelMemberDay() throws Exception {
    Notification n =
        register.notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2026, 11, 2), 2, 1));
    ReviewScenario.submitted(rapidReviews, n.ref(), Viewer.system("wm.partnership"));
    TestAccounts.Person member = TestAccounts.create(accounts, "panel.day", Role.PANEL_MEMBER);

    try (Browser b = Browser.open("http://localhost:" + port)) {
      ReviewScenario.keySignIn(b, member);
      b.assertAccessible("after signing in");
      b.get("/worklist");
      assertThat(b.driver().findElement(By.id("awaiting-view")).getText())
          .contains("awaiting the Panel");
      b.assertAccessible("the Panel's worklist");

      // The worklist leads to the Panel's consideration, with the rapid review's text beside it.
      b.keyPress("awaiting-view-" + n.ref());
      assertThat(b.h1()).isEqualTo("The Panel's consideration");
      assertThat(b.driver().findElement(By.id("rr-text")).getText()).contains(ReviewScenario.FACTS);
      b.assertAccessible("the Panel's consideration from the worklist");

      b.get("/notifications/" + n.ref());
      assertThat(b.h1()).isEqualTo(n.ref());
      // The member reads what the partnership wrote on the case page.
      assertThat(b.main())
          .contains(ReviewScenario.FACTS)
          .contains(ReviewScenario.ACTIONS)
          .contains(ReviewScenario.LEARNING)
          .contains(ReviewScenario.RATIONALE)
          .contains("29 January 2027");
      b.assertAccessible("the case page with the rapid review's text");

      // The partnership's address for writing it leads the member to the read-only page.
      b.get("/notifications/" + n.ref() + "/rapid-review");
      assertThat(b.driver().getCurrentUrl()).endsWith("/rapid-review/read");
      assertThat(b.h1()).isEqualTo("Rapid review");
      assertThat(b.main())
          .contains(ReviewScenario.LEARNING)
          .contains("Version 2: Submitted, received 24 November 2026");
      assertThat(b.driver().findElements(By.id("save-review"))).isEmpty();
      b.assertAccessible("the rapid review, read-only");

      b.keyPress("consider");
      assertThat(b.h1()).isEqualTo("The Panel's consideration");
      assertThat(b.driver().findElement(By.id("rr-text")).getText())
          .contains(ReviewScenario.ACTIONS)
          .contains(ReviewScenario.LEARNING);
      b.assertAccessible("the Panel's consideration beside the rapid review");

      ReviewScenario.keyRadio(b, "view", 0);
      b.keyType("reasons", "The criteria of regulation 11 are met: agencies did not share.");
      b.keyPress("record-view");
      assertThat(b.main())
          .contains("Your change has been saved")
          .contains("Agree: The criteria of regulation 11 are met: agencies did not share.");
      b.assertAccessible("the case page after the Panel's view");

      b.keyPress("consider");
      for (QualityCriterion c : QualityCriterion.values()) {
        ReviewScenario.keyRadio(b, "quality-" + c.name(), 2);
      }
      b.keyPress("assess");
      assertThat(b.driver().findElement(By.id("rapid-review")).isDisplayed()).isTrue();
      assertThat(b.main()).contains("12 of 12").contains("Quality assessed");
      b.assertAccessible("the case page with the quality assessment");
    }
  }
}
