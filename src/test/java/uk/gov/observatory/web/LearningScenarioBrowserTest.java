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
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.learning.Analysis;
import uk.gov.observatory.learning.AnalysisStatus;
import uk.gov.observatory.learning.Coding;
import uk.gov.observatory.learning.ThematicAnalyses;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.review.RapidReviews;
import uk.gov.observatory.support.Browser;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.LearningRegister;
import uk.gov.observatory.support.ReviewScenario;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * A thematic analysis like the annual report's COVID-19 one, from scoping to publication, in real
 * Chromium by keyboard alone, with axe on every page: the secretariat scopes it (rapid reviews
 * received March to September 2020 citing a COVID-19 factor), counts the population, adds the four
 * COVID-19 factors as its coding frame, draws every case and a control group of the same period,
 * gives the cases to two Panel members with a share coded twice; each member codes their cases
 * beside the rapid review's text; the secretariat (a third person) resolves the disagreements,
 * reads the results and publishes them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class LearningScenarioBrowserTest {

  static final List<String> FACTORS =
      List.of(
          "PARENTAL_FAMILY_STRESSORS",
          "CHILD_VULNERABILITY",
          "SCHOOL_CLOSURE",
          "COVID_SAFE_ADAPTATION");

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired RapidReviews reviews;
  @Autowired ThematicAnalyses analyses;
  @Autowired Viewers viewers;

  /** Signs in by keyboard with a given authenticator code. */
  static void keySignIn(Browser b, TestAccounts.Person person, String code) {
    b.get("/sign-in");
    b.keyType("username", person.username());
    b.keyType("password", TestAccounts.PASSWORD);
    b.keyPress("password");
    b.keyType("code", code);
    b.keyPress("code");
    assertThat(b.driver().getCurrentUrl()).doesNotContain("/sign-in");
  }

  /**
   * Codes every case the member is given: the parental and family stressors at {@code steps} radios
   * on from "None" (3: high, 1: low), the other factors "None"; returns how many.
   */
  static int codeAll(Browser b, String ref, int steps) {
    b.get("/analyses");
    b.keyPress("open-" + ref);
    assertThat(b.h1()).isEqualTo("Cases to code");
    b.assertAccessible("a coder's cases to code");
    b.keyPress("start-coding");
    int coded = 0;
    while (b.driver().getCurrentUrl().contains("/cases/")) {
      String caseRef = b.driver().getCurrentUrl().replaceAll(".*/cases/", "");
      assertThat(b.h1()).isEqualTo("Code " + caseRef);
      // beside the rapid review's own text
      assertThat(b.driver().findElement(By.id("rr-text")).getText())
          .contains(LearningRegister.learning(caseRef));
      if (coded == 0) {
        b.assertAccessible("the coding page of " + caseRef);
      }
      ReviewScenario.keyRadio(b, "value-PARENTAL_FAMILY_STRESSORS", steps);
      for (String f : FACTORS.subList(1, FACTORS.size())) {
        ReviewScenario.keyRadio(b, "value-" + f, 0);
      }
      b.keyPress("save-next");
      coded++;
    }
    assertThat(b.main()).contains("You have coded every case you were given");
    b.assertAccessible("a coder's cases, all coded");
    b.keyPress("sign-out");
    return coded;
  }

  @Test
  @DisplayName(
      "the secretariat scopes, counts, frames, draws and assigns an analysis like the COVID-19"
          + " one; two members code it blind; the secretariat resolves, reads and publishes it;"
          + " by keyboard, without axe violations")
  void covidAnalysis() throws Exception {
    TestAccounts.Person lead = TestAccounts.create(accounts, "lead.sec", Role.PANEL_SECRETARIAT);
    TestAccounts.Person memberA = TestAccounts.create(accounts, "member.a", Role.PANEL_MEMBER);
    TestAccounts.Person memberB = TestAccounts.create(accounts, "member.b", Role.PANEL_MEMBER);
    List<String> refs = LearningRegister.make(register, reviews, 2, 1);

    String ref;
    try (Browser b = Browser.open("http://localhost:" + port)) {
      keySignIn(b, lead, lead.code());
      b.get("/analyses");
      assertThat(b.h1()).isEqualTo("Thematic analyses");
      b.assertAccessible("the thematic analyses, none yet");

      b.keyPress("new-analysis");
      assertThat(b.h1()).isEqualTo("Create a thematic analysis");
      b.assertAccessible("the scoping form");
      b.keyType("title", "COVID-19 and serious incidents");
      b.keyType("question", "How far did the four COVID-19 factors bear on the incidents?");
      b.keyDate("received-from", LocalDate.of(2020, 3, 1));
      b.keyDate("received-to", LocalDate.of(2020, 9, 30));
      ReviewScenario.keyRadio(b, "covid", 1); // from "Do not filter" on to "Any factor"
      b.keyPress("count");
      assertThat(b.driver().findElement(By.id("count-result")).getText())
          .contains("2 notifications match");
      b.assertAccessible("the scoping form with its count");

      b.keyPress("save");
      ref = b.driver().getCurrentUrl().replaceAll(".*/analyses/([^?#/]+).*", "$1");
      assertThat(b.h1()).isEqualTo("COVID-19 and serious incidents");
      assertThat(b.main())
          .contains("1 March 2020 to 30 September 2020")
          .contains("Any COVID-19 factor cited")
          .contains("2 notifications");
      b.assertAccessible("the new analysis");

      b.keyPress("add-covid");
      assertThat(b.driver().findElement(By.id("frame-codes")).getText())
          .contains("Parental and family stressors")
          .contains("Impact of school closures");
      b.assertAccessible("the analysis with its coding frame");

      b.keyPress("draw");
      assertThat(b.h1()).isEqualTo("Draw the sample");
      b.assertAccessible("the draw form");
      b.keyType("seed", "2020");
      b.keyType("control-size", "1");
      b.keyPress("draw-now");
      assertThat(b.h1()).isEqualTo("Drawn cases");
      assertThat(b.main()).contains("2 in the sample, 1 in the control group. Seed 2020.");
      b.assertAccessible("the drawn cases");

      b.keyChoose("coder-member.a");
      b.keyChoose("coder-member.b");
      b.keyType("double-percent", "50");
      b.keyPress("assign");
      assertThat(b.main()).contains("3 cases given to coders, 2 of them coded twice.");
      b.assertAccessible("the drawn cases with their coders");
      b.keyPress("sign-out");

      // Each member codes their own cases, blind: a says high, b low.
      keySignIn(b, memberA, memberA.code());
      int byA = codeAll(b, ref, 3);
      keySignIn(b, memberB, memberB.code());
      int byB = codeAll(b, ref, 1);
      assertThat(byA + byB).isEqualTo(5);

      // The secretariat, neither coder, resolves and publishes.
      keySignIn(b, lead, lead.code(TestClock.NOW, 1));
      b.get("/analyses");
      b.keyPress("open-" + ref);
      assertThat(b.driver().findElement(By.id("coded-count")).getText()).isEqualTo("3 of 3");
      b.keyPress("advance");
      assertThat(b.main()).contains("The analysis is now at Analysis.");
      b.assertAccessible("the analysis at analysis");

      b.keyPress("open-agreement");
      assertThat(b.h1()).isEqualTo("Agreement and disagreements");
      assertThat(b.driver().findElement(By.id("agreement")).getText())
          .contains("Parental and family stressors 2 0.0%");
      assertThat(b.driver().findElement(By.id("disagreements")).getText())
          .isEqualTo("Disagreements (2)");
      b.assertAccessible("the agreement and disagreements");
      for (int i = 1; i <= 2; i++) {
        assertThat(b.driver().findElement(By.id("disagreement-" + i)).getText())
            .contains("High")
            .contains("Low");
        ReviewScenario.keyRadio(b, "resolve-" + i, 2); // Medium
        b.keyPress("resolve-button-" + i);
        assertThat(b.driver().findElement(By.id("resolved-" + i)).getText()).isEqualTo("Medium");
        b.assertAccessible("a disagreement resolved");
      }
      assertThat(b.main()).contains("Every disagreement is resolved.");

      b.get("/analyses/" + ref);
      b.keyPress("open-results");
      assertThat(b.h1()).isEqualTo("Results");
      assertThat(b.driver().findElements(By.cssSelector("svg[role='img']"))).isNotEmpty();
      assertThat(b.main()).contains("Sample").contains("Control group");
      b.assertAccessible("the results");

      b.get("/analyses/" + ref);
      b.keyPress("advance");
      assertThat(b.driver().findElement(By.id("status")).getText()).isEqualTo("Published");
      assertThat(b.main()).contains("Published on 26 November 2026.");
      b.assertAccessible("the published analysis");
    }

    var v = viewers.of("lead.sec");
    Analysis a = analyses.get(ref, v);
    assertThat(a.status()).isEqualTo(AnalysisStatus.PUBLISHED);
    assertThat(analyses.cases(ref, v)).hasSize(3);
    assertThat(refs).hasSize(3);
    assertThat(analyses.disagreements(ref, v)).allMatch(d -> "MEDIUM".equals(d.resolvedValue()));
    assertThat(analyses.codings(ref, v)).extracting(Coding::coder).contains("member.a", "member.b");
  }
}
