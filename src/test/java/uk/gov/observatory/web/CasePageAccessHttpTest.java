package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.audit.AuditEntry;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * A case page over HTTP: identifying details only on an explicit, audited request and only for
 * roles that may see them; who has viewed the case; the secretariat's audit search; and refusals
 * (forbidden, no CSRF token, unknown session) each put on record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class CasePageAccessHttpTest {

  /** The child's name in {@link Submissions#death()}; its date of birth is 15 January 2020. */
  static final String NAME = "Test Child";

  static final String BORN = "15 January 2020";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired AuditLog audit;

  List<AuditEntry> entries(String actor, String ref) {
    return audit.search(actor, ref, null, null, 1).items();
  }

  long count(String actor, String ref, String action) {
    return entries(actor, ref).stream().filter(e -> e.action().equals(action)).count();
  }

  SignedInHttp signedIn(String username, Role role, String... las) throws Exception {
    return new SignedInHttp(port).signIn(TestAccounts.create(accounts, username, role, las));
  }

  @Test
  @DisplayName(
      "a Panel member sees names and dates of birth only after 'Show identifying details', audited")
  void showIdentifyingDetails() throws Exception {
    Notification n = register.notify(Submissions.death());
    SignedInHttp member = signedIn("shows.member", Role.PANEL_MEMBER);
    HttpResponse<String> page = member.get("/notifications/" + n.ref());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .doesNotContain(NAME)
        .doesNotContain(BORN)
        .contains("Show identifying details");
    assertThat(count("shows.member", n.ref(), "IDENTIFYING_DETAILS_SHOWN")).isZero();

    HttpResponse<String> shown =
        member.post("/notifications/" + n.ref() + "/identifying-details", Map.of());
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body()).contains(NAME).contains(BORN).contains("has been recorded");
    assertThat(shown.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    assertThat(count("shows.member", n.ref(), "IDENTIFYING_DETAILS_SHOWN")).isEqualTo(1);
    // The audit entry names who and which record, never the details themselves.
    assertThat(entries("shows.member", n.ref()))
        .allSatisfy(
            e ->
                assertThat(String.join(" ", e.details(), e.before(), e.after()))
                    .doesNotContain(NAME));
  }

  @Test
  @DisplayName(
      "without a CSRF token, as an inspector, or out of scope: refused, audited, nothing shown")
  void refusedShowings() throws Exception {
    Notification n = register.notify(Submissions.death()); // Westminster
    SignedInHttp member = signedIn("forged.member", Role.PANEL_MEMBER);
    member.get("/notifications/" + n.ref());
    HttpResponse<String> noToken =
        member.post("/notifications/" + n.ref() + "/identifying-details", Map.of(), false);
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(noToken.body()).doesNotContain(NAME);
    assertThat(
            entries("forged.member", null).stream()
                .filter(e -> e.action().equals("ACCESS_REFUSED"))
                .map(AuditEntry::details))
        .anySatisfy(d -> assertThat(d).contains("without a valid CSRF token"));

    SignedInHttp inspector = signedIn("ofsted.reader", Role.INSPECTOR);
    HttpResponse<String> page = inspector.get("/notifications/" + n.ref());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .doesNotContain("Show identifying details")
        .contains("not available to your role");
    HttpResponse<String> forbidden =
        inspector.post("/notifications/" + n.ref() + "/identifying-details", Map.of());
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.body()).doesNotContain(NAME).doesNotContain(BORN);
    assertThat(count("ofsted.reader", n.ref(), "ACCESS_REFUSED")).isEqualTo(1);
    assertThat(count("ofsted.reader", n.ref(), "IDENTIFYING_DETAILS_SHOWN")).isZero();

    SignedInHttp leeds = signedIn("leeds.guesser", Role.LA_NOTIFIER, "E08000035");
    leeds.get("/notifications");
    HttpResponse<String> guessed =
        leeds.post("/notifications/" + n.ref() + "/identifying-details", Map.of());
    assertThat(guessed.statusCode()).isEqualTo(404);
    assertThat(guessed.body()).doesNotContain(NAME).doesNotContain("Westminster");
    // A guess at a reference that does not exist answers and is audited alike.
    HttpResponse<String> missing = leeds.get("/notifications/SIN-2020-99999");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(count("leeds.guesser", n.ref(), "ACCESS_REFUSED")).isEqualTo(1);
    assertThat(count("leeds.guesser", "SIN-2020-99999", "ACCESS_REFUSED")).isEqualTo(1);
  }

  @Test
  @DisplayName("the secretariat sees who has viewed a case; a Panel member does not")
  void whoHasViewed() throws Exception {
    Notification n = register.notify(Submissions.death());
    SignedInHttp member = signedIn("curious.member", Role.PANEL_MEMBER);
    HttpResponse<String> memberPage = member.get("/notifications/" + n.ref());
    assertThat(memberPage.body()).doesNotContain("Who has viewed this case");
    member.post("/notifications/" + n.ref() + "/identifying-details", Map.of());

    SignedInHttp secretariat = signedIn("panel.secretary", Role.PANEL_SECRETARIAT);
    HttpResponse<String> page = secretariat.get("/notifications/" + n.ref());
    assertThat(page.body())
        .contains("Who has viewed this case")
        .contains("curious.member")
        .contains("Identifying details")
        .contains("panel.secretary");
  }

  @Test
  @DisplayName("the secretariat searches the audit log by person, record and date; others cannot")
  void auditSearch() throws Exception {
    Notification first = register.notify(Submissions.death());
    Notification second = register.notify(Submissions.seriousHarm());
    SignedInHttp member = signedIn("audited.member", Role.PANEL_MEMBER);
    member.get("/notifications/" + first.ref());
    member.get("/notifications/" + second.ref());

    SignedInHttp secretariat = signedIn("audit.reader", Role.PANEL_SECRETARIAT);
    HttpResponse<String> byPerson = secretariat.get("/audit?person=audited.member");
    assertThat(byPerson.statusCode()).isEqualTo(200);
    // Signed in, and viewed two notifications.
    assertThat(byPerson.body()).contains("3 entries").contains(first.ref()).contains(second.ref());
    HttpResponse<String> byRecord =
        secretariat.get("/audit?person=audited.member&record=" + second.ref());
    assertThat(byRecord.body()).contains("1 entry").contains(second.ref());
    // The test clock stands at 26 November 2026: nothing on the day before.
    assertThat(secretariat.get("/audit?person=audited.member&to=2026-11-25").body())
        .contains("0 entries");
    assertThat(secretariat.get("/audit?person=audited.member&from=2026-11-26").body())
        .contains("3 entries");
    HttpResponse<String> bad = secretariat.get("/audit?from=26/11/2026&to=2026-11-01");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains("There is a problem")
        // a UK-typed date is a date (issue 15): here the search's To comes before it
        .contains("To must be the same as or after From (26 November 2026)");

    assertThat(member.get("/audit").statusCode()).isEqualTo(403);
    assertThat(signedIn("only.admin", Role.ADMIN).get("/audit").statusCode()).isEqualTo(403);
    assertThat(count("audited.member", null, "ACCESS_REFUSED")).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "an unknown session cookie (ended or forged) asks to sign in again, says why, and is audited")
  void endedOrForgedSession() throws Exception {
    SignedInHttp forged = new SignedInHttp(port);
    forged.session("F0RGED0000000000000000000000000A");
    HttpResponse<String> page = forged.get("/notifications");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?ended"));
    HttpResponse<String> signIn = forged.get("/sign-in?ended");
    assertThat(signIn.body())
        .contains("You have been signed out because you had not done anything for 30 minutes");
    assertThat(
            audit.search(null, null, null, null, 1).items().stream()
                .filter(e -> e.action().equals("ACCESS_REFUSED"))
                .map(AuditEntry::details))
        .anySatisfy(d -> assertThat(d).contains("GET /notifications").contains("not recognised"));
  }

  @Test
  @DisplayName(
      "the register's CSV download holds only the viewer's notifications, no names, and is audited")
  void scopedDownload() throws Exception {
    Notification westminster = register.notify(Submissions.death());
    Notification leeds = register.notify(Submissions.seriousHarm());
    SignedInHttp notifier = signedIn("leeds.downloader", Role.LA_NOTIFIER, "E08000035");
    HttpResponse<String> list = notifier.get("/notifications");
    assertThat(list.body()).contains("/notifications/export.csv");
    HttpResponse<String> csv = notifier.get("/notifications/export.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"notifications.csv\"");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "notification_ref,la_code,incident_date,aware_date,notified_date,notification_type,"
                + "death_category,harm_category,imd_decile,case_characteristics,"
                + "domestic_abuse_pattern,csc_involvement,court_order,living_arrangement,"
                + "covid_factors");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith(leeds.ref() + ",E08000035,");
    assertThat(csv.body()).doesNotContain(westminster.ref()).doesNotContain(NAME);
    assertThat(count("leeds.downloader", null, "EXPORTED")).isEqualTo(1);

    // Filters apply; a bad one gets the register's error summary, not a file.
    SignedInHttp secretariat = signedIn("csv.secretary", Role.PANEL_SECRETARIAT);
    assertThat(secretariat.get("/notifications/export.csv").body().lines()).hasSize(3);
    assertThat(secretariat.get("/notifications/export.csv?type=DEATH").body().lines())
        .hasSize(2)
        .last()
        .satisfies(l -> assertThat(l).startsWith(westminster.ref()));
    HttpResponse<String> bad = secretariat.get("/notifications/export.csv?from=yesterday");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("There is a problem").contains("Notified from");
  }
}
