package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * The notifier's rules over HTTP, one by one: only their own authorities are offered (none asked
 * with one, a recoded authority's older code used for an incident before the change and accepted at
 * Send); drafts saved on the server, sealed, their owner's only (another's is 404) and deleted when
 * sent; an incident before the notification duty began refused, one over a year old confirmed;
 * COVID-19 factors asked only for their period; a reason required when late; find by reference
 * within reach. Today is Thursday 26 November 2026 ({@link TestClock}).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "observatory.reminders.panel-address=panel@example.test")
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class NotifierRulesHttpTest {

  static final String LEEDS = "E08000035";
  static final String SHEFFIELD = "E08000039";
  static final String SHEFFIELD_BEFORE_MAY_2025 = "E08000019";
  static final String BARNET = "E09000003";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired JdbcTemplate jdbc;

  private SignedInHttp notifier(String username, String... laCodes) throws Exception {
    TestAccounts.Person person = TestAccounts.create(accounts, username, Role.LA_NOTIFIER, laCodes);
    people.put(username, person);
    return new SignedInHttp(port).signIn(person);
  }

  private static Map<String, String> dates(LocalDate incident, LocalDate aware) {
    Map<String, String> form = new HashMap<>();
    form.put("incidentDate-day", String.valueOf(incident.getDayOfMonth()));
    form.put("incidentDate-month", String.valueOf(incident.getMonthValue()));
    form.put("incidentDate-year", String.valueOf(incident.getYear()));
    form.put("awareDate-day", String.valueOf(aware.getDayOfMonth()));
    form.put("awareDate-month", String.valueOf(aware.getMonthValue()));
    form.put("awareDate-year", String.valueOf(aware.getYear()));
    return form;
  }

  private static String location(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    return r.headers().firstValue("Location").orElse("");
  }

  /** Every answer after the dates, as a person gives them, with one named child. */
  private static void answerTheRest(SignedInHttp http) throws Exception {
    assertThat(location(http.post("/notify/type", Map.of("notificationType", "DEATH"))))
        .endsWith("/notify/category");
    assertThat(location(http.post("/notify/category", Map.of("category", "SUDI"))))
        .endsWith("/notify/child");
    location(
        http.post(
            "/notify/child",
            Map.of("gender", "FEMALE", "ageYears", "1", "childName", "Synthetic Sealed Child")));
    location(http.post("/notify/children", Map.of("addAnother", "no")));
    location(http.post("/notify/characteristics", Map.of()));
    location(
        http.post(
            "/notify/service",
            Map.of(
                "cscInvolvement", "NONE", "courtOrder", "NONE", "livingArrangement", "AT_HOME")));
    assertThat(location(http.post("/notify/other-factors", Map.of()))).endsWith("/notify/check");
  }

  private String sent(HttpResponse<String> r) {
    String to = location(r);
    assertThat(to).contains("/notify/confirmation/");
    return to.substring(to.lastIndexOf('/') + 1);
  }

  @Test
  void aNotifierWithOneAuthorityIsAskedNoAuthorityQuestionAndOffersNoOther() throws Exception {
    SignedInHttp leeds = notifier("leeds.only", LEEDS);
    assertThat(location(leeds.get("/notify/local-authority"))).endsWith("/notify/dates");
    HttpResponse<String> datesPage = leeds.get("/notify/dates");
    assertThat(datesPage.statusCode()).isEqualTo(200);
    assertThat(datesPage.body())
        .contains("id=\"authority\">Leeds</span>")
        .doesNotContain("name=\"laCode\"")
        .doesNotContain("Barnet");
    // Sent with an authority they do not have: refused on the page, nothing kept.
    leeds.get("/notify/local-authority");
    HttpResponse<String> barnet = leeds.post("/notify/local-authority", Map.of("laCode", BARNET));
    assertThat(barnet.statusCode()).isEqualTo(400);
    assertThat(barnet.body()).contains("Select one of the local authorities in the list");

    // Two authorities: exactly those two offered, not the other 150.
    SignedInHttp two = notifier("leeds.sheffield", LEEDS, SHEFFIELD);
    HttpResponse<String> picker = two.get("/notify/local-authority");
    assertThat(picker.statusCode()).isEqualTo(200);
    assertThat(picker.body().split("<option value=\"E", -1)).hasSize(3);
    assertThat(picker.body()).contains(">Leeds<").contains(">Sheffield<").doesNotContain("Barnet");

    // The secretariat keeps the full picker.
    SignedInHttp secretariat =
        new SignedInHttp(port)
            .signIn(TestAccounts.create(accounts, "picker.secretariat", Role.PANEL_SECRETARIAT));
    assertThat(secretariat.get("/notify/local-authority").body().split("<option value=\"E", -1))
        .hasSizeGreaterThan(150);
  }

  @Test
  void aRecodedAuthorityIsSentUnderItsCodeOnTheIncidentDateAndNeverRefusedAtSend()
      throws Exception {
    SignedInHttp sheffield = notifier("sheffield.notifier", SHEFFIELD);
    assertThat(location(sheffield.get("/notify/local-authority"))).endsWith("/notify/dates");
    // An incident before Sheffield's recoding (1 May 2025), over a year ago and so late.
    assertThat(
            location(
                sheffield.post(
                    "/notify/dates", dates(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 4)))))
        .endsWith("/notify/incident-date");
    HttpResponse<String> confirm = sheffield.get("/notify/incident-date");
    assertThat(confirm.body())
        .contains("Is the date of the incident right?")
        .contains("3 March 2025");
    assertThat(sheffield.post("/notify/incident-date", Map.of()).statusCode()).isEqualTo(400);
    assertThat(location(sheffield.post("/notify/incident-date", Map.of("right", "yes"))))
        .endsWith("/notify/late");
    location(sheffield.post("/notify/late", Map.of("lateReason", "Learned of it in a review.")));
    answerTheRest(sheffield);
    String ref = sent(sheffield.post("/notify/check", Map.of()));
    assertThat(register.find(ref))
        .get()
        .extracting(Notification::laCode)
        .isEqualTo(SHEFFIELD_BEFORE_MAY_2025);
  }

  @Test
  void aDraftIsSavedSealedOnTheServerForItsOwnerOnlyAndGoesWhenSent() throws Exception {
    SignedInHttp owner = notifier("draft.owner", LEEDS);
    owner.get("/notify/local-authority");
    location(
        owner.post("/notify/dates", dates(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24))));
    location(owner.post("/notify/type", Map.of("notificationType", "DEATH")));
    location(owner.post("/notify/category", Map.of("category", "SUDI")));
    location(
        owner.post(
            "/notify/child",
            Map.of("gender", "FEMALE", "ageYears", "1", "childName", "Synthetic Sealed Child")));
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select id, owner, la_code, notification_type, content_sealed"
                + " from notification_draft");
    assertThat(rows).hasSize(1);
    String id = rows.get(0).get("id").toString();
    assertThat(rows.get(0).get("owner")).isEqualTo("draft.owner");
    assertThat(rows.get(0).get("la_code")).isEqualTo(LEEDS);
    // Sealed at rest: the child's name is nowhere in the row.
    assertThat(rows.get(0).get("content_sealed").toString())
        .startsWith("v1:")
        .doesNotContain("Synthetic");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where record_type = 'notification_draft'"
                    + " and action = 'CREATED' and record_ref = ?",
                Integer.class,
                id))
        .isEqualTo(1);

    // Listed for its owner: the authority and type, never the child's name.
    HttpResponse<String> list = owner.get("/notify/drafts");
    assertThat(list.body())
        .contains("1 draft")
        .contains("Leeds")
        .contains("Death")
        .contains("26 December 2026") // deleted 30 days after it was last saved
        .doesNotContain("Synthetic Sealed Child");

    // Another account: not listed, not opened, not deleted.
    SignedInHttp other = notifier("draft.other", LEEDS);
    assertThat(other.get("/notify/drafts").body()).contains("You have no drafts");
    assertThat(other.get("/notify/drafts/" + id).statusCode()).isEqualTo(404);
    assertThat(other.get("/notify/drafts/" + id + "/delete").statusCode()).isEqualTo(404);
    assertThat(other.post("/notify/drafts/" + id + "/delete", Map.of()).statusCode())
        .isEqualTo(404);
    assertThat(jdbc.queryForObject("select count(*) from notification_draft", Integer.class))
        .isEqualTo(1);

    // The owner, signed in afresh (a new session, as on another computer), continues it.
    SignedInHttp again =
        new SignedInHttp(port).signIn(people.get("draft.owner"), codeLater("draft.owner"));
    assertThat(location(again.get("/notify/drafts/" + id))).endsWith("/notify/children");
    HttpResponse<String> check = again.get("/notify/check");
    assertThat(check.body()).contains("Synthetic Sealed Child").contains("23 November 2026");
    location(again.post("/notify/children", Map.of("addAnother", "no")));
    location(again.post("/notify/characteristics", Map.of()));
    location(
        again.post(
            "/notify/service",
            Map.of(
                "cscInvolvement", "NONE", "courtOrder", "NONE", "livingArrangement", "AT_HOME")));
    location(again.post("/notify/other-factors", Map.of()));
    String ref = sent(again.post("/notify/check", Map.of()));
    // Sent: the draft is gone, and its deletion audited.
    assertThat(jdbc.queryForObject("select count(*) from notification_draft", Integer.class))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select details from audit_entry where record_type = 'notification_draft'"
                    + " and action = 'DELETED' and record_ref = ?",
                String.class,
                id))
        .contains(ref);
  }

  private final Map<String, TestAccounts.Person> people = new HashMap<>();

  private String codeLater(String username) {
    return people.get(username).code(TestClock.NOW, 1);
  }

  @Test
  void aDraftIsDeletedByItsOwnerAfterConfirmingAndOnceItsTimeIsUp() throws Exception {
    SignedInHttp owner = notifier("draft.deleter", LEEDS);
    owner.get("/notify/local-authority");
    location(
        owner.post("/notify/dates", dates(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24))));
    String id = jdbc.queryForObject("select id::text from notification_draft", String.class);
    assertThat(owner.get("/notify/drafts/" + id + "/delete").body())
        .contains("Are you sure you want to delete this draft?");
    assertThat(location(owner.post("/notify/drafts/" + id + "/delete", Map.of())))
        .endsWith("/notify/drafts");
    assertThat(owner.get("/notify/drafts").body()).contains("You have no drafts");

    // One not saved for 30 days is deleted (and the deletion audited) when drafts are next read.
    owner.get("/notify/local-authority");
    location(
        owner.post("/notify/dates", dates(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24))));
    assertThat(jdbc.queryForObject("select count(*) from notification_draft", Integer.class))
        .isEqualTo(1);
    String old = jdbc.queryForObject("select id::text from notification_draft", String.class);
    jdbc.update(
        "update notification_draft set delete_after = timestamptz '2026-11-26 11:00:00+00'");
    assertThat(owner.get("/notify/drafts").body()).contains("You have no drafts");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where record_type = 'notification_draft'"
                    + " and action = 'DELETED' and record_ref = ?",
                Integer.class,
                old))
        .isEqualTo(1);
  }

  @Test
  void anIncidentBeforeTheDutyBeganIsRefusedWithTheEarliestDate() throws Exception {
    SignedInHttp leeds = notifier("leeds.1990", LEEDS);
    leeds.get("/notify/local-authority");
    HttpResponse<String> r =
        leeds.post("/notify/dates", dates(LocalDate.of(1990, 3, 3), LocalDate.of(1990, 3, 4)));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains(
            "Date of the incident must be on or after 29 June 2018, when the duty to notify the"
                + " Panel began")
        .contains("href=\"#incidentDate-day\"");
    // A blank date is refused with a message, never taken as today.
    HttpResponse<String> blank = leeds.post("/notify/dates", Map.of());
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body())
        .contains("Enter the date of the incident")
        .contains("Enter the date the local authority became aware of the incident");
  }

  @Test
  void covidFactorsAreAskedOnlyForAnIncidentInTheirPeriod() throws Exception {
    SignedInHttp leeds = notifier("leeds.covid", LEEDS);
    leeds.get("/notify/local-authority");
    location(
        leeds.post("/notify/dates", dates(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24))));
    assertThat(leeds.get("/notify/other-factors").body())
        .doesNotContain("name=\"covidFactors\"")
        .doesNotContain("COVID-19");
    // Ticked anyway (a crafted form): not kept.
    leeds.post("/notify/other-factors", Map.of("covidFactors", "SCHOOL_CLOSURE"));
    assertThat(leeds.get("/notify/check").body()).doesNotContain("Impact of school closures");

    location(
        leeds.post("/notify/dates", dates(LocalDate.of(2021, 1, 12), LocalDate.of(2021, 1, 13))));
    location(leeds.post("/notify/incident-date", Map.of("right", "yes")));
    assertThat(leeds.get("/notify/other-factors").body())
        .contains("name=\"covidFactors\"")
        .contains("1 March 2020 to 31 March 2022");
  }

  @Test
  void aLateNotificationSaysHowLateAndNeedsAReasonBeforeSend() throws Exception {
    SignedInHttp leeds = notifier("leeds.late", LEEDS);
    leeds.get("/notify/local-authority");
    // Aware Monday 2 November 2026, sent Thursday 26 November: 18 working days.
    assertThat(
            location(
                leeds.post(
                    "/notify/dates", dates(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2)))))
        .endsWith("/notify/late");
    assertThat(leeds.get("/notify/late").body())
        .contains(
            "This notification is 18 working days after the local authority became aware of the"
                + " incident; the duty is 5 working days.");
    HttpResponse<String> none = leeds.post("/notify/late", Map.of("lateReason", "  "));
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("Enter why the notification is later than 5 working days");
    // Every other answer given, then Send without a reason: refused, nothing stored.
    answerTheRest(leeds);
    HttpResponse<String> refused = leeds.post("/notify/check", Map.of());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("Enter why the notification is later than 5 working days")
        .contains("href=\"/notify/late?change=true#lateReason\"");
    assertThat(register.count()).isZero();

    location(
        leeds.post(
            "/notify/late",
            Map.of("lateReason", "The hospital told us on 2 November; the team was short.")));
    String ref = sent(leeds.post("/notify/check", Map.of()));
    assertThat(register.lateReason(ref))
        .contains("The hospital told us on 2 November; the team was short.");
    assertThat(leeds.get("/notify/confirmation/" + ref).body())
        .contains("The hospital told us on 2 November; the team was short.");
    assertThat(leeds.get("/notifications/" + ref).body())
        .contains("The hospital told us on 2 November; the team was short.");
    // Not in the data standard's export.
    assertThat(leeds.get("/notifications/export.csv").body())
        .contains(ref)
        .doesNotContain("hospital")
        .doesNotContain("late_reason");
  }

  @Test
  void findByReferenceGoesToTheNotificationWithinReachOnly() throws Exception {
    Notification leedsOne =
        register.notify(Submissions.of(LEEDS, "DEATH", LocalDate.of(2026, 11, 20), 2, 1));
    Notification westminster = register.notify(Submissions.death());
    SignedInHttp leeds = notifier("leeds.finder", LEEDS);
    assertThat(location(leeds.get("/notifications/find?ref=" + leedsOne.ref().toLowerCase())))
        .endsWith("/notifications/" + leedsOne.ref());
    HttpResponse<String> outOfReach = leeds.get("/notifications/find?ref=" + westminster.ref());
    assertThat(outOfReach.statusCode()).isEqualTo(404);
    assertThat(outOfReach.body())
        .contains("There is no notification with reference " + westminster.ref())
        .contains("href=\"#ref\"");
    HttpResponse<String> bad = leeds.get("/notifications/find?ref=%3Cscript%3E");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("Enter a notification reference").doesNotContain("<script>");
  }

  @Test
  void aSentNotificationIsAmendedWithAReasonItsVersionKeptAuditedAndThePanelTold()
      throws Exception {
    Notification n =
        register.notify(Submissions.of(LEEDS, "DEATH", LocalDate.of(2026, 11, 20), 2, 1));
    SignedInHttp leeds = notifier("leeds.amender", LEEDS);
    HttpResponse<String> form = leeds.get("/notifications/" + n.ref() + "/amend");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("Amend the notification");

    Map<String, String> answers = dates(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20));
    answers.put("category", "SUDI");
    answers.put("cscInvolvement", "NONE");
    answers.put("courtOrder", "NONE");
    answers.put("livingArrangement", "AT_HOME");
    answers.put("imdDecile", "");
    // Nothing changed and no reason: refused, saying both.
    HttpResponse<String> nothing = leeds.post("/notifications/" + n.ref() + "/amend", answers);
    assertThat(nothing.statusCode()).isEqualTo(400);
    assertThat(nothing.body())
        .contains("Enter why the notification is being amended")
        .contains("Change at least one answer");

    answers.putAll(dates(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 21)));
    answers.put("cscInvolvement", "CHILD_IN_NEED");
    answers.put("reason", "The social worker's record was found after sending.");
    assertThat(location(leeds.post("/notifications/" + n.ref() + "/amend", answers)))
        .contains("/notifications/" + n.ref());
    Notification amended = register.find(n.ref()).orElseThrow();
    assertThat(amended.cscInvolvement()).isEqualTo("CHILD_IN_NEED");
    assertThat(amended.awareDate()).isEqualTo(LocalDate.of(2026, 11, 21));
    // The version before is kept, and shown with the reason on the notification's page.
    assertThat(register.versions(n.ref()))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.version()).isEqualTo(2);
              assertThat(v.amendedBy()).isEqualTo("leeds.amender");
              assertThat(v.changes())
                  .extracting(NotificationRegister.Change::field)
                  .containsExactly("aware_date", "csc_involvement");
            });
    assertThat(leeds.get("/notifications/" + n.ref()).body())
        .contains("Amended: version 2")
        .contains("The social worker&#39;s record was found after sending.")
        .contains("Children&#39;s social care involvement: None changed to Child in Need");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where record_type = 'notification'"
                    + " and action = 'UPDATED' and record_ref = ? and details like ?",
                Integer.class,
                n.ref(),
                "amended (version 2)%"))
        .isEqualTo(1);
    // The Panel is told by email.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from outbox_email where recipient = 'panel@example.test'"
                    + " and subject = ?",
                Integer.class,
                "Notification " + n.ref() + " has been amended"))
        .isEqualTo(1);

    // Outside reach: not found; without the permission: refused.
    assertThat(
            notifier("westminster.amender", "E09000033")
                .get("/notifications/" + n.ref() + "/amend")
                .statusCode())
        .isEqualTo(404);
    SignedInHttp partnership =
        new SignedInHttp(port)
            .signIn(TestAccounts.create(accounts, "leeds.partnership", Role.PARTNERSHIP, LEEDS));
    assertThat(partnership.get("/notifications/" + n.ref() + "/amend").statusCode()).isEqualTo(403);
  }
}
