package uk.gov.observatory.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.review.Decision;
import uk.gov.observatory.review.RapidReview;
import uk.gov.observatory.review.RapidReviewContent;
import uk.gov.observatory.review.RapidReviews;
import uk.gov.observatory.review.Regulation11Criterion;

/**
 * What the review scenario tests share: signing in by keyboard alone, choosing a radio by arrow
 * keys, reading a field's value, and a rapid review with sentences distinctive enough to find on
 * the Panel's pages.
 */
public final class ReviewScenario {

  private ReviewScenario() {}

  /** Distinctive sentences the partnership wrote, to be found on the Panel's pages. */
  public static final String FACTS = "The baby was seen by the health visitor nine days earlier.";

  public static final String ACTIONS =
      "The twin sibling was placed with the maternal aunt that night.";
  public static final String LEARNING =
      "Midwifery and the GP held different pictures of the father's role.";
  public static final String RATIONALE = "Agencies did not share what each of them knew.";

  /** Signs in with the keyboard only: username, password (Enter), authenticator code (Enter). */
  public static void keySignIn(Browser b, TestAccounts.Person person) {
    b.get("/sign-in");
    b.keyType("username", person.username());
    b.keyType("password", TestAccounts.PASSWORD);
    b.keyPress("password");
    b.keyType("code", person.code());
    b.keyPress("code");
    assertThat(b.driver().getCurrentUrl()).doesNotContain("/sign-in");
  }

  /**
   * Tabs to a radio group (Tab lands on its checked radio, or its first when none is: {@code
   * focusId}) and moves {@code steps} radios on with the arrow key, which selects it (from the
   * last, on to the first), or presses Space for 0 steps, as a keyboard user does.
   */
  public static void keyRadio(Browser b, String focusId, int steps) {
    b.focusStart();
    WebElement radio = b.tabTo(focusId);
    if (steps == 0) {
      radio.sendKeys(Keys.SPACE);
    }
    for (int i = 0; i < steps; i++) {
      b.driver().switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
    }
  }

  /** The value a field holds now. */
  public static String value(Browser b, String id) {
    return b.driver().findElement(By.id(id)).getAttribute("value");
  }

  /** The error summary's text (fails when there is none). */
  public static String errorSummary(Browser b) {
    return b.driver().findElement(By.cssSelector(".govuk-error-summary")).getText();
  }

  /** A rapid review written and submitted by the partnership, with the distinctive sentences. */
  public static RapidReview submitted(RapidReviews reviews, String ref, Viewer partnership) {
    LocalDate signed = LocalDate.of(2026, 11, 20);
    RapidReviewContent c =
        new RapidReviewContent(
            "Health visiting, the GP, midwifery and the police.",
            FACTS,
            ACTIONS,
            LEARNING,
            "A seven-minute briefing for every agency.",
            LocalDate.of(2027, 1, 29),
            Decision.LCSPR,
            null,
            RATIONALE,
            Set.of(Regulation11Criterion.AGENCIES_WORKING_TOGETHER),
            false,
            null,
            true,
            true,
            signed,
            signed,
            signed,
            List.of());
    RapidReview draft = reviews.save(ref, c, 0, partnership).orElseThrow();
    return reviews
        .submit(ref, LocalDate.of(2026, 11, 24), draft.version(), partnership)
        .orElseThrow();
  }
}
