package uk.gov.observatory.library;

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
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.support.Browser;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.TestClock;
import uk.gov.observatory.support.TestPdfs;

/**
 * The learning library as the public uses it, in Chromium, keyboard only, axe on every page: from
 * the footer to the search, a search, a facet chosen, a document opened, back to the search and on
 * to the feed (it lists the documents), the monthly email asked for; no cookie at any point; the
 * search fits a 320 pixel wide screen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class LibraryPublicBrowserTest {

  @LocalServerPort int port;
  @Autowired LibraryDocuments documents;

  final Viewer secretariat = Viewer.system("test");

  long publish(
      DocumentType type, String title, LocalDate on, String la, String theme, String... pages) {
    long id =
        documents
            .add(
                new NewDocument(
                    new DocumentDetails(
                        type,
                        title,
                        on,
                        la,
                        ReviewModel.SILP,
                        List.of("AGE_1_4"),
                        List.of(),
                        List.of(theme),
                        List.of(),
                        "A toddler's injuries were not explained.",
                        "Professionals accepted explanations without challenge.",
                        "Ask for a second opinion when an injury is not explained."),
                    null,
                    null,
                    new PdfFile(title + ".pdf", TestPdfs.of(pages))),
                secretariat)
            .id();
    documents.publish(id, null, secretariat);
    return id;
  }

  @Test
  @DisplayName(
      "search, a facet, a document, the feed and the monthly email, by keyboard, axe clean")
  void publicJourney() throws Exception {
    long toddler =
        publish(
            DocumentType.LCSPR,
            "Child T: unexplained injuries to a toddler",
            LocalDate.of(2020, 9, 1),
            "E09000033",
            "CRITICAL_THINKING",
            "Summary of the case",
            "Bruising on the toddler was seen by a nursery worker");
    publish(
        DocumentType.NATIONAL_REVIEW,
        "Sharing information about injuries to babies",
        LocalDate.of(2021, 3, 1),
        null,
        "INFORMATION_SHARING",
        "Injuries to babies under one were reported late");

    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.get("/");
      b.keyPress("footer-learning");
      assertThat(b.h1()).isEqualTo("Learning library");
      assertThat(b.main()).contains("2 documents");
      b.assertAccessible("the learning library");

      b.keyType("q", "injury");
      b.keyPress("search");
      assertThat(b.main())
          .contains("2 documents")
          .contains("Child T: unexplained injuries to a toddler")
          .contains("Sharing information about injuries to babies");
      b.assertAccessible("the search's results");

      String theme =
          b.driver()
              .findElement(By.cssSelector("input[name='theme'][value='CRITICAL_THINKING']"))
              .getAttribute("id");
      b.keyChoose(theme);
      b.keyPress("apply-filters");
      assertThat(b.driver().getCurrentUrl())
          .contains("q=injury")
          .contains("theme=CRITICAL_THINKING");
      assertThat(b.main())
          .contains("1 document")
          .contains("Practice theme: Critical thinking and challenge")
          .doesNotContain("Sharing information about injuries to babies");
      b.assertAccessible("the search narrowed by a practice theme");

      b.keyPress("document-" + toddler);
      assertThat(b.h1()).isEqualTo("Child T: unexplained injuries to a toddler");
      assertThat(b.main())
          .contains("Westminster")
          .contains("Learning includes")
          .contains("Professionals accepted explanations without challenge.")
          .contains("Read the full report");
      b.assertAccessible("a document's page");

      b.keyPress("back-to-search");
      b.width(320);
      assertThat(b.scrollsSideways()).as("the search at 320 pixels wide").isFalse();
      b.width(1280);
      b.keyPress("feed-link");
      String feed = b.driver().getPageSource();
      assertThat(feed)
          .contains("Child T: unexplained injuries to a toddler")
          .contains("Sharing information about injuries to babies")
          .contains("/learning/documents/" + toddler);

      b.get("/learning");
      b.keyPress("subscribe-link");
      b.assertAccessible("the monthly email's form");
      b.keyType("email", "not an address");
      b.keyPress("subscribe");
      assertThat(b.main()).contains("Enter an email address in the correct format");
      b.assertAccessible("the monthly email's form with its error");
      b.keyType("email", "reader@example.org");
      b.keyPress("subscribe");
      assertThat(b.h1()).isEqualTo("Check your email");
      b.assertAccessible("check your email");

      // The emailed links' pages (a link's secret has 43 characters): each a button, axe clean.
      String token = "A".repeat(43);
      b.get("/learning/subscribe/confirm?token=" + token);
      assertThat(b.h1()).isEqualTo("Confirm your subscription");
      b.assertAccessible("the confirmation link's page");
      b.get("/learning/unsubscribe/" + token);
      assertThat(b.h1()).isEqualTo("Stop the monthly email");
      b.assertAccessible("the unsubscribe link's page");
      b.keyPress("unsubscribe");
      assertThat(b.h1()).isEqualTo("This link does not work");
      b.assertAccessible("a link that does not work");

      assertThat(b.driver().manage().getCookies()).as("cookies set by the public pages").isEmpty();
    }
  }
}
