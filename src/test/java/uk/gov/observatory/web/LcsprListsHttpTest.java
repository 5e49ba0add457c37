package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.SyntheticReviewsCsv;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * The lists people work from and the LCSPR pages over HTTP (issue 15): every LCSPR date form
 * refuses a blank date and pre-fills none; a second LCSPR on a case asks for confirmation; an LCSPR
 * started by mistake is withdrawn with a reason; the LCSPR list and the worklists are paged (at
 * most 50 rows, page 2 holds rows 51 to 100) and filtered; the register's review status; the
 * inspector reads LCSPRs and writes none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class LcsprListsHttpTest {

  static final String WESTMINSTER = "E09000033";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired StandardCsv csv;
  @Autowired JdbcTemplate jdbc;

  @TempDir Path tmp;

  SignedInHttp signedIn(String username, Role role, String... las) throws Exception {
    return new SignedInHttp(port).signIn(TestAccounts.create(accounts, username, role, las));
  }

  static Map<String, String> date(String prefix, LocalDate d) {
    return Map.of(
        prefix + "-day", String.valueOf(d.getDayOfMonth()),
        prefix + "-month", String.valueOf(d.getMonthValue()),
        prefix + "-year", String.valueOf(d.getYear()));
  }

  static Map<String, String> blank(String prefix) {
    return Map.of(prefix + "-day", "", prefix + "-month", "", prefix + "-year", "");
  }

  @SafeVarargs
  static Map<String, String> form(Map<String, String>... parts) {
    Map<String, String> all = new HashMap<>();
    for (Map<String, String> p : parts) {
      all.putAll(p);
    }
    return all;
  }

  /**
   * Both views of a notification's review status (V33: one for filtering the register, one for the
   * page's 25 rows) give every notification the status worked here from its rows: its LCSPRs'
   * statuses and its rapid review.
   */
  private void reviewStatusViewsAgreeWithTheRuleWorkedHere() {
    Map<String, List<String>> lcsprs = new HashMap<>();
    jdbc.query(
        "select ln.notification_ref, l.status from lcspr_notification ln"
            + " join lcspr l on l.id = ln.lcspr_id",
        (java.sql.ResultSet rs) -> {
          lcsprs.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
    Map<String, String> worked = new HashMap<>();
    jdbc.query(
        "select n.notification_ref, r.status, r.panel_view is not null from notification n"
            + " left join rapid_review r on r.notification_ref = n.notification_ref",
        (java.sql.ResultSet rs) -> {
          List<String> of = lcsprs.getOrDefault(rs.getString(1), List.of());
          String review = rs.getString(2);
          String status;
          if (of.contains("PUBLISHED")) {
            status = "LCSPR_PUBLISHED";
          } else if (of.contains("INITIATED")
              || of.contains("COMPLETED")
              || of.contains("PUBLICATION_NOTIFIED")) {
            status = "LCSPR_UNDER_WAY";
          } else if (of.contains("NOT_PUBLISHING")) {
            status = "LCSPR_NOT_PUBLISHED";
          } else if (rs.getBoolean(3)) {
            status = "PANEL_VIEW_GIVEN";
          } else if ("SUBMITTED".equals(review)) {
            status = "WITH_THE_PANEL";
          } else if ("DRAFT".equals(review)) {
            status = "RAPID_REVIEW_DRAFT";
          } else {
            status = "AWAITING_RAPID_REVIEW";
          }
          worked.put(rs.getString(1), status);
        });
    assertThat(new java.util.HashSet<>(worked.values()))
        .as("the data reaches most steps, so the comparison means something")
        .hasSizeGreaterThanOrEqualTo(5);
    for (String view : List.of("notification_review_status", "notification_review_status_of_few")) {
      Map<String, String> shown = new HashMap<>();
      jdbc.query(
          "select notification_ref, review_status from " + view,
          (java.sql.ResultSet rs) -> {
            shown.put(rs.getString(1), rs.getString(2));
          });
      assertThat(shown.keySet()).as(view).isEqualTo(worked.keySet());
      assertThat(
              worked.keySet().stream()
                  .filter(ref -> !worked.get(ref).equals(shown.get(ref)))
                  .map(ref -> ref + " shows " + shown.get(ref) + ", worked " + worked.get(ref))
                  .limit(5))
          .as(view)
          .isEmpty();
    }
  }

  static void assertRedirect(HttpResponse<String> r, String to) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains(to));
  }

  /** Whether a date input's day field carries a value (a pre-filled date). */
  static boolean prefilled(String body, String prefix) {
    Matcher m = Pattern.compile("<input[^>]*id=\"" + prefix + "-day\"[^>]*>").matcher(body);
    assertThat(m.find()).as(prefix + "-day on the page").isTrue();
    return Pattern.compile("value=\"[^\"]+\"").matcher(m.group()).find();
  }

  long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  /** The table rows of a page's results (the tbody's rows). */
  static List<String> rows(String body) {
    int start = body.indexOf("<tbody");
    int end = body.indexOf("</tbody>");
    List<String> rows = new ArrayList<>();
    if (start < 0) {
      return rows;
    }
    Matcher m = Pattern.compile("<tr class=\"govuk-table__row\">").matcher(body);
    m.region(start, end);
    while (m.find()) {
      rows.add(m.group());
    }
    return rows;
  }

  static List<String> lcsprRefs(String body) {
    List<String> refs = new ArrayList<>();
    Matcher m = Pattern.compile("href=\"/lcsprs/([^\"?/]+)\"").matcher(body);
    while (m.find()) {
      if (!m.group(1).equals("new")) {
        refs.add(m.group(1));
      }
    }
    return refs;
  }

  @Test
  @DisplayName(
      "every LCSPR date form starts blank and refuses a blank date with a message naming it,"
          + " storing nothing; a second LCSPR on a case asks for confirmation; one started by"
          + " mistake is withdrawn with a reason, kept, on its timeline and out of the counts")
  void blankDatesAreRefusedAndAMistakeIsWithdrawn() throws Exception {
    Notification n =
        register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2026, 1, 5), 2, 1));
    SignedInHttp partnership = signedIn("wm.lists", Role.PARTNERSHIP, WESTMINSTER);

    HttpResponse<String> startForm = partnership.get("/lcsprs/new?notification=" + n.ref());
    assertThat(startForm.statusCode()).isEqualTo(200);
    assertThat(prefilled(startForm.body(), "initiated")).as("start date pre-filled").isFalse();
    HttpResponse<String> noDate =
        partnership.post("/lcsprs", form(Map.of("notifications", n.ref()), blank("initiated")));
    assertThat(noDate.statusCode()).isEqualTo(400);
    assertThat(noDate.body())
        .contains("There is a problem")
        .contains("href=\"#initiated-day\">Enter the date the review started");
    assertThat(count("select count(*) from lcspr")).isZero();

    LocalDate started = LocalDate.of(2026, 2, 2);
    assertRedirect(
        partnership.post(
            "/lcsprs", form(Map.of("notifications", n.ref()), date("initiated", started))),
        "/lcsprs/LCSPR-2026-00001");
    // The same again (a second click, a second try): told of the one going on, nothing stored.
    HttpResponse<String> again =
        partnership.post(
            "/lcsprs", form(Map.of("notifications", n.ref()), date("initiated", started)));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body())
        .contains(
            n.ref() + " already has a local review, LCSPR-2026-00001 (started 2 February 2026")
        .contains("id=\"confirmAnother\"");
    assertThat(count("select count(*) from lcspr")).isEqualTo(1);
    assertRedirect(
        partnership.post(
            "/lcsprs",
            form(
                Map.of("notifications", n.ref(), "confirmAnother", "yes"),
                date("initiated", started))),
        "/lcsprs/LCSPR-2026-00002");
    assertThat(count("select count(*) from lcspr")).isEqualTo(2);

    String page = "/lcsprs/LCSPR-2026-00001";
    HttpResponse<String> lcsprPage = partnership.get(page);
    assertThat(prefilled(lcsprPage.body(), "completed")).as("completion pre-filled").isFalse();
    HttpResponse<String> blankCompletion =
        partnership.post(page + "/complete", form(Map.of("version", "1"), blank("completed")));
    assertThat(blankCompletion.statusCode()).isEqualTo(400);
    assertThat(blankCompletion.body())
        .contains("href=\"#completed-day\">Enter the date it was completed");
    assertThat(count("select count(*) from lcspr where status = 'INITIATED' and version = 1"))
        .isEqualTo(2);
    assertRedirect(
        partnership.post(
            page + "/complete",
            form(Map.of("version", "1"), date("completed", LocalDate.of(2026, 6, 1)))),
        "saved=completed");
    HttpResponse<String> completed = partnership.get(page);
    assertThat(prefilled(completed.body(), "noticed")).isFalse();
    assertThat(prefilled(completed.body(), "published")).isFalse();
    HttpResponse<String> blankNotice =
        partnership.post(
            page + "/notify-publication", form(Map.of("version", "2"), blank("noticed")));
    assertThat(blankNotice.statusCode()).isEqualTo(400);
    assertThat(blankNotice.body()).contains("Enter the date the panel was told");
    HttpResponse<String> blankPublication =
        partnership.post(page + "/publish", form(Map.of("version", "2"), blank("published")));
    assertThat(blankPublication.statusCode()).isEqualTo(400);
    assertThat(blankPublication.body()).contains("Enter the publication date");
    // A part missing names the part.
    HttpResponse<String> noYear =
        partnership.post(
            page + "/publish",
            form(
                Map.of("version", "2", "published-day", "3", "published-month", "6"),
                Map.of("published-year", "")));
    assertThat(noYear.statusCode()).isEqualTo(400);
    assertThat(noYear.body()).contains("The publication date must include a year");
    HttpResponse<String> noDue =
        partnership.post(
            page + "/recommendations",
            form(Map.of("version", "2", "text", "Train staff", "owner", "LSCP"), blank("due")));
    assertThat(noDue.statusCode()).isEqualTo(400);
    assertThat(
            count(
                "select count(*) from lcspr where lcspr_ref = 'LCSPR-2026-00001' and status ="
                    + " 'COMPLETED' and version = 2"))
        .isEqualTo(1);
    assertThat(count("select count(*) from lcspr_recommendation")).isZero();

    // The second was a mistake: withdrawn, with a reason.
    String second = "/lcsprs/LCSPR-2026-00002";
    HttpResponse<String> noReason =
        partnership.post(second + "/withdraw", Map.of("version", "1", "withdrawnReason", " "));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("href=\"#withdrawnReason\">Enter why the review");
    assertThat(count("select count(*) from published_lcspr")).isEqualTo(2);
    assertRedirect(
        partnership.post(
            second + "/withdraw",
            Map.of("version", "1", "withdrawnReason", "Started twice by mistake")),
        "saved=withdrawnReason");
    HttpResponse<String> withdrawn = partnership.get(second);
    assertThat(withdrawn.body())
        .contains("This review was withdrawn")
        .contains("Started twice by mistake")
        .contains("LCSPR withdrawn")
        .contains("Initiated to Withdrawn")
        .doesNotContain("id=\"complete\"")
        .doesNotContain("id=\"withdraw\"");
    // Kept, audited, out of the published views (what analytics counts) and of the worklists.
    assertThat(count("select count(*) from lcspr")).isEqualTo(2);
    assertThat(count("select count(*) from published_lcspr")).isEqualTo(1);
    assertThat(count("select count(*) from published_lcspr_notification")).isEqualTo(1);
    assertThat(
            count(
                "select count(*) from audit_entry where record_type = 'lcspr' and record_ref ="
                    + " 'LCSPR-2026-00002' and details like 'LCSPR withdrawn%'"))
        .isEqualTo(1);
    assertThat(partnership.get("/lcsprs?status=WITHDRAWN").body())
        .contains("LCSPR-2026-00002")
        .doesNotContain("LCSPR-2026-00001\"");
    // Withdrawn: nothing more is recorded on it.
    assertThat(
            partnership
                .post(
                    second + "/complete",
                    form(Map.of("version", "2"), date("completed", LocalDate.of(2026, 6, 1))))
                .statusCode())
        .isEqualTo(400);
    // With the one going on withdrawn... the first still asks; a case whose only LCSPR was
    // withdrawn does not.
    Notification other =
        register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2026, 1, 6), 1, 1));
    assertRedirect(
        partnership.post(
            "/lcsprs", form(Map.of("notifications", other.ref()), date("initiated", started))),
        "/lcsprs/LCSPR-2026-00003");
    partnership.post(
        "/lcsprs/LCSPR-2026-00003/withdraw",
        Map.of("version", "1", "withdrawnReason", "Wrong case"));
    assertRedirect(
        partnership.post(
            "/lcsprs", form(Map.of("notifications", other.ref()), date("initiated", started))),
        "/lcsprs/LCSPR-2026-00004");
  }

  @Test
  @DisplayName(
      "with hundreds of LCSPRs and notifications: the LCSPR list and the worklists show at most 50"
          + " rows a page with their counts, page 2 rows 51 to 100, filters by status, authority"
          + " and due; the register's review status column and filter; the inspector reads LCSPRs"
          + " and writes none")
  void pagedFilteredAndReadOnlyForTheInspector() throws Exception {
    SyntheticReviewsCsv.write(tmp, 700, 6);
    assertThat(csv.importFrom(tmp, false, ImportProgress.NONE).problems()).isEmpty();
    long all = count("select count(*) from lcspr");
    assertThat(all).isGreaterThan(100);
    SignedInHttp secretariat = signedIn("sec.lists", Role.PANEL_SECRETARIAT);

    HttpResponse<String> first = secretariat.get("/lcsprs");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("Showing 1 to 50 of " + String.format("%,d", all));
    assertThat(rows(first.body())).hasSize(50);
    // Page 2: rows 51 to 100 in the list's order (started, newest first, then reference).
    List<String> expected =
        jdbc.queryForList(
            "select lcspr_ref from lcspr order by initiated_date desc, lcspr_ref collate \"C\""
                + " offset 50 limit 50",
            String.class);
    HttpResponse<String> second = secretariat.get("/lcsprs?page=2");
    assertThat(second.body()).contains("Showing 51 to 100 of " + String.format("%,d", all));
    assertThat(lcsprRefs(second.body())).containsExactlyElementsOf(expected);
    assertThat(second.body()).contains("aria-current=\"page\"").contains("rel=\"prev\"");
    // Sorted by when publication is due, soonest first.
    List<String> soonest =
        jdbc.queryForList(
            "select lcspr_ref from lcspr order by initiated_date, lcspr_ref collate \"C\" limit 50",
            String.class);
    assertThat(lcsprRefs(secretariat.get("/lcsprs?sort=due").body()))
        .containsExactlyElementsOf(soonest);

    long published = count("select count(*) from lcspr where status = 'PUBLISHED'");
    HttpResponse<String> byStatus = secretariat.get("/lcsprs?status=PUBLISHED");
    assertThat(byStatus.body())
        .contains(
            "Showing 1 to " + Math.min(50, published) + " of " + String.format("%,d", published));
    assertThat(byStatus.body()).doesNotContain(">Initiated (");
    String la =
        jdbc.queryForObject(
            "select n.la_code from lcspr_notification ln join notification n"
                + " on n.notification_ref = ln.notification_ref"
                + " group by n.la_code order by count(*) desc, n.la_code limit 1",
            String.class);
    long ofLa =
        count(
            "select count(distinct ln.lcspr_id) from lcspr_notification ln join notification n"
                + " on n.notification_ref = ln.notification_ref where n.la_code = ?",
            la);
    HttpResponse<String> byLa = secretariat.get("/lcsprs?la=" + la);
    assertThat(ofLa).isLessThan(all);
    assertThat(byLa.body()).contains(" of " + ofLa + "<");
    assertThat(rows(byLa.body())).hasSize((int) Math.min(50, ofLa));
    HttpResponse<String> bad = secretariat.get("/lcsprs?status=SOMETHING&page=x");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains("Choose a status from the list")
        .contains("Page must be a whole number");

    // The worklist: the lists with their counts, one at a time, paged.
    HttpResponse<String> worklist = secretariat.get("/worklist");
    assertThat(worklist.statusCode()).isEqualTo(200);
    assertThat(worklist.body())
        .contains("Waiting for the rapid review (")
        .contains("Rapid reviews awaiting the Panel&#39;s view (")
        .doesNotContain("awaiting-view</caption>");
    assertThat(rows(worklist.body())).hasSizeLessThanOrEqualTo(50);
    for (String list :
        List.of(
            "waiting",
            "challenges",
            "lcsprs-late",
            "awaiting-view",
            "overdue-by-authority",
            "publication-notices")) {
      HttpResponse<String> each = secretariat.get("/worklist?list=" + list);
      assertThat(each.statusCode()).as(list).isEqualTo(200);
      assertThat(rows(each.body())).as(list).hasSizeLessThanOrEqualTo(50);
    }
    HttpResponse<String> late = secretariat.get("/worklist?list=lcsprs-late&page=2");
    assertThat(late.body()).contains("Showing 51 to ");
    assertThat(secretariat.get("/worklist?list=nothing").statusCode()).isEqualTo(404);

    // The partnership's worklist starts from every notification still waiting for its rapid
    // review, with its due date: a new one is on it.
    Notification fresh =
        register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2026, 11, 20), 1, 1));
    SignedInHttp partnership = signedIn("wm.worklist", Role.PARTNERSHIP, WESTMINSTER);
    HttpResponse<String> waiting = partnership.get("/worklist");
    assertThat(waiting.body()).contains(fresh.ref()).contains("Not started");
    assertThat(partnership.get("/worklist?list=waiting&due=overdue").body())
        .doesNotContain(fresh.ref());

    // The register: a review status column and filter.
    HttpResponse<String> awaiting = secretariat.get("/notifications?review=AWAITING_RAPID_REVIEW");
    assertThat(awaiting.statusCode()).isEqualTo(200);
    long noReview =
        count(
            "select count(*) from notification n where not exists (select 1 from rapid_review r"
                + " where r.notification_ref = n.notification_ref)");
    assertThat(awaiting.body())
        .contains(noReview + " notifications")
        .contains("Waiting for the rapid review")
        .doesNotContain("<td class=\"govuk-table__cell\">Local review published</td>");
    assertThat(secretariat.get("/notifications?review=LCSPR_PUBLISHED").body())
        .contains("<td class=\"govuk-table__cell\">Local review published</td>")
        .doesNotContain("<td class=\"govuk-table__cell\">Waiting for the rapid review</td>");
    assertThat(secretariat.get("/notifications?review=NOPE").body())
        .contains("Review status must be one from the list");
    reviewStatusViewsAgreeWithTheRuleWorkedHere();

    // The inspector reads LCSPRs: the list and a page, no write buttons, no identifying details.
    SignedInHttp inspector = signedIn("ofsted.lists", Role.INSPECTOR);
    HttpResponse<String> list = inspector.get("/lcsprs");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("Showing 1 to 50").doesNotContain("Start a local review");
    String ref = lcsprRefs(list.body()).get(0);
    HttpResponse<String> one = inspector.get("/lcsprs/" + ref);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.body())
        .contains("About the review")
        .doesNotContain("method=\"post\" action=\"/lcsprs")
        .doesNotContain("id=\"withdraw\"")
        .doesNotContain("id=\"save-details\"")
        .doesNotContain("Date of birth");
    assertThat(inspector.get("/lcsprs/new").statusCode()).isEqualTo(403);
    assertThat(
            inspector
                .post(
                    "/lcsprs/" + ref + "/withdraw", Map.of("version", "1", "withdrawnReason", "x"))
                .statusCode())
        .isEqualTo(403);
    assertThat(inspector.get("/worklist").statusCode()).isEqualTo(403);
    assertThat(count("select count(*) from lcspr where status = 'WITHDRAWN'")).isZero();
  }
}
