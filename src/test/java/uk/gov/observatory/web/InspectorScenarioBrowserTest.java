package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
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
import uk.gov.observatory.review.Lcspr;
import uk.gov.observatory.review.Lcsprs;
import uk.gov.observatory.support.Browser;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * An inspector's day (issue 15), in Chromium, keyboard only, axe on every page: the register, the
 * LCSPR list and an LCSPR, read-only: no write buttons and no identifying details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class InspectorScenarioBrowserTest {

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired Lcsprs lcsprs;

  @Test
  @DisplayName(
      "the inspector reads the register, the LCSPR list and an LCSPR: no write buttons, no"
          + " identifying details")
  void inspectorsDay() throws Exception {
    Notification n =
        register.notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2026, 3, 2), 2, 2));
    register.notify(Submissions.of("E08000035", "DEATH", LocalDate.of(2026, 4, 6), 2, 1));
    Lcspr l =
        lcsprs.initiate(null, List.of(n.ref()), LocalDate.of(2026, 4, 1), Viewer.system("test"));
    TestAccounts.Person inspector = TestAccounts.create(accounts, "ofsted.day", Role.INSPECTOR);
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.signIn(inspector);
      b.get("/notifications");
      assertThat(b.h1()).isEqualTo("Register of notifications");
      assertThat(b.main())
          .contains(n.ref())
          .contains("Review status")
          .contains("Local review under way")
          .doesNotContain("Synthetic Name");
      b.assertAccessible("the register, as the inspector");
      b.keyType("review", "Local review under way");
      b.keyPress("apply-filters");
      assertThat(b.main()).contains("1 notification").contains(n.ref());
      b.assertAccessible("the register filtered by review status");

      b.get("/lcsprs");
      assertThat(b.h1()).isEqualTo("Local child safeguarding practice reviews");
      assertThat(b.main()).contains(l.ref()).doesNotContain("Start a local review");
      b.assertAccessible("the LCSPR list, as the inspector");
      b.keyPress("lcspr-" + l.ref());
      assertThat(b.h1()).isEqualTo(l.ref());
      assertThat(b.main())
          .contains("Initiated")
          .contains("About the review")
          .doesNotContain("Synthetic Name")
          .doesNotContain("Record completion")
          .doesNotContain("Withdraw");
      assertThat(b.driver().findElements(By.cssSelector("main form"))).isEmpty();
      assertThat(b.driver().findElements(By.cssSelector("main button"))).isEmpty();
      b.assertAccessible("an LCSPR, as the inspector");
    }
  }
}
