package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC), not in the instance's memory: a person's
 * sign-in and the notify journey's answers are rows any instance reads (the two-instance test
 * behind HAProxy, deploy.TwoInstancesBehindHaproxyTest, kills the instance serving them). Here: the
 * rows are there, and the database, not memory, decides: a session deleted from the table is signed
 * out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class SessionsInDatabaseTest {

  static final String LEEDS = "E08000035";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired DatabaseOwner owner;

  @Test
  void theSignInAndTheDraftAreRowsInPostgresqlAndOnlyThere() throws Exception {
    TestAccounts.Person person =
        TestAccounts.create(accounts, "session.notifier", Role.LA_NOTIFIER, LEEDS);
    SignedInHttp http = new SignedInHttp(port).signIn(person);

    assertThat(
            owner
                .jdbc()
                .queryForObject(
                    "select count(*) from spring_session where principal_name = ?",
                    Integer.class,
                    "session.notifier"))
        .isEqualTo(1);

    // The first answers: the journey's draft is an attribute of the session row.
    assertThat(http.get("/notify/local-authority").statusCode()).isEqualTo(302);
    HttpResponse<String> dates =
        http.post(
            "/notify/dates",
            Map.of(
                "incidentDate-day", "20",
                "incidentDate-month", "11",
                "incidentDate-year", "2026",
                "awareDate-day", "23",
                "awareDate-month", "11",
                "awareDate-year", "2026"));
    assertThat(dates.statusCode()).as(dates.body()).isEqualTo(302);
    assertThat(
            owner
                .jdbc()
                .queryForObject(
                    "select count(*) from spring_session_attributes a join spring_session s"
                        + " on s.primary_id = a.session_primary_id"
                        + " where s.principal_name = ? and a.attribute_name = 'notificationDraft'",
                    Integer.class,
                    "session.notifier"))
        .isEqualTo(1);
    assertThat(http.get("/notify/type").statusCode()).isEqualTo(200);

    // The database decides: without its row, the session is gone (signed out).
    owner.jdbc().update("delete from spring_session where principal_name = ?", "session.notifier");
    HttpResponse<String> after = http.get("/notify/type");
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(after.headers().firstValue("Location").orElse("")).contains("/sign-in");
  }

  @Test
  void aSessionInUseIsWrittenAboutOnceAMinuteNotOnEveryPage() throws Exception {
    TestAccounts.Person person =
        TestAccounts.create(accounts, "session.reader", Role.LA_NOTIFIER, LEEDS);
    SignedInHttp http = new SignedInHttp(port).signIn(person);
    Map<String, Object> signedIn = row("session.reader");

    // Pages read within the minute leave the row as it was: not one write (the same row version).
    for (int i = 0; i < 5; i++) {
      assertThat(http.get("/notifications").statusCode()).isEqualTo(200);
    }
    assertThat(row("session.reader")).isEqualTo(signedIn);

    // A minute on (the row's last access put back by 61 seconds), the next page notes the use:
    // the last access and the expiry move on to now.
    owner
        .jdbc()
        .update(
            "update spring_session set last_access_time = last_access_time - 61000,"
                + " expiry_time = expiry_time - 61000 where principal_name = ?",
            "session.reader");
    long before = ((Number) row("session.reader").get("last_access_time")).longValue();
    long asked = System.currentTimeMillis();
    assertThat(http.get("/notifications").statusCode()).isEqualTo(200);
    Map<String, Object> touched = row("session.reader");
    assertThat(((Number) touched.get("last_access_time")).longValue())
        .isGreaterThan(before)
        .isGreaterThanOrEqualTo(asked - 1000);
    assertThat(((Number) touched.get("expiry_time")).longValue())
        .isEqualTo(
            ((Number) touched.get("last_access_time")).longValue()
                + 1000L * ((Number) touched.get("max_inactive_interval")).longValue());
  }

  /** The session row of a person, with its row version (xmin: changed by every write). */
  private Map<String, Object> row(String username) {
    return owner
        .jdbc()
        .queryForMap(
            "select xmin::text as version, last_access_time, expiry_time, max_inactive_interval"
                + " from spring_session where principal_name = ?",
            username);
  }
}
