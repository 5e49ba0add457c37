package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.support.Browser;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SyntheticReviewsCsv;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * The Panel's secretariat's day with the lists (issue 15), in Chromium, keyboard only, axe on every
 * page: a worklist of hundreds of items, paged with its counts; the LCSPR list filtered by status
 * and authority; an LCSPR opened; "Record completion" with a blank date refused with a message and
 * nothing stored; an LCSPR started by mistake withdrawn with a reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class SecretariatScenarioBrowserTest {

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired StandardCsv csv;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReferenceData reference;

  @TempDir Path tmp;

  long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  @Test
  @DisplayName(
      "the secretariat works from paged, filtered lists; a blank completion date is refused and"
          + " nothing stored; an LCSPR started by mistake is withdrawn with a reason")
  void secretariatsDay() throws Exception {
    // Hundreds of notifications with their rapid reviews and LCSPRs, as the data standard's files.
    SyntheticReviewsCsv.write(tmp, 700, 6);
    assertThat(csv.importFrom(tmp, false, ImportProgress.NONE).problems()).isEmpty();
    long lcsprs = count("select count(*) from lcspr");
    assertThat(lcsprs).isGreaterThan(200);
    // An authority with an LCSPR still going on (initiated), and how many such it has.
    String la =
        jdbc.queryForObject(
            "select n.la_code from lcspr l join lcspr_notification ln on ln.lcspr_id = l.id"
                + " join notification n on n.notification_ref = ln.notification_ref"
                + " where l.status = 'INITIATED' group by n.la_code"
                + " order by count(distinct l.id) desc, n.la_code limit 1",
            String.class);
    long initiatedThere =
        count(
            "select count(distinct l.id) from lcspr l join lcspr_notification ln"
                + " on ln.lcspr_id = l.id join notification n"
                + " on n.notification_ref = ln.notification_ref"
                + " where l.status = 'INITIATED' and n.la_code = ?",
            la);
    String laName = reference.localAuthority(la).orElseThrow().name();

    TestAccounts.Person secretariat =
        TestAccounts.create(accounts, "sec.day", Role.PANEL_SECRETARIAT);
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.signIn(secretariat);
      b.get("/worklist");
      assertThat(b.h1()).isEqualTo("Worklist");
      assertThat(b.main()).contains("Your lists").contains("Local reviews past 6 months");
      // The first list with work on it, paged: at most 50 rows, with its counts.
      assertThat(b.main()).containsPattern("Showing 1 to 50 of [0-9,]+");
      assertThat(b.driver().findElements(By.cssSelector("#worklist-table tbody tr")))
          .hasSizeLessThanOrEqualTo(50);
      b.assertAccessible("secretariat's worklist");
      b.keyPress("next-page");
      assertThat(b.main()).containsPattern("Showing 51 to [0-9]+ of [0-9,]+");
      b.assertAccessible("worklist, page 2");

      b.get("/lcsprs");
      assertThat(b.main()).contains("Showing 1 to 50 of " + String.format("%,d", lcsprs));
      assertThat(b.driver().findElements(By.cssSelector("#results tbody tr"))).hasSize(50);
      b.assertAccessible("LCSPR list");
      // Filter by status and authority, by keyboard (typing an option's words selects it).
      b.keyType("status", "Initiated");
      b.keyType("la", laName);
      b.keyPress("apply-filters");
      assertThat(b.driver().getCurrentUrl()).contains("status=INITIATED").contains("la=" + la);
      assertThat(b.main())
          .contains("Showing 1 to " + Math.min(50, initiatedThere) + " of " + initiatedThere);
      b.assertAccessible("LCSPR list filtered");
      String ref =
          b.driver()
              .findElement(By.cssSelector("#results tbody tr a"))
              .getAttribute("id")
              .substring("lcspr-".length());

      // Open it; "Record completion" with no date: refused, with a message, nothing stored.
      b.keyPress("lcspr-" + ref);
      assertThat(b.h1()).isEqualTo(ref);
      b.assertAccessible("an LCSPR");
      int version =
          jdbc.queryForObject("select version from lcspr where lcspr_ref = ?", Integer.class, ref);
      b.keyPress("complete");
      assertThat(b.driver().getTitle()).startsWith("Error:");
      assertThat(b.driver().findElement(By.cssSelector(".govuk-error-summary")).getText())
          .contains("Enter the date it was completed");
      assertThat(b.driver().findElement(By.id("completed-error")).getText())
          .contains("Enter the date it was completed");
      assertThat(
              jdbc.queryForObject(
                  "select status || ' ' || version from lcspr where lcspr_ref = ?",
                  String.class,
                  ref))
          .isEqualTo("INITIATED " + version);
      b.assertAccessible("LCSPR completion refused");

      // It was started by mistake: withdrawn, with a reason.
      b.keyType("withdrawnReason", "Started by mistake: the case already has its local review.");
      b.keyPress("withdraw");
      assertThat(b.main())
          .contains("This review was withdrawn")
          .contains("Started by mistake: the case already has its local review.")
          .contains("LCSPR withdrawn");
      b.assertAccessible("a withdrawn LCSPR");
      assertThat(
              jdbc.queryForObject(
                  "select status from lcspr where lcspr_ref = ?", String.class, ref))
          .isEqualTo("WITHDRAWN");
      assertThat(count("select count(*) from published_lcspr")).isEqualTo(lcsprs - 1);
    }
  }
}
