package uk.gov.observatory.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.Browser;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.ReviewScenario;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * Issue 18, the secretariat's library pages in a browser, by keyboard only, axe on every page: a
 * document added with a PDF holding a child's name from the register is blocked with its page and
 * line (not the name); the redacted PDF is uploaded, the check clears, and it is published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class LibraryStaffBrowserTest {

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired JdbcTemplate jdbc;

  @TempDir Path dir;

  @Test
  @DisplayName(
      "the secretariat adds a PDF with a planted child's name, sees it blocked on page 2, uploads"
          + " the redacted PDF and publishes (keyboard only, axe clean)")
  void blockedRedactedPublished() throws Exception {
    TestAccounts.Person secretariat =
        TestAccounts.create(accounts, "library.secretariat", Role.PANEL_SECRETARIAT);
    register.notify(
        LibraryStaffPagesHttpTest.death(
            "E09000033",
            LibraryStaffPagesHttpTest.FIRST + " " + LibraryStaffPagesHttpTest.LAST,
            "2026-01-15"));
    Path planted = dir.resolve("national-review.pdf");
    Files.write(planted, LibraryStaffPagesHttpTest.report(false));
    Path redacted = dir.resolve("national-review-redacted.pdf");
    Files.write(redacted, LibraryStaffPagesHttpTest.report(true));

    try (Browser b = Browser.open("http://localhost:" + port)) {
      ReviewScenario.keySignIn(b, secretariat);
      b.get("/library");
      assertThat(b.h1()).isEqualTo("Learning library");
      b.assertAccessible("the library");

      b.keyPress("add-document");
      assertThat(b.h1()).isEqualTo("Add a document");
      b.assertAccessible("add a document");
      // down the form by Tab from the type, as a keyboard user goes: no step starts again at the
      // top
      ReviewScenario.keyRadio(b, "type", 1); // the second type: a national review
      b.tabTo("title").sendKeys("Safer sleep: a national review");
      b.tabTo("published-day").sendKeys("20");
      b.tabTo("published-month").sendKeys("11");
      b.tabTo("published-year").sendKeys("2026");
      b.tabTo("themes").sendKeys(Keys.SPACE);
      b.tabTo("summary").sendKeys("A baby died after an unsafe sleeping arrangement.");
      // choosing a file is the one step the keyboard hands to the system's file chooser
      b.tabTo("pdf").sendKeys(planted.toString());
      b.keyPress("save");

      assertThat(b.h1()).isEqualTo("Safer sleep: a national review");
      assertThat(b.main())
          .contains("The document has been added as a draft", "Blocked (1 finding)")
          .contains("Page 2, line 3", "A child’s name")
          .doesNotContain(LibraryStaffPagesHttpTest.FIRST, LibraryStaffPagesHttpTest.LAST);
      b.assertAccessible("a blocked document");

      b.focusStart();
      b.tabTo("pdf").sendKeys(redacted.toString());
      b.keyPress("upload");
      assertThat(b.main())
          .contains("The new PDF has been uploaded and checked", "Clear")
          .doesNotContain("Page 2, line 3");
      // the same page as above, in another state: axe has checked it

      b.keyPress("publish");
      assertThat(b.h1()).isEqualTo("Publish in the learning library");
      b.assertAccessible("publish");
      b.keyPress("confirm-publish");
      assertThat(b.main()).contains("The document has been published in the learning library");
      b.assertAccessible("a published document");
    }
    assertThat(jdbc.queryForObject("select status from library_document", String.class))
        .isEqualTo("PUBLISHED");
  }
}
