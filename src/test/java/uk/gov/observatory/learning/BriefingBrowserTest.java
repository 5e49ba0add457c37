package uk.gov.observatory.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.notification.NotificationSubmission;
import uk.gov.observatory.notification.NotificationSubmission.ChildSubmission;
import uk.gov.observatory.review.Decision;
import uk.gov.observatory.review.RapidReview;
import uk.gov.observatory.review.RapidReviewContent;
import uk.gov.observatory.review.RapidReviews;
import uk.gov.observatory.support.Browser;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * The secretariat's learning briefing in Chromium, keyboard only, axe on every page: a quarter
 * chosen, the quarter's learning found and added as an excerpt, its approval refused while a
 * child's name from the register is in it (the GOV.UK error says where, not what), approved once it
 * is gone, published; the public page read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class BriefingBrowserTest {

  static final String LEARNING =
      "Practitioners relied on telephone contact while schools were closed, so no one saw where"
          + " the baby slept.";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired RapidReviews reviews;
  @Autowired LearningBriefings briefings;

  @Test
  @DisplayName("a briefing drafted, checked, approved and published by keyboard, axe clean")
  void briefing() throws Exception {
    Viewer system = Viewer.system("test");
    String ref =
        register
            .notify(
                new NotificationSubmission(
                    null,
                    "E09000033",
                    "2020-05-01",
                    "2020-05-01",
                    "2020-05-04",
                    "DEATH",
                    "SUDI",
                    null,
                    "3",
                    List.of(),
                    null,
                    "NONE",
                    "NONE",
                    "AT_HOME",
                    List.of(),
                    List.of(
                        new ChildSubmission(
                            "1", "FEMALE", "0", "WBRI", "Amelia Hartley", "2020-01-15"))))
            .ref();
    LocalDate signed = LocalDate.of(2020, 5, 18);
    RapidReview draft =
        reviews
            .save(
                ref,
                new RapidReviewContent(
                    "Health visiting and the police.",
                    "The baby was found unresponsive.",
                    "A safety plan for the siblings.",
                    LEARNING,
                    null,
                    null,
                    Decision.NO_LCSPR,
                    null,
                    null,
                    Set.of(),
                    false,
                    null,
                    true,
                    true,
                    signed,
                    signed,
                    signed,
                    List.of("CHANGING_RISK")),
                0,
                system)
            .orElseThrow();
    reviews.submit(ref, LocalDate.of(2020, 5, 20), draft.version(), system).orElseThrow();

    TestAccounts.Person secretariat =
        TestAccounts.create(accounts, "lb.browser", Role.PANEL_SECRETARIAT);
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.signIn(secretariat);
      b.get("/briefings");
      b.assertAccessible("the list of briefings");
      // A blank form: both fields named.
      b.keyPress("start");
      assertThat(b.main()).contains("Enter the year as 4 numbers").contains("Choose the quarter");
      b.assertAccessible("the list with errors");
      b.keyType("year", "2020");
      b.focusStart();
      b.tabTo("quarter").sendKeys("Quarter 2");
      b.keyPress("start");
      assertThat(b.h1()).isEqualTo("Learning briefing: April to June 2020");
      b.assertAccessible("the draft");

      b.keyPress("find-learning");
      assertThat(b.main()).contains("Rapid review of notification " + ref).contains(LEARNING);
      b.assertAccessible("finding learning");
      b.keyPress("add-1");
      long briefing = briefings.all(system).get(0).id();
      long excerpt = briefings.excerpts(briefing, system).get(0).id();
      String field = "excerpt-" + excerpt;

      // The child's given name in it: refused, saying where.
      b.keyType(field, "Amelia was not seen. " + LEARNING);
      b.keyPress(field + "-approve");
      String summary = b.driver().findElement(By.cssSelector(".govuk-error-summary")).getText();
      assertThat(summary)
          .contains(
              "Excerpt 1: The excerpt contains a child's name from the register, at character 1"
                  + " (word 1)")
          .doesNotContain("Amelia");
      assertThat(b.driver().findElement(By.id(field + "-error")).getText())
          .contains("contains a child's name from the register");
      b.assertAccessible("the draft with the check's error");
      assertThat(briefings.excerpt(excerpt).orElseThrow().approved()).isFalse();

      b.keyType(field, LEARNING);
      b.keyPress(field + "-approve");
      assertThat(b.main()).contains("The excerpt passed the check and is approved.");
      assertThat(b.driver().findElement(By.id("excerpt-count")).getText())
          .isEqualTo("1 of 1 approved");

      b.keyChoose("confirm");
      b.keyPress("publish");
      assertThat(b.driver().getCurrentUrl()).endsWith("/statistics/learning-briefings/2020-q2");
      assertThat(b.h1()).isEqualTo("Learning briefing: April to June 2020");
      assertThat(b.main()).contains(LEARNING).contains("From a rapid review").doesNotContain(ref);
      b.assertAccessible("the published briefing");
      b.width(320);
      assertThat(b.scrollsSideways()).as("the published briefing at 320 pixels").isFalse();
    }
  }
}
