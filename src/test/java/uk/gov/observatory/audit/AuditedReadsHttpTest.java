package uk.gov.observatory.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/** Reads and writes through the pages and the API are audited, naming who and from where. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class AuditedReadsHttpTest {

  @LocalServerPort int port;
  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;
  @Autowired DatabaseOwner owner;
  @Autowired TransactionTemplate tx;
  @Autowired Accounts accounts;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder to(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  @Test
  @DisplayName(
      "an API notify is CREATED, and the case page and the API record are each VIEWED, by the signed-in person")
  void pageAndApiReadsAreAudited() throws Exception {
    AuditTables.empty(owner);
    TestAccounts.Person person =
        TestAccounts.create(accounts, "audit.secretariat", Role.PANEL_SECRETARIAT);
    String token = TestAccounts.token(accounts, "audit.secretariat");
    SignedInHttp pages = new SignedInHttp(port).signIn(person);
    AuditTables.empty(owner);
    String body =
        """
        {"la_code":"E09000033","incident_date":"2020-06-01","aware_date":"2020-06-02",
         "notified_date":"2020-06-05","notification_type":"DEATH","death_category":"SUDI",
         "csc_involvement":"NONE","court_order":"NONE","living_arrangement":"AT_HOME",
         "children":[{"child_seq":1,"gender":"MALE","age_years":0,"child_name":"Test Child"}]}
        """;
    HttpResponse<String> created =
        send(
            to("/api/v1/notifications")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String ref = "SIN-2020-00001";

    assertThat(pages.get("/notifications/" + ref).statusCode()).isEqualTo(200);
    assertThat(
            send(to("/api/v1/notifications/" + ref).header("Authorization", "Bearer " + token))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            send(to("/api/v1/notifications/SIN-2020-00002")
                    .header("Authorization", "Bearer " + token))
                .statusCode())
        .isEqualTo(404);

    assertThat(audit.viewsOf(ref))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.actor()).isEqualTo("audit.secretariat"));
    assertThat(audit.search(null, ref, null, null, 1).items())
        .extracting(AuditEntry::action)
        .containsExactlyInAnyOrder("CREATED", "VIEWED", "VIEWED");
    assertThat(audit.search(null, ref, null, null, 1).items())
        .allSatisfy(e -> assertThat(String.valueOf(e.after())).doesNotContain("Test Child"));
    // The guess at a reference that does not exist is on record as refused.
    assertThat(audit.search("audit.secretariat", "SIN-2020-00002", null, null, 1).items())
        .extracting(AuditEntry::action)
        .containsExactly("ACCESS_REFUSED");
    assertThat(audit.verify().message()).isEqualTo("Audit chain intact: 4 entries");
  }
}
