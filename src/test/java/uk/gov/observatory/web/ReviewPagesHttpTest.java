package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
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
 * The review pages over HTTP, as the partnership and the Panel use them: the rapid review from
 * draft to the Panel's view and a challenge thread, an LCSPR to publication, the worklists, and the
 * refusals (a role without the permission, a stale version).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class ReviewPagesHttpTest {

  static final String WESTMINSTER = "E09000033";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired JdbcTemplate jdbc;

  SignedInHttp signedIn(String username, Role role, String... las) throws Exception {
    return new SignedInHttp(port).signIn(TestAccounts.create(accounts, username, role, las));
  }

  static Map<String, String> date(String prefix, LocalDate d) {
    return Map.of(
        prefix + "-day", String.valueOf(d.getDayOfMonth()),
        prefix + "-month", String.valueOf(d.getMonthValue()),
        prefix + "-year", String.valueOf(d.getYear()));
  }

  static Map<String, String> form(Map<String, String>... parts) {
    Map<String, String> all = new HashMap<>();
    for (Map<String, String> p : parts) {
      all.putAll(p);
    }
    return all;
  }

  static void assertRedirect(HttpResponse<String> r, String to) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains(to));
  }

  @Test
  @DisplayName(
      "a partnership writes and submits a rapid review; the Panel gives its view and challenges it")
  void rapidReviewThroughThePages() throws Exception {
    // Notified Wednesday 4 November 2026; due on the 15th working day after: 25 November.
    Notification n =
        register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2026, 11, 2), 2, 1));
    SignedInHttp partnership = signedIn("wm.partnership", Role.PARTNERSHIP, WESTMINSTER);
    HttpResponse<String> casePage = partnership.get("/notifications/" + n.ref());
    assertThat(casePage.body())
        .contains("Start the rapid review")
        .contains("25 November 2026")
        .contains("Overdue");
    assertThat(partnership.get("/notifications/" + n.ref() + "/rapid-review").statusCode())
        .isEqualTo(200);

    LocalDate signed = LocalDate.of(2026, 11, 20);
    HttpResponse<String> saved =
        partnership.post(
            "/notifications/" + n.ref() + "/rapid-review",
            form(
                Map.of(
                    "decision", "LCSPR",
                    "decisionRationale", "Recurrent themes of neglect.",
                    "chronology", "Child 1 was known to early help.",
                    "criteria", "RECURRENT_THEMES",
                    "ethnicityRecorded", "yes",
                    "version", ""),
                date("signedOffLa", signed),
                date("signedOffHealth", signed),
                date("signedOffPolice", signed)));
    assertRedirect(saved, "/notifications/" + n.ref());
    partnership.get("/notifications/" + n.ref() + "/rapid-review");
    HttpResponse<String> submitted =
        partnership.post(
            "/notifications/" + n.ref() + "/rapid-review/submit",
            form(Map.of("version", "1"), date("receivedDate", LocalDate.of(2026, 11, 24))));
    assertRedirect(submitted, "saved=submitted");
    HttpResponse<String> after = partnership.get("/notifications/" + n.ref());
    assertThat(after.body())
        .contains("Submitted, received 24 November 2026")
        .contains("On time")
        .contains("Rapid review submitted")
        .contains("Draft to Submitted");

    // A stale version (someone saved since) is refused, and the person's words are kept.
    partnership.get("/notifications/" + n.ref() + "/rapid-review");
    HttpResponse<String> stale =
        partnership.post(
            "/notifications/" + n.ref() + "/rapid-review",
            form(
                Map.of(
                    "decision", "LCSPR",
                    "learningIdentified", "My unsaved learning text",
                    "version", "1")));
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.body())
        .contains("Someone else saved this rapid review while you were writing")
        .contains("My unsaved learning text");

    SignedInHttp member = signedIn("panel.person", Role.PANEL_MEMBER);
    HttpResponse<String> consideration = member.get("/notifications/" + n.ref() + "/consideration");
    assertThat(consideration.statusCode()).isEqualTo(200);
    // Every form that changes the review carries the version it was read at.
    assertThat(
            consideration.body().split("<input type=\"hidden\" name=\"version\" value=\"2\">", -1))
        .hasSize(4);
    HttpResponse<String> noReasons =
        member.post(
            "/notifications/" + n.ref() + "/panel-view", Map.of("view", "AGREE", "version", "2"));
    assertThat(noReasons.statusCode()).isEqualTo(400);
    assertThat(noReasons.body()).contains("Give the Panel&#39;s reasons");
    assertRedirect(
        member.post(
            "/notifications/" + n.ref() + "/panel-view",
            Map.of("view", "AGREE", "reasons", "The criteria are met.", "version", "2")),
        "saved=panel-view");
    HttpResponse<String> letter = member.get("/notifications/" + n.ref() + "/response-letter");
    assertThat(letter.statusCode()).isEqualTo(200);
    assertThat(letter.body()).contains("The Panel agrees with this decision.");
    HttpResponse<byte[]> pdf =
        member.getBytes("/notifications/" + n.ref() + "/response-letter.pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
      assertThat(text)
          .contains("Rapid review of notification " + n.ref())
          .contains("The Panel agrees with this decision.")
          .contains("The criteria are met.");
    }
    member.get("/notifications/" + n.ref() + "/consideration");
    Map<String, String> scores = new HashMap<>();
    for (String c :
        new String[] {
          "IMMEDIATE_LEARNING",
          "DISSEMINATION_PLAN",
          "DECISION_RATIONALE",
          "ANALYSIS",
          "FAMILY_DETAIL",
          "SENIOR_LEADERS"
        }) {
      scores.put("quality-" + c, "2");
    }
    // Without the version it started from, a change is refused and nothing changes.
    HttpResponse<String> noVersion = member.post("/notifications/" + n.ref() + "/quality", scores);
    assertThat(noVersion.statusCode()).isEqualTo(400);
    assertThat(noVersion.body()).contains("The version you started from is required");
    scores.put("version", "3");
    assertRedirect(member.post("/notifications/" + n.ref() + "/quality", scores), "saved=quality");
    member.get("/notifications/" + n.ref() + "/consideration");
    assertRedirect(
        member.post(
            "/notifications/" + n.ref() + "/challenges",
            Map.of("question", "Please say more about the early help offer.")),
        "saved=challenge");

    HttpResponse<String> withChallenge = partnership.get("/notifications/" + n.ref());
    assertThat(withChallenge.body())
        .contains("awaiting the partnership")
        .contains("Please say more about the early help offer.")
        .contains("Agree: The criteria are met.")
        .contains("12 of 12");
    Matcher reply =
        Pattern.compile("/notifications/" + n.ref() + "/challenges/(\\d+)/replies")
            .matcher(withChallenge.body());
    assertThat(reply.find()).isTrue();
    assertRedirect(
        partnership.post(reply.group(), Map.of("body", "Early help was offered twice.")),
        "saved=reply");
    assertThat(partnership.get("/notifications/" + n.ref()).body())
        .contains("Challenge 1: answered")
        .contains("Early help was offered twice.");

    SignedInHttp inspector = signedIn("dfe.reader", Role.INSPECTOR);
    assertThat(inspector.get("/notifications/" + n.ref()).body())
        .doesNotContain("id=\"rapid-review\"")
        .doesNotContain("Challenges");
    assertThat(inspector.get("/notifications/" + n.ref() + "/rapid-review").statusCode())
        .isEqualTo(403);
    assertThat(inspector.get("/worklist").statusCode()).isEqualTo(403);
  }

  @Test
  @DisplayName("an LCSPR goes from started to published through the pages, with its flags")
  void lcsprThroughThePages() throws Exception {
    Notification n =
        register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2026, 1, 5), 2, 1));
    SignedInHttp partnership = signedIn("wm.lcspr", Role.PARTNERSHIP, WESTMINSTER);
    assertThat(partnership.get("/lcsprs/new?notification=" + n.ref()).statusCode()).isEqualTo(200);
    HttpResponse<String> noCases =
        partnership.post(
            "/lcsprs",
            form(Map.of("notifications", ""), date("initiated", LocalDate.of(2026, 2, 2))));
    assertThat(noCases.statusCode()).isEqualTo(400);
    assertThat(noCases.body()).contains("Enter the reference of a notification the review covers");
    HttpResponse<String> started =
        partnership.post(
            "/lcsprs",
            form(Map.of("notifications", n.ref()), date("initiated", LocalDate.of(2026, 2, 2))));
    assertRedirect(started, "/lcsprs/LCSPR-2026-00001");
    String page = "/lcsprs/LCSPR-2026-00001";
    assertThat(partnership.get(page).body()).contains("Initiated").contains("Past 6 months");
    HttpResponse<String> early =
        partnership.post(
            page + "/publish",
            form(Map.of("version", "1"), date("published", LocalDate.of(2026, 9, 1))));
    assertThat(early.statusCode()).isEqualTo(400);
    partnership.get(page);
    assertRedirect(
        partnership.post(
            page + "/complete",
            form(Map.of("version", "1"), date("completed", LocalDate.of(2026, 9, 1)))),
        "saved");
    partnership.get(page);
    assertRedirect(
        partnership.post(
            page + "/notify-publication",
            form(Map.of("version", "2"), date("noticed", LocalDate.of(2026, 11, 2)))),
        "saved");
    partnership.get(page);
    // 2 to 6 November 2026: 4 working days of notice, fewer than 7.
    assertRedirect(
        partnership.post(
            page + "/publish",
            form(
                Map.of("version", "3", "publicUrl", "https://example.org/report"),
                date("published", LocalDate.of(2026, 11, 6)))),
        "saved");
    HttpResponse<String> published = partnership.get(page);
    assertThat(published.body())
        .contains("Published")
        .contains("Short notice")
        .contains("Past 6 months")
        .contains("LCSPR completed");
    assertThat(partnership.get("/notifications/" + n.ref()).body())
        .contains("LCSPR-2026-00001")
        .contains("LCSPR published (LCSPR-2026-00001)");
    assertThat(partnership.get("/worklist").statusCode()).isEqualTo(200);
    assertThat(signedIn("wl.member", Role.PANEL_MEMBER).get("/worklist").statusCode())
        .isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from case_event where lcspr_id is not null", Integer.class))
        .isEqualTo(4);
  }

  @Test
  @DisplayName(
      "the secretariat's timeliness policy period changes a rapid review's due date; overlaps"
          + " refused")
  void timelinessPolicyPeriods() throws Exception {
    Notification n =
        register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2026, 11, 2), 2, 1));
    SignedInHttp secretariat = signedIn("periods.secretary", Role.PANEL_SECRETARIAT);
    try {
      assertThat(secretariat.get("/timeliness-periods").body())
          .contains("COVID-19 authorised extension");
      // Notified 4 November 2026 with a 20-working-day target: due Wednesday 2 December.
      assertRedirect(
          secretariat.post(
              "/timeliness-periods",
              form(
                  Map.of("name", "Test winter period", "target", "20", "extension", "yes"),
                  date("from", LocalDate.of(2026, 11, 1)),
                  date("to", LocalDate.of(2026, 11, 30)))),
          "saved");
      assertThat(secretariat.get("/notifications/" + n.ref()).body())
          .contains("2 December 2026")
          .contains("Test winter period, target 20 working days");
      secretariat.get("/timeliness-periods");
      HttpResponse<String> overlap =
          secretariat.post(
              "/timeliness-periods",
              form(
                  Map.of("name", "Overlapping", "target", "10"),
                  date("from", LocalDate.of(2026, 11, 15)),
                  date("to", LocalDate.of(2026, 12, 15))));
      assertThat(overlap.statusCode()).isEqualTo(400);
      assertThat(overlap.body()).contains("These dates overlap");
      assertThat(
              signedIn("periods.member", Role.PANEL_MEMBER).get("/timeliness-periods").statusCode())
          .isEqualTo(403);
    } finally {
      jdbc.update(
          "delete from timeliness_policy_period where name <> 'COVID-19 authorised extension'");
    }
  }
}
