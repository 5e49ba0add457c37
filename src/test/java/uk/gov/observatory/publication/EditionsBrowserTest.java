package uk.gov.observatory.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.Browser;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * The secretariat publishes an edition in Chromium, keyboard only, axe on every page: drafts it (a
 * blank as-at date refused first), edits a paragraph, previews, confirms and publishes; then the
 * public reads the statistics pages without signing in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class EditionsBrowserTest {

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired Editions editions;
  @Autowired DatabaseOwner owner;

  @BeforeEach
  void seed() {
    owner.jdbc().execute("truncate edition cascade");
    for (int i = 0; i < 5; i++) {
      register.notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2020, 3, 2 + i), 2, 1));
      register.notify(
          Submissions.of("E08000035", "SERIOUS_HARM", LocalDate.of(2020, 6, 1 + i), 2, 1));
    }
  }

  @Test
  @DisplayName(
      "the secretariat drafts, edits, previews and publishes an edition by keyboard; the public"
          + " reads it without signing in; every page passes axe")
  void publishByKeyboard() throws Exception {
    TestAccounts.Person secretariat =
        TestAccounts.create(accounts, "ed.keyboard", Role.PANEL_SECRETARIAT);
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.signIn(secretariat);
      b.get("/editions");
      b.assertAccessible("editions");
      b.keyPress("new-edition");
      assertThat(b.h1()).isEqualTo("Draft a new edition");
      b.assertAccessible("new edition");

      // A blank as-at date is an error, not today.
      b.keyType("year", "2020");
      b.keyPress("draft");
      assertThat(b.main()).contains("There is a problem").contains("Enter the as-at date");
      assertThat(editions.count()).isZero();
      b.assertAccessible("new edition with an error");

      b.keyDate("as-at", LocalDate.of(2021, 3, 31));
      b.keyPress("draft");
      assertThat(b.h1()).isEqualTo("Serious incident notifications: 2020, England");
      b.assertAccessible("draft");

      String words = "The Panel received notification of 10 serious incidents in 2020.";
      b.keyType("paragraph-H", words);
      b.keyPress("save");
      assertThat(b.main()).contains("The paragraphs were saved.");

      b.keyPress("preview");
      assertThat(b.main()).contains("Preview of a draft: not published").contains(words);
      b.assertAccessible("preview");

      b.keyPress("publish");
      b.assertAccessible("publish question");
      b.keyPress("publish-now");
      assertThat(b.main()).contains("Tick the box");
      b.assertAccessible("publish question with an error");
      b.keyChoose("confirm");
      b.keyPress("publish-now");
      assertThat(b.main()).contains("The edition is published.");
      b.assertAccessible("published");

      // The public page, as anyone reads it.
      b.keyPress("public-page");
      assertThat(b.h1()).isEqualTo("Serious incident notifications: 2020, England");
      assertThat(b.main()).contains(words).contains("Downloads").contains("31 March 2021");
      b.assertAccessible("public edition");
    }
    // A fresh browser, never signed in.
    try (Browser anyone = Browser.open("http://localhost:" + port)) {
      anyone.get("/statistics");
      assertThat(anyone.main()).contains("England, 2020");
      anyone.assertAccessible("statistics");
      Edition e = editions.published().get(0);
      anyone.get("/statistics/" + e.slug());
      anyone.assertAccessible("public edition, not signed in");
      assertThat(anyone.driver().manage().getCookies()).isEmpty();
    }
  }
}
