package uk.gov.observatory.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.notification.ImportProblem;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.SyntheticCsv;
import uk.gov.observatory.support.SyntheticReviewsCsv;

/** The import and export of all four files of DATA-STANDARD.md section 5, on real PostgreSQL. */
@RegisterTest
class StandardCsvTest {

  @Autowired StandardCsv csv;
  @Autowired JdbcTemplate jdbc;
  @Autowired DatabaseOwner owner;

  @TempDir Path tmp;

  static final List<String> FILES =
      List.of("notifications.csv", "children.csv", "rapid_reviews.csv", "lcsprs.csv");

  /** Every table an import writes to. */
  static final List<String> TABLES =
      List.of(
          "notification",
          "child",
          "rapid_review",
          "rapid_review_version",
          "lcspr",
          "lcspr_notification",
          "case_event");

  long count(String sql) {
    Long n = jdbc.queryForObject(sql, Long.class);
    return n == null ? 0 : n;
  }

  long rows(String table) {
    return count("select count(*) from " + table);
  }

  Map<String, Long> tableCounts() {
    Map<String, Long> m = new LinkedHashMap<>();
    TABLES.forEach(t -> m.put(t, rows(t)));
    return m;
  }

  /** Every table empty, and no import audited since {@link #auditedImports} was last read. */
  void assertNothingStored() {
    assertThat(tableCounts()).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
    assertThat(imports()).as("imports audited").isEqualTo(auditedImports);
  }

  long auditedImports;

  long imports() {
    return count("select count(*) from audit_entry where action = 'IMPORTED'");
  }

  /** An import (notes how many imports were audited before it). */
  StandardCsv.Imported importFrom(Path dir) {
    auditedImports = imports();
    return csv.importFrom(dir, false, ImportProgress.NONE);
  }

  StandardCsv.Imported replace(Path dir) {
    auditedImports = imports();
    return csv.importFrom(dir, true, ImportProgress.NONE);
  }

  static List<String> strings(StandardCsv.Imported result) {
    return result.problems().stream().map(ImportProblem::toString).toList();
  }

  Map<String, Integer> grouped(String sql) {
    Map<String, Integer> m = new TreeMap<>();
    jdbc.query(
        sql,
        (org.springframework.jdbc.core.RowCallbackHandler)
            rs -> m.put(rs.getString(1), rs.getInt(2)));
    return m;
  }

  static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName(
      "1,300 notifications with their rapid reviews and LCSPRs import; the register holds what the"
          + " generator counted; export -> import into an empty register -> export is byte-identical")
  void largeSetRoundTrips() throws IOException {
    SyntheticReviewsCsv.Written set = SyntheticReviewsCsv.write(tmp.resolve("in"), 1300, 6);
    SyntheticReviewsCsv.Counts expected = set.counts();
    // The generator's variety: most notifications reviewed, every decision and status, pairs.
    assertThat(expected.rapidReviews()).isBetween(1200, 1275);
    assertThat(expected.byDecision()).containsOnlyKeys("LCSPR", "NO_LCSPR", "UNDECIDED");
    assertThat(expected.byPublicationStatus())
        .containsOnlyKeys("PUBLISHED", "INTENDS_TO_PUBLISH", "NOT_PUBLISHING", "NOT_DECIDED");
    assertThat(expected.byLifecycle())
        .containsOnlyKeys(
            "INITIATED", "COMPLETED", "PUBLICATION_NOTIFIED", "PUBLISHED", "NOT_PUBLISHING");
    assertThat(expected.coveringTwo()).isPositive();
    assertThat(expected.lcsprs()).isGreaterThan(100);

    StandardCsv.Imported result = importFrom(tmp.resolve("in"));
    assertThat(strings(result)).isEmpty();
    assertThat(result.notifications()).isEqualTo(1300);
    assertThat(result.children()).isEqualTo(set.notifications().childRows());
    assertThat(result.rapidReviews()).isEqualTo(expected.rapidReviews());
    assertThat(result.lcsprs()).isEqualTo(expected.lcsprs());

    assertThat(rows("notification")).isEqualTo(1300);
    assertThat(rows("rapid_review")).isEqualTo(expected.rapidReviews());
    assertThat(rows("rapid_review_version")).isEqualTo(expected.rapidReviews());
    assertThat(count("select count(*) from rapid_review where status = 'SUBMITTED'"))
        .isEqualTo(expected.submitted());
    assertThat(count("select count(*) from rapid_review where panel_view is not null"))
        .isEqualTo(expected.panelViews());
    assertThat(grouped("select decision, count(*) from rapid_review group by decision"))
        .isEqualTo(expected.byDecision());
    assertThat(rows("lcspr")).isEqualTo(expected.lcsprs());
    assertThat(rows("lcspr_notification")).isEqualTo(expected.links());
    assertThat(
            count(
                "select count(*) from (select lcspr_id from lcspr_notification group by lcspr_id"
                    + " having count(*) = 2) x"))
        .isEqualTo(expected.coveringTwo());
    assertThat(grouped("select status, count(*) from lcspr group by status"))
        .isEqualTo(expected.byLifecycle());
    assertThat(
            count(
                "select count(*) from lcspr where status = 'NOT_PUBLISHING'"
                    + " and not_publishing_reason = 'recorded as not publishing in an import'"))
        .isEqualTo(expected.byLifecycle().get("NOT_PUBLISHING").longValue());
    assertThat(rows("case_event")).isEqualTo(expected.rapidReviews() + expected.lcsprs());

    Path first = tmp.resolve("first");
    StandardCsv.Exported exported = csv.exportTo(first, true);
    assertThat(exported)
        .isEqualTo(new StandardCsv.Exported(1300, expected.rapidReviews(), expected.lcsprs(), 0));
    assertThat(Files.readAllLines(first.resolve("rapid_reviews.csv")))
        .hasSize(expected.rapidReviews() + 1)
        .first()
        .isEqualTo(
            "notification_ref,received_date,decision,no_lcspr_reason,alternative_methodology,"
                + "panel_view,practice_themes");
    assertThat(Files.readAllLines(first.resolve("lcsprs.csv")))
        .hasSize(expected.lcsprs() + 1)
        .first()
        .isEqualTo(
            "lcspr_ref,notification_refs,initiated_date,completed_date,"
                + "panel_notified_of_publication_date,publication_date,publication_status");
    // The file's publication statuses come back as the standard's codes.
    Map<String, Integer> exportedStatuses = new TreeMap<>();
    for (String line :
        Files.readAllLines(first.resolve("lcsprs.csv")).subList(1, expected.lcsprs() + 1)) {
      exportedStatuses.merge(line.substring(line.lastIndexOf(',') + 1), 1, Integer::sum);
    }
    assertThat(exportedStatuses).isEqualTo(expected.byPublicationStatus());

    EmptyRegister.empty(owner.jdbc());
    assertThat(tableCounts()).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
    assertThat(strings(importFrom(first))).isEmpty();
    Path second = tmp.resolve("second");
    csv.exportTo(second, true);
    for (String file : FILES) {
      assertThat(Files.readAllBytes(second.resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(first.resolve(file)));
    }
  }

  /** Ten notifications (SYN-00001 to SYN-00010, notified 2019-04 to 2024-03) and their children. */
  SyntheticCsv.Files2 tenNotifications(Path dir) throws IOException {
    return SyntheticCsv.write(dir, 10, 5);
  }

  static final String RR_HEADER =
      "notification_ref,received_date,decision,no_lcspr_reason,alternative_methodology,panel_view,"
          + "practice_themes\n";
  static final String L_HEADER =
      "lcspr_ref,notification_refs,initiated_date,completed_date,"
          + "panel_notified_of_publication_date,publication_date,publication_status\n";

  @Test
  @DisplayName(
      "bad rows in rapid_reviews.csv and lcsprs.csv: every error as FILE:LINE:COLUMN: VALUE: reason,"
          + " and nothing stored in any table")
  void badReviewRows() throws IOException {
    tenNotifications(tmp);
    write(
        tmp.resolve("rapid_reviews.csv"),
        RR_HEADER
            + "SYN-00001,2025-01-10,LCSPR,,N,AGREE,CHILD_DAILY_LIFE\n" // 2: fine
            + "SYN-00001,2025-01-10,NO_LCSPR,,N,,\n" // 3: a second review
            + "SYN-99999,2025-01-10,NO_LCSPR,,N,,\n" // 4: no such notification
            + "SYN-00002,2019-01-01,NO_LCSPR,,N,,\n" // 5: before the notification
            + "SYN-00003,,UNDECIDED,NO_NEW_LEARNING,N,,\n" // 6: reason without NO_LCSPR
            + "SYN-00004,,NO_LCSPR,,N,AGREE,\n" // 7: a view before it is received
            + "SYN-00005,2025-01-10,UNDECIDED,,N,DISAGREE,\n" // 8: a view on an undecided one
            + "SYN-00006,2025-01-10,MAYBE,,X,,CHILD_DAILY_LIFE;NOT_A_THEME\n" // 9: codes
            + "SYN-00007,2025-13-01,LCSPR,,N,,\n" // 10: not a date
            + "SYN-00008,2025-01-10,LCSPR,,Y,,\n"); // 11: fine
    write(
        tmp.resolve("lcsprs.csv"),
        L_HEADER
            + "L-1,SYN-00001,2025-02-01,2025-06-01,2025-06-10,2025-07-01,PUBLISHED\n" // 2: fine
            + "L-2,,2025-02-01,,,,NOT_DECIDED\n" // 3: no notifications
            + "L-3,SYN-00008,2025-01-01,,,,INTENDS_TO_PUBLISH\n" // 4: before the review
            + "L-4,SYN-00008,2025-02-01,2025-01-15,,,NOT_DECIDED\n" // 5: completed before start
            + "L-5,SYN-00008,2025-02-01,2025-06-01,,2025-05-01,PUBLISHED\n" // 6: published before
            + "L-6,SYN-00008,2025-02-01,2025-06-01,,,PUBLISHED\n" // 7: published when?
            + "L-7,SYN-00008;SYN-77777,2025-02-01,,,,SOMETIMES\n" // 8: unknown ref and code
            + "L-1,SYN-00008,2025-02-01,,,,NOT_DECIDED\n" // 9: a second L-1
            + "L-8,SYN-00008,2025-02-01,,,,NOT_PUBLISHING\n"); // 10: fine

    StandardCsv.Imported result = importFrom(tmp);
    assertThat(result.stored()).isFalse();
    List<String> problems = strings(result);
    List<String> starts =
        List.of(
            "rapid_reviews.csv:3:notification_ref: SYN-00001: is repeated: the rapid review of"
                + " this notification is on line 2",
            "rapid_reviews.csv:4:notification_ref: SYN-99999: has no notification in"
                + " notifications.csv or in the register",
            // The rules of a rapid review, worded once, by the domain (as on the pages).
            "rapid_reviews.csv:5:received_date: 2019-01-01: a rapid review cannot be received"
                + " before its notification (2020-",
            "rapid_reviews.csv:6:no_lcspr_reason: NO_NEW_LEARNING: a reason for no LCSPR is given"
                + " only with the decision NO_LCSPR",
            "rapid_reviews.csv:7:panel_view: AGREE: the Panel gives its view only on a submitted"
                + " rapid review",
            "rapid_reviews.csv:8:panel_view: DISAGREE: the partnership has not decided on an LCSPR"
                + " yet: the Panel gives no view on an undecided review",
            "rapid_reviews.csv:9:decision: MAYBE: is not an allowed value: allowed values are"
                + " LCSPR, NO_LCSPR, UNDECIDED",
            "rapid_reviews.csv:9:alternative_methodology: X: is not an allowed value: allowed"
                + " values are Y, N",
            "rapid_reviews.csv:9:practice_themes: NOT_A_THEME: is not an allowed value: allowed"
                + " values are CHILD_DAILY_LIFE, RELUCTANT_ENGAGEMENT, CRITICAL_THINKING,"
                + " CHANGING_RISK, INFORMATION_SHARING, LEADERSHIP_CULTURE",
            "rapid_reviews.csv:10:received_date: 2025-13-01: is not a date: use YYYY-MM-DD",
            // The rules of an LCSPR's lifecycle, worded once, by the domain (as on the pages).
            "lcsprs.csv:3:notification_refs: : an LCSPR covers at least one notification",
            "lcsprs.csv:4:initiated_date: 2025-01-01: an LCSPR starts no earlier than its rapid"
                + " review was received (2025-01-10)",
            "lcsprs.csv:5:completed_date: 2025-01-15: cannot be before the review started"
                + " (2025-02-01)",
            "lcsprs.csv:6:publication_date: 2025-05-01: cannot be before the review was completed"
                + " (2025-06-01)",
            "lcsprs.csv:7:publication_date: : is required when publication_status is PUBLISHED",
            "lcsprs.csv:8:notification_refs: SYN-77777: has no notification in notifications.csv"
                + " or in the register",
            "lcsprs.csv:8:publication_status: SOMETIMES: is not an allowed value: allowed values"
                + " are PUBLISHED, INTENDS_TO_PUBLISH, NOT_PUBLISHING, NOT_DECIDED",
            "lcsprs.csv:9:lcspr_ref: L-1: is repeated: the same reference is on line 2");
    assertThat(problems).hasSameSizeAs(starts);
    for (int i = 0; i < starts.size(); i++) {
      assertThat(problems.get(i)).as("problem %d", i + 1).startsWith(starts.get(i));
    }
    assertNothingStored();
  }

  @Test
  @DisplayName(
      "errors in all four files at once are all reported, in file order, and nothing is stored")
  void errorsInEveryFile() throws IOException {
    SyntheticCsv.Files2 set = tenNotifications(tmp);
    List<String> n = Files.readAllLines(set.notifications());
    n.set(3, n.get(3).replaceFirst(",(DEATH|SERIOUS_HARM|OTHER),", ",DEAD,"));
    Files.write(set.notifications(), n);
    List<String> c = Files.readAllLines(set.children());
    c.set(1, c.get(1).replaceFirst(",(MALE|FEMALE|NOT_KNOWN),", ",BOY,"));
    Files.write(set.children(), c);
    write(tmp.resolve("rapid_reviews.csv"), RR_HEADER + "SYN-00001,2025-01-10,LCSPR,,N,,\n");
    write(
        tmp.resolve("lcsprs.csv"),
        L_HEADER + "L-1,SYN-00001,2025-01-01,,,,NOT_DECIDED\nL-2,SYN-00002,2025-02-01,,,,\n");

    write(
        tmp.resolve("yearly_reports.csv"),
        YR_HEADER + "E09000033,2020-06-30,FULL,MOSTLY,NONE,PARTIAL\n");

    List<String> problems = strings(importFrom(tmp));
    assertThat(problems).hasSize(5);
    assertThat(problems.get(0)).startsWith("notifications.csv:4:notification_type: DEAD: ");
    assertThat(problems.get(1)).startsWith("children.csv:2:gender: BOY: ");
    assertThat(problems.get(2)).startsWith("lcsprs.csv:2:initiated_date: 2025-01-01: ");
    assertThat(problems.get(3)).startsWith("lcsprs.csv:3:publication_status: : is required");
    assertThat(problems.get(4))
        .isEqualTo(
            "yearly_reports.csv:2:req_limited_progress: MOSTLY: is not one of FULL, PARTIAL, NONE");
    assertNothingStored();
  }

  static final String YR_HEADER =
      "partnership_code,published_date,req_impact,req_limited_progress,req_review_actions,"
          + "req_child_family_feedback\n";

  @Test
  @DisplayName(
      "yearly_reports.csv is imported with the other files, refused row by row when wrong, and"
          + " exported back as it was")
  void yearlyReports() throws IOException {
    tenNotifications(tmp);
    String rows =
        "E09000033,2020-06-30,FULL,PARTIAL,NONE,FULL\n"
            + "E08000035,2020-09-01,NONE,NONE,NONE,PARTIAL\n";
    write(tmp.resolve("yearly_reports.csv"), YR_HEADER + rows);
    StandardCsv.Imported result = importFrom(tmp);
    assertThat(strings(result)).isEmpty();
    assertThat(result.yearlyReports()).isEqualTo(2);
    assertThat(rows("yearly_report")).isEqualTo(2);
    Path out = tmp.resolve("out");
    assertThat(csv.exportTo(out, false).yearlyReports()).isEqualTo(2);
    assertThat(Files.readString(out.resolve("yearly_reports.csv")).replace("\r\n", "\n"))
        .isEqualTo(
            YR_HEADER
                + "E08000035,2020-09-01,NONE,NONE,NONE,PARTIAL\n"
                + "E09000033,2020-06-30,FULL,PARTIAL,NONE,FULL\n");

    // Again without --replace: each report already held is an error, and nothing changes.
    Path again = tmp.resolve("again");
    Files.createDirectories(again);
    tenNotifications(again);
    write(
        again.resolve("yearly_reports.csv"),
        YR_HEADER
            + "E09000033,2020-06-30,NONE,NONE,NONE,NONE\nE99999999,2030-01-01,FULL,FULL,FULL,\n");
    List<String> problems = strings(csv.importFrom(again, false, ImportProgress.NONE));
    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "yearly_reports.csv:2:published_date: 2020-06-30: the register already holds"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "yearly_reports.csv:3:partnership_code: E99999999: is not a partnership"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "yearly_reports.csv:3:published_date: 2030-01-01: cannot be in the future"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("yearly_reports.csv:3:req_child_family_feedback: : is not one of"));
    assertThat(rows("yearly_report")).isEqualTo(2);
  }

  @Autowired uk.gov.observatory.review.internal.ReviewRepository repository;

  @Test
  @DisplayName(
      "publication_status maps to the LCSPR lifecycle and back; imported reviews are the domain's"
          + " own (the next step of their lifecycle works)")
  void publicationStatusMapsToLifecycle() throws IOException {
    tenNotifications(tmp);
    String reviews =
        RR_HEADER
            + "SYN-00001,2025-01-10,LCSPR,,N,AGREE,CHILD_DAILY_LIFE;CRITICAL_THINKING\n"
            + "SYN-00002,2025-01-10,LCSPR,,Y,,\n"
            + "SYN-00003,2025-01-10,LCSPR,,N,DISAGREE,\n"
            + "SYN-00004,2025-01-10,LCSPR,,N,,\n"
            + "SYN-00005,2025-01-10,LCSPR,,N,,\n"
            + "SYN-00006,2025-01-10,LCSPR,,N,,\n"
            + "SYN-00007,,UNDECIDED,,N,,\n"
            + "SYN-00008,2025-01-10,NO_LCSPR,OTHER_PROCESS,N,AGREE,\n";
    String lcsprs =
        L_HEADER
            + "L-1,SYN-00001,2025-02-01,,,,NOT_DECIDED\n"
            + "L-2,SYN-00002,2025-02-01,,,,INTENDS_TO_PUBLISH\n"
            + "L-3,SYN-00003,2025-02-01,2025-06-01,,,INTENDS_TO_PUBLISH\n"
            + "L-4,SYN-00004,2025-02-01,2025-06-01,2025-06-10,,NOT_DECIDED\n"
            + "L-5,SYN-00005;SYN-00006,2025-02-01,2025-06-01,2025-06-10,2025-07-01,PUBLISHED\n"
            + "L-6,SYN-00006,2025-02-01,2025-03-01,,,NOT_PUBLISHING\n";
    write(tmp.resolve("rapid_reviews.csv"), reviews);
    // Any column order, and an LCSPR's notifications in any order.
    write(
        tmp.resolve("lcsprs.csv"),
        lcsprs
            .replace(L_HEADER, "publication_status," + L_HEADER.replace(",publication_status", ""))
            .replaceAll("(?m)^(.*),([A-Z_]+)$", "$2,$1")
            .replace("SYN-00005;SYN-00006", "SYN-00006;SYN-00005"));
    StandardCsv.Imported result = importFrom(tmp);
    assertThat(strings(result)).isEmpty();
    assertThat(result.rapidReviews()).isEqualTo(8);
    assertThat(result.lcsprs()).isEqualTo(6);

    Map<String, String> states = new TreeMap<>();
    jdbc.query(
        "select lcspr_ref, status || '/' || publication_intention || '/'"
            + " || coalesce(not_publishing_reason, '-') from lcspr",
        (org.springframework.jdbc.core.RowCallbackHandler)
            rs -> states.put(rs.getString(1), rs.getString(2)));
    assertThat(states)
        .containsExactly(
            Map.entry("L-1", "INITIATED/NOT_DECIDED/-"),
            Map.entry("L-2", "INITIATED/INTENDS_TO_PUBLISH/-"),
            Map.entry("L-3", "COMPLETED/INTENDS_TO_PUBLISH/-"),
            Map.entry("L-4", "PUBLICATION_NOTIFIED/NOT_DECIDED/-"),
            Map.entry("L-5", "PUBLISHED/INTENDS_TO_PUBLISH/-"),
            Map.entry("L-6", "NOT_PUBLISHING/NOT_DECIDED/recorded as not publishing in an import"));

    RapidReview first = repository.findRapidReview("SYN-00001").orElseThrow();
    assertThat(first.status()).isEqualTo(RapidReviewStatus.SUBMITTED);
    assertThat(first.panelView()).isEqualTo(PanelView.AGREE);
    assertThat(first.content().practiceThemes())
        .containsExactly("CHILD_DAILY_LIFE", "CRITICAL_THINKING");
    assertThat(
            repository.findRapidReview("SYN-00002").orElseThrow().proposesAlternativeMethodology())
        .isTrue();
    assertThat(repository.findRapidReview("SYN-00007").orElseThrow().status())
        .isEqualTo(RapidReviewStatus.DRAFT);
    assertThat(repository.findRapidReview("SYN-00008").orElseThrow().content().noLcsprReason())
        .isEqualTo(NoLcsprReason.OTHER_PROCESS);
    assertThat(repository.findRapidReview("SYN-00009")).isEmpty();
    Lcspr published = repository.findLcspr("L-5").orElseThrow();
    assertThat(published.notificationRefs()).containsExactly("SYN-00005", "SYN-00006");
    assertThat(published.publicationStatus()).isEqualTo("PUBLISHED");
    java.time.LocalDate today = uk.gov.observatory.support.TestClock.TODAY;
    Lcspr completed = repository.findLcspr("L-3").orElseThrow();
    assertThat(completed.notifyPublication(java.time.LocalDate.of(2025, 6, 20), today).status())
        .isEqualTo(LcsprStatus.PUBLICATION_NOTIFIED);
    assertThat(
            repository
                .findLcspr("L-4")
                .orElseThrow()
                .publish(java.time.LocalDate.of(2025, 7, 1), today, null)
                .status())
        .isEqualTo(LcsprStatus.PUBLISHED);

    // Exported in the standard's columns and codes: the files as written above, sorted.
    Path out = tmp.resolve("out");
    csv.exportTo(out, false);
    assertThat(Files.readAllLines(out.resolve("rapid_reviews.csv")))
        .containsExactlyElementsOf(reviews.lines().toList());
    assertThat(Files.readAllLines(out.resolve("lcsprs.csv")))
        .containsExactlyElementsOf(lcsprs.lines().toList());
  }

  @Test
  @DisplayName(
      "--replace: without it held references are errors; with it rapid reviews and LCSPRs are"
          + " replaced in place (what only the pages record stays), a replaced notification's rapid"
          + " review goes unless given again, and an LCSPR is never left covering nothing")
  void replace() throws IOException {
    Path base = tmp.resolve("base");
    tenNotifications(base);
    write(
        base.resolve("rapid_reviews.csv"),
        RR_HEADER
            + "SYN-00001,2025-01-10,LCSPR,,N,,\n"
            + "SYN-00002,2025-01-10,LCSPR,,N,,\n"
            + "SYN-00003,2025-01-10,LCSPR,,N,,\n");
    write(
        base.resolve("lcsprs.csv"),
        L_HEADER
            + "L-1,SYN-00001,2025-02-01,,,,NOT_DECIDED\n"
            + "L-2,SYN-00002;SYN-00003,2025-02-01,,,,NOT_DECIDED\n");
    assertThat(strings(importFrom(base))).isEmpty();
    Map<String, Long> stored = tableCounts();
    long reviewId = repository.findRapidReview("SYN-00001").orElseThrow().id();
    long lcsprId = repository.findLcspr("L-1").orElseThrow().id();
    jdbc.update("update rapid_review set chronology = 'kept' where notification_ref = 'SYN-00001'");
    jdbc.update("update lcspr set scope = 'kept' where lcspr_ref = 'L-1'");

    // The same again, without --replace.
    List<String> again = strings(importFrom(base));
    assertThat(again).hasSize(12);
    assertThat(again.get(0))
        .isEqualTo(
            "notifications.csv:2:notification_ref: SYN-00001: is already in the register: import"
                + " with --replace to replace it");
    assertThat(again.subList(10, 12))
        .containsExactly(
            "lcsprs.csv:2:lcspr_ref: L-1: is already in the register: import with --replace to"
                + " replace it",
            "lcsprs.csv:3:lcspr_ref: L-2: is already in the register: import with --replace to"
                + " replace it");
    assertThat(tableCounts()).isEqualTo(stored);

    // Reviews of notifications already held, with no notifications in the files.
    Path reviews = tmp.resolve("reviews");
    Files.createDirectories(reviews);
    write(reviews.resolve("notifications.csv"), SyntheticHeaders.NOTIFICATIONS);
    write(reviews.resolve("children.csv"), SyntheticHeaders.CHILDREN);
    write(
        reviews.resolve("rapid_reviews.csv"),
        RR_HEADER
            + "SYN-00004,2025-01-10,NO_LCSPR,,N,AGREE,\n"
            + "SYN-00001,2025-01-20,LCSPR,,N,DISAGREE,\n");
    write(
        reviews.resolve("lcsprs.csv"),
        L_HEADER + "L-1,SYN-00001,2025-02-01,2025-06-01,,,INTENDS_TO_PUBLISH\n");
    assertThat(strings(importFrom(reviews)))
        .containsExactly(
            "rapid_reviews.csv:3:notification_ref: SYN-00001: already has a rapid review in the"
                + " register: import with --replace to replace it",
            "lcsprs.csv:2:lcspr_ref: L-1: is already in the register: import with --replace to"
                + " replace it");
    assertThat(tableCounts()).isEqualTo(stored);

    StandardCsv.Imported replaced = replace(reviews);
    assertThat(strings(replaced)).isEmpty();
    assertThat(replaced.rapidReviews()).isEqualTo(2);
    assertThat(replaced.replacedRapidReviews()).isOne();
    assertThat(replaced.replacedLcsprs()).isOne();
    RapidReview review = repository.findRapidReview("SYN-00001").orElseThrow();
    assertThat(review.id()).isEqualTo(reviewId);
    assertThat(review.version()).isEqualTo(2);
    assertThat(review.receivedDate()).isEqualTo("2025-01-20");
    assertThat(review.panelView()).isEqualTo(PanelView.DISAGREE);
    assertThat(review.content().chronology()).isEqualTo("kept");
    assertThat(repository.versionCount(reviewId)).isEqualTo(2);
    Lcspr lcspr = repository.findLcspr("L-1").orElseThrow();
    assertThat(lcspr.id()).isEqualTo(lcsprId);
    assertThat(lcspr.status()).isEqualTo(LcsprStatus.COMPLETED);
    assertThat(lcspr.intention()).isEqualTo(PublicationIntention.INTENDS_TO_PUBLISH);
    assertThat(lcspr.details().scope()).isEqualTo("kept");
    assertThat(rows("rapid_review")).isEqualTo(4);

    // Replacing notifications whose LCSPRs the files do not give again would leave them empty.
    Path bare = tmp.resolve("bare");
    tenNotifications(bare);
    Map<String, Long> before = tableCounts();
    assertThat(strings(replace(bare)))
        .containsExactly(
            "notifications.csv:2:notification_ref: SYN-00001: is replaced, and LCSPR L-1 in the"
                + " register covers only notifications this import replaces (SYN-00001): give L-1"
                + " in lcsprs.csv too, or it would cover none",
            "notifications.csv:3:notification_ref: SYN-00002: is replaced, and LCSPR L-2 in the"
                + " register covers only notifications this import replaces"
                + " (SYN-00002;SYN-00003): give L-2 in lcsprs.csv too, or it would cover none");
    assertThat(tableCounts()).isEqualTo(before);

    // Given again, they stay; the replaced notifications' rapid reviews go unless given again.
    Files.copy(base.resolve("lcsprs.csv"), bare.resolve("lcsprs.csv"));
    write(bare.resolve("rapid_reviews.csv"), RR_HEADER + "SYN-00001,2025-01-10,LCSPR,,N,,\n");
    StandardCsv.Imported whole = replace(bare);
    assertThat(strings(whole)).isEmpty();
    assertThat(whole.replaced()).isEqualTo(10);
    assertThat(whole.replacedRapidReviews()).isOne();
    assertThat(whole.removedRapidReviews()).isEqualTo(3);
    assertThat(whole.replacedLcsprs()).isEqualTo(2);
    assertThat(jdbc.queryForList("select notification_ref from rapid_review", String.class))
        .containsExactly("SYN-00001");
    assertThat(repository.findLcspr("L-1").orElseThrow().id()).isEqualTo(lcsprId);
    assertThat(repository.findLcspr("L-2").orElseThrow().notificationRefs())
        .containsExactly("SYN-00002", "SYN-00003");
    assertThat(rows("lcspr")).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "--replace takes an LCSPR back to what the file says, even to a later start with no"
          + " completion, in one step (no date check sees old and new dates mixed); a reason for not"
          + " publishing written on the pages stays while it is still not publishing")
  void replaceMovesAnLcsprBack() throws IOException {
    Path base = tmp.resolve("base");
    tenNotifications(base);
    write(
        base.resolve("rapid_reviews.csv"),
        RR_HEADER + "SYN-00001,2025-01-10,LCSPR,,N,,\n" + "SYN-00002,2025-01-10,LCSPR,,N,,\n");
    write(
        base.resolve("lcsprs.csv"),
        L_HEADER
            + "L-1,SYN-00001,2025-02-01,2025-06-01,2025-06-10,2025-07-01,PUBLISHED\n"
            + "L-2,SYN-00002,2025-02-01,,,,NOT_PUBLISHING\n");
    assertThat(strings(importFrom(base))).isEmpty();
    jdbc.update(
        "update lcspr set not_publishing_reason = 'the family asked' where lcspr_ref = 'L-2'");

    Path later = tmp.resolve("later");
    Files.createDirectories(later);
    write(later.resolve("notifications.csv"), SyntheticHeaders.NOTIFICATIONS);
    write(later.resolve("children.csv"), SyntheticHeaders.CHILDREN);
    write(
        later.resolve("lcsprs.csv"),
        L_HEADER
            + "L-1,SYN-00001,2025-08-01,,,,NOT_DECIDED\n"
            + "L-2,SYN-00002,2025-03-01,2025-05-01,,,NOT_PUBLISHING\n");
    assertThat(strings(replace(later))).isEmpty();
    Lcspr l1 = repository.findLcspr("L-1").orElseThrow();
    assertThat(l1.status()).isEqualTo(LcsprStatus.INITIATED);
    assertThat(l1.initiatedDate()).isEqualTo("2025-08-01");
    assertThat(l1.completedDate()).isNull();
    assertThat(l1.panelNotifiedOfPublicationDate()).isNull();
    assertThat(l1.publicationDate()).isNull();
    assertThat(l1.version()).isEqualTo(2);
    Lcspr l2 = repository.findLcspr("L-2").orElseThrow();
    assertThat(l2.status()).isEqualTo(LcsprStatus.NOT_PUBLISHING);
    assertThat(l2.initiatedDate()).isEqualTo("2025-03-01");
    assertThat(l2.completedDate()).isEqualTo("2025-05-01");
    assertThat(l2.notPublishingReason()).isEqualTo("the family asked");
    // Each replacement is on its case's timeline.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from case_event where event = 'LCSPR replaced by an import'",
                Integer.class))
        .isEqualTo(2);
  }

  /** Header-only files: an import of reviews alone, for notifications the register holds. */
  static final class SyntheticHeaders {
    static final String NOTIFICATIONS =
        "notification_ref,la_code,incident_date,aware_date,notified_date,notification_type,"
            + "csc_involvement,court_order,living_arrangement\n";
    static final String CHILDREN = "notification_ref,child_seq,gender,age_years\n";
  }

  @Test
  @DisplayName(
      "the import is audited in its transaction (notifications, rapid reviews, LCSPRs); the export"
          + " once, with every count, before anything is written")
  void audited() throws IOException {
    SyntheticReviewsCsv.Written set = SyntheticReviewsCsv.write(tmp.resolve("in"), 30, 6);
    long before = count("select coalesce(max(id), 0) from audit_entry");
    assertThat(strings(csv.importFrom(tmp.resolve("in"), false, ImportProgress.NONE, "cli:erin")))
        .isEmpty();
    csv.exportTo(tmp.resolve("out"), false, "cli:erin");
    List<String> entries =
        jdbc.queryForList(
            "select actor || ' ' || action || ' ' || record_type || ' ' || details"
                + " from audit_entry where id > ? order by id",
            String.class,
            before);
    assertThat(entries).hasSize(4);
    assertThat(entries.get(0)).startsWith("cli:erin IMPORTED notification {\"notifications\":30,");
    assertThat(entries.get(1))
        .startsWith(
            "cli:erin IMPORTED rapid_review {\"rapid_reviews\":"
                + set.counts().rapidReviews()
                + ",\"replaced\":0,");
    assertThat(entries.get(2))
        .startsWith("cli:erin IMPORTED lcspr {\"lcsprs\":" + set.counts().lcsprs() + ",");
    assertThat(entries.get(3))
        .startsWith(
            "cli:erin EXPORTED notification {\"notifications\":30,\"rapid_reviews\":"
                + set.counts().rapidReviews()
                + ",\"lcsprs\":"
                + set.counts().lcsprs()
                + ",\"yearly_reports\":0,\"identifying\":false,");
  }

  @Test
  @DisplayName(
      "when the audit log cannot be written, an import of all four files stores nothing and an"
          + " export writes nothing")
  void unauditedStoresAndWritesNothing() throws IOException {
    SyntheticReviewsCsv.write(tmp.resolve("in"), 30, 6);
    owner
        .jdbc()
        .execute(
            "create function review_csv_test_refuse() returns trigger language plpgsql as"
                + " $$ begin if new.record_type = 'lcspr' or new.action = 'EXPORTED' then"
                + " raise exception 'audit store unavailable'; end if; return new; end $$");
    owner
        .jdbc()
        .execute(
            "create trigger review_csv_test_refuse before insert on audit_entry"
                + " for each row execute function review_csv_test_refuse()");
    try {
      // The LCSPRs' entry is the import's last: refused, everything before it is undone.
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> importFrom(tmp.resolve("in")))
          .hasMessageContaining("audit store unavailable");
      assertNothingStored();
      owner.jdbc().execute("drop trigger review_csv_test_refuse on audit_entry");
      assertThat(strings(importFrom(tmp.resolve("in")))).isEmpty();
      owner
          .jdbc()
          .execute(
              "create trigger review_csv_test_refuse before insert on audit_entry"
                  + " for each row execute function review_csv_test_refuse()");
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> csv.exportTo(tmp.resolve("out"), true, "alice"))
          .hasMessageContaining("audit store unavailable");
      assertThat(tmp.resolve("out")).doesNotExist();
    } finally {
      owner.jdbc().execute("drop trigger if exists review_csv_test_refuse on audit_entry");
      owner.jdbc().execute("drop function review_csv_test_refuse()");
    }
  }

  @Test
  @DisplayName(
      "a NUL or other control character in rapid_reviews.csv, lcsprs.csv or yearly_reports.csv is"
          + " an import error with the character escaped, never a database failure; nothing stored")
  void controlCharactersInReviewFiles() throws IOException {
    tenNotifications(tmp);
    write(
        tmp.resolve("rapid_reviews.csv"),
        RR_HEADER + "SYN-00001,2025-01-10,LC\u0000SPR,,N,AGREE,CHILD_DAILY_LIFE\n");
    write(tmp.resolve("lcsprs.csv"), L_HEADER + "L\u0000-1,SYN-00001,2025-02-01,,,,NOT_DECIDED\n");
    write(
        tmp.resolve("yearly_reports.csv"),
        YR_HEADER + "E09000033,2020-06-30,FULL,PARTIAL,NONE,\"FULL\u0008\"\n");
    List<String> problems = strings(importFrom(tmp));
    assertThat(problems)
        .containsExactly(
            "rapid_reviews.csv:2:decision: LC\\u0000SPR: contains the control character U+0000"
                + " (character 3): remove it; a value is text, with at most tabs and line breaks",
            "lcsprs.csv:2:lcspr_ref: L\\u0000-1: contains the control character U+0000 (character"
                + " 2): remove it; a value is text, with at most tabs and line breaks",
            "yearly_reports.csv:2:req_child_family_feedback: FULL\\u0008: contains the control"
                + " character U+0008 (character 5): remove it; a value is text, with at most tabs"
                + " and line breaks");
    assertNothingStored();
  }
}
