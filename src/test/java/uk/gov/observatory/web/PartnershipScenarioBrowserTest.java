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
import uk.gov.observatory.review.Challenge;
import uk.gov.observatory.review.RapidReviews;
import uk.gov.observatory.support.Browser;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.ReviewScenario;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * A safeguarding partnership's day in real Chromium, keyboard only, axe on every page: finds the
 * notification waiting for its rapid review on its worklist, fills part of it and presses Submit
 * with something missing (every missing item listed, every typed field still there), completes and
 * submits it, then answers the Panel's challenge (an empty answer is an error, not a dead end).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class PartnershipScenarioBrowserTest {

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired RapidReviews rapidReviews;

  @Test
  @DisplayName(
      "a partnership's Submit with things missing keeps every typed field; it completes, submits"
          + " and answers a challenge, by keyboard, without axe violations")
  void partnershipDay() throws Exception {
    // Notified Wednesday 4 November 2026: due 25 November, overdue on the test's 26 November.
    Notification n =
        register.notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2026, 11, 2), 2, 1));
    TestAccounts.Person partnership =
        TestAccounts.create(accounts, "wm.lscp.manager", Role.PARTNERSHIP, "E09000033");
    String actions = "The twin sibling was placed with the maternal aunt that night.";

    try (Browser b = Browser.open("http://localhost:" + port)) {
      ReviewScenario.keySignIn(b, partnership);
      b.get("/worklist?list=waiting&due=overdue");
      assertThat(b.driver().findElement(By.id("waiting")).getText())
          .contains("Waiting for the rapid review");
      assertThat(b.main()).contains("Overdue");
      b.assertAccessible("the partnership's worklist");

      b.keyPress("waiting-" + n.ref());
      assertThat(b.main()).contains("Not started");
      b.assertAccessible("the case before its rapid review");
      b.keyPress("edit-rapid-review");
      assertThat(b.h1()).isEqualTo("Start the rapid review");
      b.assertAccessible("the rapid review form");

      // Part of it: immediate actions and the three sign-offs; no decision, no received date.
      b.keyType("immediateActions", actions);
      b.keyDate("signedOffLa", LocalDate.of(2026, 11, 20));
      b.keyDate("signedOffHealth", LocalDate.of(2026, 11, 23));
      b.keyDate("signedOffPolice", LocalDate.of(2026, 11, 24));
      b.keyPress("submit-review");
      // What was typed is saved as a draft; what submission still needs is listed.
      assertThat(ReviewScenario.errorSummary(b))
          .contains("Enter the date the Panel received the rapid review")
          .doesNotContain("signed off");
      assertThat(b.main()).contains("Saved, not submitted");
      // Every typed field is still there.
      assertThat(ReviewScenario.value(b, "immediateActions")).isEqualTo(actions);
      assertThat(ReviewScenario.value(b, "signedOffLa-day")).isEqualTo("20");
      assertThat(ReviewScenario.value(b, "signedOffLa-month")).isEqualTo("11");
      assertThat(ReviewScenario.value(b, "signedOffLa-year")).isEqualTo("2026");
      assertThat(ReviewScenario.value(b, "signedOffHealth-day")).isEqualTo("23");
      assertThat(ReviewScenario.value(b, "signedOffPolice-day")).isEqualTo("24");
      assertThat(ReviewScenario.value(b, "signedOffPolice-year")).isEqualTo("2026");
      b.assertAccessible("the rapid review with what is missing");

      // Completes it and submits: the decision (from "Undecided", the last, one on is the first).
      ReviewScenario.keyRadio(b, "decision-3", 1);
      b.keyType("decisionRationale", "Agencies did not share what each of them knew.");
      b.keyDate("receivedDate", LocalDate.of(2026, 11, 25));
      b.keyPress("submit-review");
      assertThat(b.main())
          .contains("Submitted, received 25 November 2026")
          .contains("Rapid review submitted")
          .contains(actions);
      b.assertAccessible("the case with its rapid review submitted");

      // The Panel challenges it; the partnership answers.
      Challenge c =
          rapidReviews
              .challenge(
                  n.ref(),
                  "Please say more about the early help offer.",
                  Viewer.system("panel.member"))
              .orElseThrow();
      b.get("/worklist?list=challenges");
      assertThat(b.driver().findElement(By.id("challenges")).getText()).contains("Challenges");
      b.keyPress("challenges-" + n.ref());
      assertThat(b.main()).contains("Please say more about the early help offer.");
      b.keyPress("send-reply-" + c.id());
      assertThat(ReviewScenario.errorSummary(b)).contains("Enter your reply");
      b.assertAccessible("the case with an empty reply refused");
      b.keyType("reply-" + c.id(), "Early help was offered twice and declined.");
      b.keyPress("send-reply-" + c.id());
      assertThat(b.main())
          .contains("Challenge 1: answered")
          .contains("Early help was offered twice and declined.");
      b.assertAccessible("the case with the challenge answered");
    }
  }
}
