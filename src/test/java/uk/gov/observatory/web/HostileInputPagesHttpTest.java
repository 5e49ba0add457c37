package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * The pages against an attacker's input (issue 13): dates far out of range, a report period of
 * eight thousand years, control characters in any field, and values no page offers. Each is a 400
 * with the page again (or the service's error page) saying which field and what is allowed: never a
 * 500, never a stack trace, never a silent default, and nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class HostileInputPagesHttpTest {

  static final String WESTMINSTER = "E09000033";

  /** The dates the attacker sent, URL-encoded: Java's parser accepts both, PostgreSQL neither. */
  static final String FAR_FUTURE = "%2B999999999-12-31";

  static final String FAR_PAST = "-999999999-01-01";

  static final String REPORT_RANGE = "from 2000-01-01 to 2100-12-31";

  /** The range of a report's dates as a filter's message gives it (UK dates). */
  static final String REPORT_RANGE_WORDS = "from 1 January 2000 to 31 December 2100";

  /** What a date typed into a filter may be (issue 15: 30/06/2020 as well as 2020-06-30). */
  static final String FILTER_DATE = "must be a real date, for example 30/06/2020 or 2020-06-30, ";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired JdbcTemplate jdbc;

  SignedInHttp secretariat;

  @BeforeEach
  void seed() throws Exception {
    register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2020, 3, 2), 2, 1));
    secretariat =
        new SignedInHttp(port)
            .signIn(TestAccounts.create(accounts, "hostile.secretariat", Role.PANEL_SECRETARIAT));
  }

  SignedInHttp signedIn(String username, Role role, String... las) throws Exception {
    return new SignedInHttp(port).signIn(TestAccounts.create(accounts, username, role, las));
  }

  /** The words of a page's main content, for a failing assertion's description. */
  static String words(HttpResponse<String> r) {
    String body = r.body() == null ? "" : r.body();
    int main = body.indexOf("<main");
    return r.statusCode()
        + " "
        + r.uri()
        + ": "
        + body.substring(Math.max(main, 0))
            .replaceAll("(?s)<svg.*?</svg>", "")
            .replaceAll("<[^>]+>", " ")
            .replaceAll("\\s+", " ")
            .strip();
  }

  /** A refusal as the pages give it: 400, a GOV.UK page, no stack trace. */
  static String refused(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(words(r)).isEqualTo(400);
    assertThat(r.body())
        .as(words(r))
        .contains("govuk-header")
        .doesNotContain("Exception")
        .doesNotContain("at uk.gov")
        .doesNotContain("PSQL");
    assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    return r.body();
  }

  /** The page again with the GOV.UK error summary linking to a field, with its message. */
  static void summaryNames(HttpResponse<String> r, String field, String message) {
    assertThat(refused(r))
        .as(words(r))
        .contains("govuk-error-summary")
        .contains("There is a problem")
        .contains("href=\"#" + field + "\"")
        .contains("id=\"" + field + "-error\"")
        .contains(message);
  }

  /** The error summary links to a field (one with no message of its own, a box) with a message. */
  static void summaryLinks(HttpResponse<String> r, String field, String message) {
    assertThat(refused(r))
        .as(words(r))
        .contains("govuk-error-summary")
        .contains("href=\"#" + field + "\"")
        .contains(message);
  }

  @Test
  @DisplayName(
      "out-of-range dates on the analytics pages, the CSV and downloads are a 400 naming the field"
          + " and the range")
  void outOfRangeDatesOnAnalytics() throws Exception {
    String start = "The start of the period " + FILTER_DATE;
    String end = "The end of the period " + FILTER_DATE;
    for (String bad : List.of(FAR_FUTURE, FAR_PAST, "1999-12-31", "2101-01-01", "20200-01-01")) {
      summaryNames(
          secretariat.get("/analytics?from=" + bad + "&to=2020-12-31"),
          "from",
          start + REPORT_RANGE_WORDS);
      summaryNames(
          secretariat.get("/analytics?from=2020-01-01&to=" + bad), "to", end + REPORT_RANGE_WORDS);
      summaryNames(
          secretariat.get("/analytics/headline.csv?from=" + bad + "&to=2020-12-31"),
          "from",
          start + REPORT_RANGE_WORDS);
      String tables = "/analytics/tables?from=2020-01-01&to=2020-12-31&asAt=2021-03-31";
      summaryNames(
          secretariat.get(tables.replace("from=2020-01-01", "from=" + bad)),
          "from",
          start + REPORT_RANGE_WORDS);
      summaryNames(
          secretariat.get(tables.replace("to=2020-12-31", "to=" + bad)),
          "to",
          end + REPORT_RANGE_WORDS);
      summaryNames(
          secretariat.get(tables.replace("asAt=2021-03-31", "asAt=" + bad)),
          "asAt",
          "The as-at date " + FILTER_DATE + REPORT_RANGE_WORDS);
      summaryNames(
          secretariat.get(
              "/analytics/download?format=csv&from=" + bad + "&to=2020-12-31&asAt=2021-03-31"),
          "from",
          start + REPORT_RANGE_WORDS);
      summaryNames(
          secretariat.get(
              "/analytics/compare?table=H&from=2020-01-01&to=2020-12-31&from2="
                  + bad
                  + "&to2=2019-12-31&asAt=2021-03-31"),
          "from2",
          start + REPORT_RANGE_WORDS);
    }
  }

  @Test
  @DisplayName(
      "a report of 0001 to 9999 is refused at once with the limits; ten years are the most")
  void reportPeriodIsBounded() throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> huge =
        secretariat.get(
            "/analytics/tables?from=0001-01-01&to=9999-12-31&asAt=9999-12-31&section=timeliness");
    long millis = (System.nanoTime() - started) / 1_000_000;
    summaryNames(huge, "from", "The start of the period " + FILTER_DATE + REPORT_RANGE_WORDS);
    assertThat(huge.body()).contains("The end of the period must be").contains("The as-at date");
    assertThat(millis).as("ms to refuse").isLessThan(5_000);

    // Eleven years: the end must come sooner.
    summaryNames(
        secretariat.get(
            "/analytics/tables?from=2000-01-01&to=2010-12-31&asAt=2011-03-31&section=timeliness"),
        "to",
        "The period can be at most 10 years: starting on 2000-01-01, it must end on or before"
            + " 2009-12-31");
    summaryNames(
        secretariat.get("/analytics?from=2000-01-01&to=2010-01-01"),
        "to",
        "The period can be at most 10 years");
    // Ten years, from the first day the report allows, as at its last: counted, and quickly.
    started = System.nanoTime();
    HttpResponse<String> widest =
        secretariat.get(
            "/analytics/tables?from=2000-01-01&to=2009-12-31&asAt=2100-12-31&section=timeliness");
    assertThat(widest.statusCode()).as(widest.body()).isEqualTo(200);
    assertThat(widest.body()).contains("id=\"table-T6\"");
    assertThat((System.nanoTime() - started) / 1_000_000).as("ms").isLessThan(10_000);
    summaryNames(
        secretariat.get(
            "/analytics/compare?table=T6&from=2015-01-01&to=2020-12-31"
                + "&from2=2000-01-01&to2=2019-12-31&asAt=2021-03-31"),
        "to2",
        "The period can be at most 10 years");
  }

  @Test
  @DisplayName(
      "a blank date, an unknown section, area, table or box value is an error, never a default")
  void strictFilters() throws Exception {
    String tables = "/analytics/tables?from=2020-01-01&to=2020-12-31&asAt=2021-03-31";
    summaryNames(
        secretariat.get(tables.replace("from=2020-01-01", "from=")),
        "from",
        "Enter the start of the period");
    summaryNames(
        secretariat.get(tables.replace("asAt=2021-03-31", "asAt=")),
        "asAt",
        "Enter the as-at date");
    summaryNames(
        secretariat.get("/analytics?from=2020-01-01&to=+"), "to", "Enter the end of the period");
    summaryNames(
        secretariat.get(
            "/analytics/compare?table=H&from=2020-01-01&to=2020-12-31&from2=&to2=2019-12-31"),
        "from2",
        "Enter the start of the period");
    assertThat(refused(secretariat.get(tables + "&section=everything")))
        .contains("Choose a section from the list: children, incidents");
    assertThat(refused(secretariat.get("/analytics/download?format=csv&section=x&" + tables)))
        .contains("Choose a section from the list");
    summaryLinks(
        secretariat.get(tables + "&suppress=no"),
        "suppress",
        "For publication is either ticked (yes) or not sent at all");
    summaryNames(
        secretariat.get(tables + "&area=la:" + "E".repeat(5000)),
        "area",
        "Choose England, a region or a local authority from the list");
    assertThat(refused(secretariat.get(tables + "&area=region:E12000003x")))
        .doesNotContain("E12000003x is not");
    summaryNames(
        secretariat.get("/analytics?from=2020-01-01&to=2020-12-31&la=" + "x".repeat(3000)),
        "la",
        "Choose a local authority from the list");
    // Digits of other scripts are not dates.
    summaryNames(
        secretariat.get(
            "/analytics?from="
                + URLEncoder.encode("٢٠٢٠-٠١-٠١", StandardCharsets.UTF_8)
                + "&to=2020-12-31"),
        "from",
        "The start of the period must be a real date");
    // The page first opened, with nothing given: last year, as at today (26 November 2026).
    HttpResponse<String> opened = secretariat.get("/analytics/tables?section=authorities");
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(opened.body()).contains("value=\"2025-01-01\"").contains("value=\"2026-11-26\"");
    // and no field says "Error:" to a screen reader when nothing is wrong
    assertThat(opened.body()).doesNotContain("-error\"").doesNotContain("Error:");
  }

  @Test
  @DisplayName("the audit log's search takes only real dates in range and a page of ASCII digits")
  void auditSearch() throws Exception {
    for (String bad : List.of(FAR_FUTURE, FAR_PAST, "0000-01-01")) {
      summaryNames(
          secretariat.get("/audit?from=" + bad),
          "from",
          "From " + FILTER_DATE + "from 1 January 1900 to 31 December 2100");
      summaryNames(
          secretariat.get("/audit?to=" + bad),
          "to",
          "To " + FILTER_DATE + "from 1 January 1900 to 31 December 2100");
    }
    for (String page : List.of("٣", "+3", "0", "99999999999", "999999999", "x")) {
      HttpResponse<String> r =
          secretariat.get("/audit?page=" + URLEncoder.encode(page, StandardCharsets.UTF_8));
      assertThat(refused(r)).contains("Page must be a whole number");
    }
    assertThat(secretariat.get("/audit?page=2").statusCode()).isEqualTo(200);
  }

  static Map<String, String> date(String prefix, LocalDate d) {
    return Map.of(
        prefix + "-day", String.valueOf(d.getDayOfMonth()),
        prefix + "-month", String.valueOf(d.getMonthValue()),
        prefix + "-year", String.valueOf(d.getYear()));
  }

  @SafeVarargs
  static Map<String, String> form(Map<String, String>... parts) {
    Map<String, String> all = new HashMap<>();
    for (Map<String, String> p : parts) {
      all.putAll(p);
    }
    return all;
  }

  long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  /** The rapid review's seven texts, and how the refusal names each (by its words, not code). */
  static final Map<String, String> RAPID_REVIEW_TEXT_LABELS =
      new java.util.LinkedHashMap<>(
          Map.of(
              "agenciesInvolved", "Agencies involved",
              "chronology", "Chronology",
              "immediateActions", "Immediate actions",
              "learningIdentified", "Learning identified",
              "disseminationPlan", "Dissemination plan",
              "decisionRationale", "Decision rationale",
              "alternativeMethodologyDetail", "Alternative methodology detail"));

  static final List<String> RAPID_REVIEW_TEXTS = List.copyOf(RAPID_REVIEW_TEXT_LABELS.keySet());

  @Test
  @DisplayName(
      "a control character in any of the rapid review's seven texts is a 400 naming the field;"
          + " nothing is stored; tab and new lines are kept")
  void controlCharactersInTheRapidReview() throws Exception {
    Notification n =
        register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2026, 11, 2), 2, 1));
    SignedInHttp partnership = signedIn("hostile.partnership", Role.PARTNERSHIP, WESTMINSTER);
    String path = "/notifications/" + n.ref() + "/rapid-review";
    int i = 0;
    for (String field : RAPID_REVIEW_TEXTS) {
      for (String c : List.of("\u0000", "\u0001", "\u001b", "\u007f")) {
        partnership.get(path);
        HttpResponse<String> r =
            partnership.post(
                path,
                form(
                    Map.of("decision", "LCSPR", "version", "0"),
                    Map.of(field, "Known to early help" + c + (i++))));
        assertThat(refused(r))
            .contains(
                "The field “"
                    + RAPID_REVIEW_TEXT_LABELS.get(field)
                    + "” has a character that is not allowed")
            .contains("Nothing was saved");
      }
    }
    assertThat(count("rapid_review")).isZero();
    // A name with a control character is refused too.
    partnership.get(path);
    assertThat(refused(partnership.post(path, Map.of("deci\u0000sion", "LCSPR"))))
        .contains("The name of one of the fields sent has a character that is not allowed");
    // Tab, carriage return and line feed are how people write: kept.
    partnership.get(path);
    HttpResponse<String> saved =
        partnership.post(
            path,
            Map.of(
                "decision", "LCSPR",
                "version", "0",
                "chronology", "Line one\r\nLine two\tindented"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    assertThat(
            jdbc.queryForObject(
                "select chronology from rapid_review where notification_ref = ?",
                String.class,
                n.ref()))
        .isEqualTo("Line one\r\nLine two\tindented");
  }

  @Test
  @DisplayName(
      "a control character in an LCSPR's references, the notify journey, a filter or sign-in is"
          + " a 400 naming the field, after the CSRF check")
  void controlCharactersElsewhere() throws Exception {
    Notification n =
        register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2026, 1, 5), 2, 1));
    SignedInHttp partnership = signedIn("hostile.lcspr", Role.PARTNERSHIP, WESTMINSTER);
    partnership.get("/lcsprs/new");
    assertThat(
            refused(
                partnership.post(
                    "/lcsprs",
                    form(
                        Map.of("notifications", n.ref() + "\u0000"),
                        date("initiated", LocalDate.of(2026, 2, 2))))))
        .contains("The field “Notifications” has a character that is not allowed");
    assertThat(count("lcspr")).isZero();
    // The CSRF check comes first: a form without its token is refused there (403).
    assertThat(
            partnership
                .post("/lcsprs", Map.of("notifications", n.ref() + "\u0000"), false)
                .statusCode())
        .isEqualTo(403);

    // Two authorities, so the journey asks which (one of one authority is not asked).
    SignedInHttp notifier =
        signedIn("hostile.notifier", Role.LA_NOTIFIER, WESTMINSTER, "E09000007");
    notifier.get("/notify/local-authority");
    assertThat(
            refused(
                notifier.post("/notify/local-authority", Map.of("laCode", WESTMINSTER + "\u0000"))))
        .contains("The field “Local authority code” has a character that is not allowed");
    // Nothing of it was kept: the journey has not started.
    assertThat(notifier.get("/notify/dates").statusCode()).isEqualTo(302);
    notifier.get("/notify/local-authority");
    assertThat(notifier.post("/notify/local-authority", Map.of("laCode", WESTMINSTER)).statusCode())
        .isEqualTo(302);
    notifier.get("/notify/child");
    assertThat(
            refused(
                notifier.post(
                    "/notify/child",
                    Map.of("gender", "MALE", "ageYears", "1", "childName", "Test\u0000Child"))))
        .contains("The field “Child name” has a character that is not allowed");

    assertThat(refused(secretariat.get("/notifications?la=%00")))
        .contains("The field “Local authority” has a character that is not allowed");
    assertThat(refused(secretariat.get("/analytics/tables?from=2020-01-01%01")))
        .contains("The field “From” has a character that is not allowed");

    // Signing in: the page's own form, refused the same way, and sign-in still works after.
    SignedInHttp stranger = new SignedInHttp(port);
    stranger.get("/sign-in");
    assertThat(
            refused(
                stranger.post(
                    "/sign-in", Map.of("username", "hostile\u0000secretariat", "password", "x"))))
        .contains("The field “Username” has a character that is not allowed");
    assertThat(count("notification")).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "radios, boxes and numbers take only what the page offers: yes or no, ASCII digits, years"
          + " 1900 to 2100")
  void formsTakeOnlyWhatThePageOffers() throws Exception {
    Notification n =
        register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2026, 11, 2), 2, 1));
    SignedInHttp partnership = signedIn("strict.partnership", Role.PARTNERSHIP, WESTMINSTER);
    String path = "/notifications/" + n.ref() + "/rapid-review";
    partnership.get(path);
    summaryNames(
        partnership.post(
            path, Map.of("decision", "LCSPR", "version", "0", "ethnicityRecorded", "maybe")),
        "ethnicityRecorded",
        "Select yes or no for whether the child’s ethnicity is recorded");
    partnership.get(path);
    summaryLinks(
        partnership.post(
            path, Map.of("decision", "LCSPR", "version", "0", "alternativeMethodology", "on")),
        "alternativeMethodology",
        "Another kind of review is either ticked (yes) or not sent at all");
    for (String year : List.of("0000", "1899", "2101", "9999")) {
      partnership.get(path);
      HttpResponse<String> r =
          partnership.post(
              path,
              form(
                  Map.of("decision", "LCSPR", "version", "0"),
                  Map.of(
                      "signedOffLa-day", "1", "signedOffLa-month", "1", "signedOffLa-year", year)));
      assertThat(r.body()).contains("id=\"signedOffLa-error\"");
      summaryLinks(
          r,
          "signedOffLa-year",
          "The local authority&#39;s sign-off date must be from 1 January 1900 to 31 December"
              + " 2100");
    }
    assertThat(count("rapid_review")).isZero();

    partnership.get("/lcsprs/new");
    HttpResponse<String> started =
        partnership.post(
            "/lcsprs",
            form(Map.of("notifications", n.ref()), date("initiated", LocalDate.of(2026, 11, 20))));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
    String lcspr =
        java.net.URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
    partnership.get(lcspr);
    HttpResponse<String> smart =
        partnership.post(
            lcspr + "/recommendations",
            form(
                Map.of("version", "1", "text", "Share the learning", "smart", "clever"),
                date("due", LocalDate.of(2027, 3, 1))));
    assertThat(refused(smart))
        .contains("Choose which of specific, measurable, achievable, relevant, timeBound");
    assertThat(count("lcspr_recommendation")).isZero();

    secretariat.get("/timeliness-periods");
    for (String target : List.of("١٥", "+15", "15.0", "１５")) {
      secretariat.get("/timeliness-periods");
      summaryNames(
          secretariat.post(
              "/timeliness-periods",
              form(
                  Map.of("name", "Hostile " + target, "target", target),
                  date("from", LocalDate.of(2030, 1, 1)),
                  date("to", LocalDate.of(2030, 6, 30)))),
          "target",
          "The target must be a whole number of working days, like 15");
    }
    secretariat.get("/timeliness-periods");
    summaryLinks(
        secretariat.post(
            "/timeliness-periods",
            form(
                Map.of("name", "Hostile box", "target", "15", "extension", "true"),
                date("from", LocalDate.of(2030, 1, 1)),
                date("to", LocalDate.of(2030, 6, 30)))),
        "extension",
        "Authorised extension is either ticked (yes) or not sent at all");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from timeliness_policy_period where name like 'Hostile%'",
                Long.class))
        .isZero();
  }

  @Test
  @DisplayName(
      "the register and its CSV: out-of-range dates and other scripts' digits are a 400 naming"
          + " the field and the range (the rule is the notification module's, with the API)")
  void register() throws Exception {
    for (String bad : List.of(FAR_FUTURE, FAR_PAST)) {
      summaryNames(
          secretariat.get("/notifications?from=" + bad),
          "from",
          "Notified from " + FILTER_DATE + "from 1 January 1900 to 31 December 2100");
      summaryNames(
          secretariat.get("/notifications?to=" + bad),
          "to",
          "Notified to " + FILTER_DATE + "from 1 January 1900 to 31 December 2100");
      summaryNames(
          secretariat.get("/notifications/export.csv?from=" + bad),
          "from",
          "Notified from must be a real date");
    }
    for (String number : List.of("٣", "３")) {
      String n = URLEncoder.encode(number, StandardCharsets.UTF_8);
      assertThat(refused(secretariat.get("/notifications?page=" + n)))
          .contains("Page must be a whole number");
      assertThat(refused(secretariat.get("/notifications?size=" + n)))
          .contains("Page size must be a whole number");
    }
  }

  @Test
  @DisplayName(
      "text that is not UTF-8, a field of over 100,000 characters, an over-long challenge or"
          + " period name, a yes/no that is neither, other scripts' digits in a path: each a 400")
  void moreHostileFormsAndPaths() throws Exception {
    // Not UTF-8: a 400 on the service's page (which check answers first, this page's or the
    // request limits' before it, may differ; never a 500).
    refused(secretariat.get("/analytics/tables?from=%FF%FE"));
    refused(secretariat.get("/audit?person=%ED%A0%80"));

    Notification n =
        register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2026, 11, 2), 2, 1));
    SignedInHttp partnership = signedIn("more.partnership", Role.PARTNERSHIP, WESTMINSTER);
    String review = "/notifications/" + n.ref() + "/rapid-review";
    partnership.get(review);
    assertThat(
            refused(
                partnership.post(
                    review,
                    Map.of(
                        "decision", "LCSPR", "version", "0", "chronology", "x".repeat(100_001)))))
        .contains(
            "The field “Chronology” is too long: no field takes more than 100,000 characters");
    assertThat(count("rapid_review")).isZero();
    // Up to the review's own limit (20,000), the form says so, as before.
    partnership.get(review);
    summaryNames(
        partnership.post(
            review, Map.of("decision", "LCSPR", "version", "0", "chronology", "x".repeat(20_001))),
        "chronology",
        "longer than 20000 characters");
    partnership.get(review);
    assertThat(
            partnership
                .post(
                    review,
                    form(
                        Map.of("decision", "LCSPR", "version", "0"),
                        date("signedOffLa", LocalDate.of(2026, 11, 20)),
                        date("signedOffHealth", LocalDate.of(2026, 11, 20)),
                        date("signedOffPolice", LocalDate.of(2026, 11, 20))))
                .statusCode())
        .isEqualTo(302);
    partnership.get(review);
    assertThat(
            partnership
                .post(
                    review + "/submit",
                    form(Map.of("version", "1"), date("receivedDate", LocalDate.of(2026, 11, 24))))
                .statusCode())
        .isEqualTo(302);

    SignedInHttp member = signedIn("more.member", Role.PANEL_MEMBER);
    String consideration = "/notifications/" + n.ref() + "/consideration";
    member.get(consideration);
    assertThat(
            refused(
                member.post(
                    "/notifications/" + n.ref() + "/national-review", Map.of("consider", "maybe"))))
        .contains("Whether to consider the case for a national review is yes or no");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from rapid_review where national_review", Long.class))
        .isZero();
    member.get(consideration);
    summaryNames(
        member.post(
            "/notifications/" + n.ref() + "/challenges", Map.of("question", "q".repeat(20_001))),
        "question",
        "The question is longer than 20000 characters: shorten it");
    assertThat(count("challenge")).isZero();
    member.get(consideration);
    assertThat(
            member
                .post("/notifications/" + n.ref() + "/challenges", Map.of("question", "Why?"))
                .statusCode())
        .isEqualTo(302);
    long challenge = jdbc.queryForObject("select id from challenge", Long.class);
    partnership.get("/notifications/" + n.ref());
    assertThat(
            refused(
                partnership.post(
                    "/notifications/" + n.ref() + "/challenges/" + challenge + "/replies",
                    Map.of("body", "Because.", "close", "on"))))
        .contains("Close the challenge is either ticked (yes) or not sent at all");
    assertThat(count("challenge_message")).isEqualTo(1);

    secretariat.get("/timeliness-periods");
    summaryNames(
        secretariat.post(
            "/timeliness-periods",
            form(
                Map.of("name", "N".repeat(101), "target", "15"),
                date("from", LocalDate.of(2030, 1, 1)),
                date("to", LocalDate.of(2030, 6, 30)))),
        "name",
        "The name must be 100 characters or fewer");

    // The notify journey: a refused answer is the page again, as a 400; a child by number in
    // another script's digits is no child.
    SignedInHttp notifier = signedIn("more.notifier", Role.LA_NOTIFIER, WESTMINSTER, "E09000007");
    notifier.get("/notify/local-authority");
    summaryNames(
        notifier.post("/notify/local-authority", Map.of("laCode", "E09999999")), "laCode", "");
    notifier.get("/notify/local-authority");
    notifier.post("/notify/local-authority", Map.of("laCode", WESTMINSTER));
    notifier.get("/notify/child");
    assertThat(
            notifier
                .post(
                    "/notify/child",
                    form(
                        Map.of("gender", "MALE", "ageYears", "1", "ethnicity", "WBRI"),
                        date("dateOfBirth", LocalDate.of(2025, 1, 1))))
                .statusCode())
        .isEqualTo(302);
    assertThat(notifier.get("/notify/child/1").statusCode()).isEqualTo(200);
    refused(notifier.get("/notify/child/" + URLEncoder.encode("١", StandardCharsets.UTF_8)));
    refused(notifier.get("/notify/child/+1"));
  }
}
