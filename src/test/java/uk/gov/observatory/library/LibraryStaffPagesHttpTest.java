package uk.gov.observatory.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
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
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.notification.NotificationSubmission;
import uk.gov.observatory.notification.NotificationSubmission.ChildSubmission;
import uk.gov.observatory.review.Lcsprs;
import uk.gov.observatory.review.RapidReviews;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.ReviewScenario;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;
import uk.gov.observatory.support.TestPdfs;

/**
 * Issue 18, the staff pages of the learning library (/library) over real HTTP on real PostgreSQL:
 * the secretariat adds a document with its PDF; bad input is named field by field with everything
 * typed kept; a PDF holding a linked child's name is blocked with its page and line (never the
 * name), a redacted PDF clears it and it publishes; the override needs MANAGE_LIBRARY and a reason
 * (audited); a partnership manages only its own LCSPRs' documents; an inspector and a Panel member
 * are refused the pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class LibraryStaffPagesHttpTest {

  static final String WESTMINSTER = "E09000033";
  static final String LEEDS = "E08000035";

  /** A planted, synthetic child's name (no real person). */
  static final String FIRST = "Zebedee";

  static final String LAST = "Quartermaine";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired RapidReviews reviews;
  @Autowired Lcsprs lcsprs;
  @Autowired Viewers viewers;
  @Autowired JdbcTemplate jdbc;

  TestAccounts.Person secretariat;
  TestAccounts.Person westminster;
  TestAccounts.Person leeds;
  TestAccounts.Person inspector;
  TestAccounts.Person member;
  String westminsterLcspr;
  String leedsLcspr;

  @BeforeEach
  void register() {
    secretariat = TestAccounts.create(accounts, "lib.secretariat", Role.PANEL_SECRETARIAT);
    westminster = TestAccounts.create(accounts, "lib.westminster", Role.PARTNERSHIP, WESTMINSTER);
    leeds = TestAccounts.create(accounts, "lib.leeds", Role.PARTNERSHIP, LEEDS);
    inspector = TestAccounts.create(accounts, "lib.inspector", Role.INSPECTOR);
    member = TestAccounts.create(accounts, "lib.member", Role.PANEL_MEMBER);
    Notification w = register.notify(death(WESTMINSTER, FIRST + " " + LAST, "2026-01-15"));
    Notification l = register.notify(death(LEEDS, "Synthetic Quillon", "2026-02-02"));
    ReviewScenario.submitted(reviews, w.ref(), viewers.of("lib.westminster"));
    ReviewScenario.submitted(reviews, l.ref(), viewers.of("lib.leeds"));
    westminsterLcspr =
        lcsprs
            .initiate(null, List.of(w.ref()), TestClock.TODAY, viewers.of("lib.westminster"))
            .ref();
    leedsLcspr =
        lcsprs.initiate(null, List.of(l.ref()), TestClock.TODAY, viewers.of("lib.leeds")).ref();
  }

  static NotificationSubmission death(String la, String childName, String dob) {
    return new NotificationSubmission(
        null,
        la,
        "2026-10-01",
        "2026-10-02",
        "2026-10-05",
        "DEATH",
        "SUDI",
        null,
        "3",
        List.of(),
        null,
        "NONE",
        "NONE",
        "AT_HOME",
        List.of(),
        List.of(new ChildSubmission("1", "MALE", "0", "WBRI", childName, dob)));
  }

  /** A report of three pages: the child's name on page 2, line 3 (or "the child" when redacted). */
  static byte[] report(boolean redacted) {
    return TestPdfs.pages(
        List.of(
            List.of("Local child safeguarding practice review", "Synthetic report for tests."),
            List.of(
                "Practitioners did not see where the baby slept.",
                "Home visits moved to the telephone.",
                redacted
                    ? "The child was seen by the health visitor."
                    : FIRST + " was seen by" + " the health visitor.",
                "Agencies did not share what each knew."),
            List.of("Recommendations include professional curiosity about sleeping.")));
  }

  SignedInHttp signIn(TestAccounts.Person p) throws Exception {
    return new SignedInHttp(port).signIn(p);
  }

  static Map<String, String> details(String type, String title) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("type", type);
    f.put("title", title);
    f.put("published-day", "20");
    f.put("published-month", "11");
    f.put("published-year", "2026");
    f.put("la", WESTMINSTER);
    f.put("model", "SYSTEMS");
    f.put("keywords", "safer sleep, home visits");
    f.put("summary", "A baby died after an unsafe sleeping arrangement.");
    f.put("learning", "Practitioners should ask where the baby sleeps.");
    f.put("recommendations", "Agencies agree who visits in person.");
    return f;
  }

  /** A multipart form POST (a file upload), with the session's CSRF token. */
  static HttpResponse<String> upload(
      SignedInHttp http,
      String path,
      Map<String, String> fields,
      List<String[]> repeated,
      String filename,
      byte[] pdf)
      throws Exception {
    String boundary = "----library" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", http.csrf());
    for (Map.Entry<String, String> e : all.entrySet()) {
      part(body, boundary, e.getKey(), e.getValue());
    }
    for (String[] nv : repeated) {
      part(body, boundary, nv[0], nv[1]);
    }
    body.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(
        ("Content-Disposition: form-data; name=\"pdf\"; filename=\""
                + (filename == null ? "" : filename)
                + "\"\r\nContent-Type: "
                + (filename == null ? "application/octet-stream" : "application/pdf")
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    if (pdf != null) {
      body.write(pdf);
    }
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(
        http.builder(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static void part(ByteArrayOutputStream body, String boundary, String name, String value)
      throws Exception {
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + name
                + "\"\r\n\r\n"
                + value
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
  }

  static long idOf(HttpResponse<String> added) {
    assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
    String location = added.headers().firstValue("Location").orElseThrow();
    Matcher m = Pattern.compile("/library/([0-9]+)\\?added").matcher(location);
    assertThat(m.find()).as(location).isTrue();
    return Long.parseLong(m.group(1));
  }

  static String versionOf(String page) {
    Matcher m = Pattern.compile("name=\"version\" value=\"([0-9]+)\"").matcher(page);
    assertThat(m.find()).as("the page's version field").isTrue();
    return m.group(1);
  }

  int documents() {
    return jdbc.queryForObject("select count(*) from library_document", Integer.class);
  }

  @Test
  @DisplayName(
      "the secretariat adds a PDF with a child's name: blocked with its page and line (not the"
          + " name), refused publication; a redacted PDF clears it and it publishes")
  void blockedThenRedactedThenPublished() throws Exception {
    SignedInHttp http = signIn(secretariat);
    HttpResponse<String> form = http.get("/library/new");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("Add a document", "Practice themes", "Under 1");

    byte[] planted = report(false);
    HttpResponse<String> added =
        upload(
            http,
            "/library/new",
            details("NATIONAL_REVIEW", "Safer sleep: a national review"),
            List.<String[]>of(
                new String[] {"themes", "CRITICAL_THINKING"},
                new String[] {"ageBands", "UNDER_1"},
                new String[] {"categories", "SUDI"}),
            "safer-sleep.pdf",
            planted);
    long id = idOf(added);

    String page = http.get("/library/" + id + "?added").body();
    assertThat(page)
        .contains(
            "The document has been added as a draft",
            "Blocked (1 finding)",
            "Page 2, line 3",
            "A child’s name",
            "Upload a redacted version",
            "Publish with an override",
            "National review",
            "Systems methodology",
            "Critical thinking and challenge",
            "Under 1",
            "Sudden Unexpected Death in Infancy (SUDI)",
            "20 November 2026",
            "safer-sleep.pdf")
        .doesNotContain(FIRST, LAST, "CRITICAL_THINKING</");
    assertThat(http.get("/library").body())
        .contains("Safer sleep: a national review", "Blocked (1 finding)", "Draft");
    HttpResponse<byte[]> pdf = http.getBytes("/library/" + id + "/pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).contains("application/pdf");
    assertThat(pdf.body()).isEqualTo(planted);

    // publishing is refused, with the page and line shown
    assertThat(http.get("/library/" + id + "/publish").body())
        .contains("Page 2, line 3", "cannot be published")
        .doesNotContain("confirm-publish");
    HttpResponse<String> refused = http.post("/library/" + id + "/publish", Map.of());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("There is a problem", "cannot be published", "Page 2, line 3")
        .doesNotContain(FIRST, LAST);
    assertThat(jdbc.queryForObject("select status from library_document", String.class))
        .isEqualTo("DRAFT");

    // an upload from a page seen before a change is a conflict, said plainly; nothing changes
    HttpResponse<String> stale =
        upload(
            http,
            "/library/" + id + "/pdf",
            Map.of("version", "0"),
            List.of(),
            "r.pdf",
            report(true));
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.body()).contains("Someone else changed this document");

    // the redacted version clears the check
    String version = versionOf(http.get("/library/" + id).body());
    HttpResponse<String> replaced =
        upload(
            http,
            "/library/" + id + "/pdf",
            Map.of("version", version),
            List.of(),
            "safer-sleep-redacted.pdf",
            report(true));
    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(302);
    page = http.get("/library/" + id + "?replaced").body();
    assertThat(page)
        .contains("The new PDF has been uploaded and checked", ">Clear<", "No child’s name")
        .doesNotContain("Page 2, line 3");

    assertThat(http.get("/library/" + id + "/publish").body()).contains("confirm-publish");
    HttpResponse<String> published = http.post("/library/" + id + "/publish", Map.of());
    assertThat(published.statusCode()).isEqualTo(302);
    assertThat(published.headers().firstValue("Location").orElseThrow())
        .endsWith("/library/" + id + "?published");
    assertThat(http.get("/library/" + id + "?published").body())
        .contains("has been published", ">Published<", "Withdraw from the library");
    assertThat(jdbc.queryForObject("select status from library_document", String.class))
        .isEqualTo("PUBLISHED");

    // withdrawn with a reason (required)
    HttpResponse<String> noReason =
        http.post("/library/" + id + "/withdraw", Map.of("reason", " "));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("Enter why the document is withdrawn", "href=\"#reason\"");
    HttpResponse<String> withdrawn =
        http.post("/library/" + id + "/withdraw", Map.of("reason", "Superseded by a new edition"));
    assertThat(withdrawn.statusCode()).isEqualTo(302);
    assertThat(jdbc.queryForObject("select status from library_document", String.class))
        .isEqualTo("WITHDRAWN");
  }

  @Test
  @DisplayName(
      "bad input is named field by field, every field typed is kept (the file is said to be"
          + " dropped), nothing is stored")
  void badInputNamedAndKept() throws Exception {
    SignedInHttp http = signIn(secretariat);
    http.get("/library/new");
    Map<String, String> f = details("NATIONAL_REVIEW", "");
    f.put("published-day", "31");
    f.put("published-month", "2");
    f.put("published-year", "2020");
    f.put("keywords", "neglect, home visits");
    HttpResponse<String> r =
        upload(
            http,
            "/library/new",
            f,
            List.<String[]>of(new String[] {"themes", "INFORMATION_SHARING"}),
            "not-a-pdf.pdf",
            "hello, not a PDF".getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains(
            "There is a problem",
            "href=\"#title\"",
            "Enter the document’s title",
            "href=\"#published-day\"",
            "The publication date must be a real date",
            "href=\"#pdf\"",
            "The file must be a PDF",
            // kept as typed
            "value=\"neglect, home visits\"",
            "A baby died after an unsafe sleeping arrangement.",
            "Practitioners should ask where the baby sleeps.",
            "value=\"31\"",
            "The file you chose was not kept")
        .containsPattern("value=\"INFORMATION_SHARING\"\\s+checked")
        .containsPattern("value=\"SYSTEMS\"\\s+selected")
        .containsPattern("value=\"NATIONAL_REVIEW\"\\s+checked");
    assertThat(documents()).isZero();

    // the service's own rules are named on their fields too: an LCSPR report needs its LCSPR
    Map<String, String> lcspr = details("LCSPR", "A review");
    HttpResponse<String> noLcspr = upload(http, "/library/new", lcspr, List.of(), null, null);
    assertThat(noLcspr.statusCode()).isEqualTo(400);
    assertThat(noLcspr.body()).contains("href=\"#lcspr\"", "Choose the LCSPR whose report");
    assertThat(documents()).isZero();
  }

  @Test
  @DisplayName(
      "a partnership's LCSPR report with a child's name: only the secretariat may override, and"
          + " only with a reason; the override is audited")
  void overrideNeedsTheSecretariatAndAReason() throws Exception {
    SignedInHttp partnership = signIn(westminster);
    HttpResponse<String> form = partnership.get("/library/new");
    assertThat(form.body()).contains(westminsterLcspr).doesNotContain(leedsLcspr);
    Map<String, String> f = details("LCSPR", "Westminster LCSPR report");
    f.put("lcspr", westminsterLcspr);
    long id = idOf(upload(partnership, "/library/new", f, List.of(), "w.pdf", report(false)));
    String page = partnership.get("/library/" + id).body();
    assertThat(page).contains("Page 2, line 3", "Blocked (1 finding)").doesNotContain(FIRST);
    assertThat(page).doesNotContain("Publish with an override");

    assertThat(partnership.get("/library/" + id + "/override").statusCode()).isEqualTo(403);
    partnership.get("/library/" + id);
    HttpResponse<String> refused =
        partnership.post("/library/" + id + "/override", Map.of("reason", "We think it is fine"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(jdbc.queryForObject("select status from library_document", String.class))
        .isEqualTo("DRAFT");

    SignedInHttp http = signIn(secretariat);
    assertThat(http.get("/library/" + id).body()).contains("Publish with an override");
    http.get("/library/" + id + "/override");
    HttpResponse<String> blank = http.post("/library/" + id + "/override", Map.of("reason", ""));
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body())
        .contains("href=\"#reason\"", "Enter why the document may be published");
    assertThat(jdbc.queryForObject("select status from library_document", String.class))
        .isEqualTo("DRAFT");

    long mark = jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);
    String reason = "The name on page 2 is a practitioner's, not the child's";
    HttpResponse<String> overridden =
        http.post("/library/" + id + "/override", Map.of("reason", reason));
    assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(302);
    assertThat(
            jdbc.queryForObject(
                "select status || ' ' || check_status from library_document", String.class))
        .isEqualTo("PUBLISHED OVERRIDDEN");
    assertThat(
            jdbc.queryForList(
                "select actor || ' ' || coalesce(details, '') from audit_entry"
                    + " where id > ? and record_type = 'library_document'",
                String.class,
                mark))
        .anySatisfy(a -> assertThat(a).startsWith("lib.secretariat").contains(reason));
    assertThat(http.get("/library/" + id).body()).contains(">Overridden<", "practitioner");
  }

  @Test
  @DisplayName(
      "a partnership sees and manages only its own LCSPRs' documents; the secretariat sees all")
  void aPartnershipSeesOnlyItsOwn() throws Exception {
    SignedInHttp w = signIn(westminster);
    w.get("/library/new");
    Map<String, String> f = details("LCSPR", "Westminster report");
    f.put("lcspr", westminsterLcspr);
    long mine = idOf(upload(w, "/library/new", f, List.of(), "w.pdf", report(true)));

    SignedInHttp l = signIn(leeds);
    assertThat(l.get("/library").body())
        .contains("Learning library")
        .doesNotContain("Westminster report");
    assertThat(l.get("/library/" + mine).statusCode()).isEqualTo(404);
    assertThat(l.get("/library/" + mine + "/edit").statusCode()).isEqualTo(404);
    assertThat(l.getBytes("/library/" + mine + "/pdf").statusCode()).isEqualTo(404);
    l.get("/library/new");
    HttpResponse<String> publish = l.post("/library/" + mine + "/publish", Map.of());
    assertThat(publish.statusCode()).isEqualTo(404);
    // nor can it add a report to another's LCSPR, nor a document of another type
    Map<String, String> other = details("LCSPR", "Not mine");
    other.put("lcspr", westminsterLcspr);
    HttpResponse<String> refused = upload(l, "/library/new", other, List.of(), null, null);
    assertThat(refused.statusCode()).isIn(400, 403, 404);
    HttpResponse<String> national =
        upload(l, "/library/new", details("NATIONAL_REVIEW", "Nope"), List.of(), null, null);
    assertThat(national.statusCode()).isEqualTo(400);
    assertThat(national.body()).contains("href=\"#type\"");
    assertThat(documents()).isEqualTo(1);

    assertThat(w.get("/library").body()).contains("Westminster report");
    assertThat(signIn(secretariat).get("/library").body()).contains("Westminster report");
  }

  @Test
  @DisplayName(
      "a published LCSPR's page links to the add page, prefilled from the LCSPR with its report")
  void fromAnLcsprsPage() throws Exception {
    var partnership = viewers.of("lib.westminster");
    var l = lcsprs.find(westminsterLcspr, partnership).orElseThrow();
    l = lcsprs.complete(l.ref(), TestClock.TODAY, l.version(), partnership).orElseThrow();
    l = lcsprs.publish(l.ref(), TestClock.TODAY, null, l.version(), partnership).orElseThrow();
    byte[] redacted = report(true);
    lcsprs.uploadReport(l.ref(), redacted, l.version(), partnership);

    SignedInHttp w = signIn(westminster);
    String lcsprPage = w.get("/lcsprs/" + westminsterLcspr).body();
    assertThat(lcsprPage)
        .contains("Add to the learning library", "href=\"/library/new?lcspr=" + westminsterLcspr);
    String form = w.get("/library/new?lcspr=" + westminsterLcspr).body();
    assertThat(form)
        .contains(
            "value=\"Local child safeguarding practice review " + westminsterLcspr + "\"",
            "Use the report uploaded on the LCSPR’s page",
            "value=\"26\"")
        .containsPattern("value=\"" + westminsterLcspr + "\"\\s+selected")
        .containsPattern("name=\"useLcsprReport\"[^>]*checked");

    Map<String, String> f = details("LCSPR", "Westminster LCSPR " + westminsterLcspr);
    f.put("lcspr", westminsterLcspr);
    f.put("useLcsprReport", "yes");
    long id = idOf(upload(w, "/library/new", f, List.of(), null, null));
    assertThat(w.getBytes("/library/" + id + "/pdf").body()).isEqualTo(redacted);
    assertThat(w.get("/library/" + id).body())
        .contains(">Clear<", westminsterLcspr + ".pdf", "Local child safeguarding practice review");
  }

  @Test
  @DisplayName("an inspector and a Panel member are refused the library's staff pages (403)")
  void othersAreRefused() throws Exception {
    for (TestAccounts.Person p : List.of(inspector, member)) {
      SignedInHttp http = signIn(p);
      assertThat(http.get("/library").statusCode()).as(p.username()).isEqualTo(403);
      assertThat(http.get("/library/new").statusCode()).as(p.username()).isEqualTo(403);
      assertThat(http.get("/").body()).doesNotContain("href=\"/library\"");
    }
    assertThat(signIn(secretariat).get("/").body()).contains("href=\"/library\"");
    assertThat(signIn(westminster).get("/").body()).contains("href=\"/library\"");
  }

  static LocalDate today() {
    return TestClock.TODAY;
  }
}
