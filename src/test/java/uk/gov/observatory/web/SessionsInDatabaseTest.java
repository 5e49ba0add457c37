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
}
