package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.support.RegisterTest;

/**
 * D1, D2, D3 and TH1 over nine notifications and their rapid reviews, imported from CSV, every cell
 * worked out by hand.
 *
 * <ul>
 *   <li>N1 death, overt filicide (maltreatment in the family): received 2020-02-10, LCSPR, the
 *       Panel agrees, themes CHILD_DAILY_LIFE and CRITICAL_THINKING;
 *   <li>N2 death, extra-familial homicide: received 2020-06-15, NO_LCSPR, the Panel disagrees,
 *       theme CHILD_DAILY_LIFE, an alternative methodology;
 *   <li>N3 death, related accident: received 2020-06-15, LCSPR, no view, no theme;
 *   <li>N4 death, SUDI: LCSPR received 2021-07-15, after as_at (so undecided then);
 *   <li>N5 death, not clear: no rapid review;
 *   <li>N6 serious harm: received 2020-10-01, NO_LCSPR, agree, three themes;
 *   <li>N7 serious harm: a draft deciding LCSPR (not received, so undecided);
 *   <li>N8 other: received 2020-10-01, UNDECIDED, theme CHANGING_RISK, an alternative methodology;
 *   <li>N9 death in 2021 (outside 2020): received, LCSPR, agree, every theme.
 * </ul>
 */
@RegisterTest
class DecisionTablesTest {

  static final LocalDate FROM = LocalDate.of(2020, 1, 1);
  static final LocalDate TO = LocalDate.of(2020, 12, 31);

  @Autowired StandardCsv csv;
  @Autowired Reports reports;

  @TempDir Path dir;

  static String notification(String ref, String type, String death, String incident) {
    LocalDate i = LocalDate.parse(incident);
    return String.join(
        ",",
        ref,
        i.plusDays(2).toString(),
        "E09000033",
        incident,
        incident,
        type,
        death,
        death.isEmpty() ? "NONFATAL_NEGLECT" : "",
        "",
        "",
        "",
        "NONE",
        "NONE",
        "AT_HOME",
        "");
  }

  @BeforeEach
  void importSet() throws IOException {
    List<String> n = new ArrayList<>();
    n.add(
        "notification_ref,notified_date,la_code,incident_date,aware_date,notification_type,"
            + "death_category,harm_category,imd_decile,case_characteristics,"
            + "domestic_abuse_pattern,csc_involvement,court_order,living_arrangement,covid_factors");
    n.add(notification("T-1", "DEATH", "OVERT_FILICIDE", "2020-02-01"));
    n.add(notification("T-2", "DEATH", "EXTRA_FAMILIAL_HOMICIDE", "2020-06-01"));
    n.add(notification("T-3", "DEATH", "RELATED_ACCIDENT", "2020-06-01"));
    n.add(notification("T-4", "DEATH", "SUDI", "2020-06-01"));
    n.add(notification("T-5", "DEATH", "NOT_CLEAR", "2020-12-31"));
    n.add(notification("T-6", "SERIOUS_HARM", "", "2020-09-01"));
    n.add(notification("T-7", "SERIOUS_HARM", "", "2020-09-01"));
    n.add(notification("T-8", "OTHER", "", "2020-01-01"));
    n.add(notification("T-9", "DEATH", "OVERT_FILICIDE", "2021-01-04"));
    List<String> c = new ArrayList<>();
    c.add("notification_ref,child_seq,gender,age_years,ethnicity,child_name,date_of_birth");
    for (int i = 1; i <= 9; i++) {
      c.add("T-" + i + ",1,FEMALE,5,,,");
    }
    List<String> r = new ArrayList<>();
    r.add(
        "notification_ref,received_date,decision,no_lcspr_reason,alternative_methodology,"
            + "panel_view,practice_themes");
    r.add("T-1,2020-02-10,LCSPR,,N,AGREE,CHILD_DAILY_LIFE;CRITICAL_THINKING");
    r.add("T-2,2020-06-15,NO_LCSPR,,Y,DISAGREE,CHILD_DAILY_LIFE");
    r.add("T-3,2020-06-15,LCSPR,,N,,");
    r.add("T-4,2021-07-15,LCSPR,,N,AGREE,CHILD_DAILY_LIFE");
    r.add(
        "T-6,2020-10-01,NO_LCSPR,,N,AGREE,INFORMATION_SHARING;LEADERSHIP_CULTURE;CHILD_DAILY_LIFE");
    r.add("T-7,,LCSPR,,Y,,CHANGING_RISK");
    r.add("T-8,2020-10-01,UNDECIDED,,Y,,CHANGING_RISK");
    r.add(
        "T-9,2021-01-20,LCSPR,,Y,AGREE,CHILD_DAILY_LIFE;RELUCTANT_ENGAGEMENT;CRITICAL_THINKING;"
            + "CHANGING_RISK;INFORMATION_SHARING;LEADERSHIP_CULTURE");
    Files.write(dir.resolve("notifications.csv"), n, StandardCharsets.UTF_8);
    Files.write(dir.resolve("children.csv"), c, StandardCharsets.UTF_8);
    Files.write(dir.resolve("rapid_reviews.csv"), r, StandardCharsets.UTF_8);
    StandardCsv.Imported imported = csv.importFrom(dir, false, ImportProgress.NONE);
    assertThat(imported.problems()).isEmpty();
    assertThat(imported.rapidReviews()).isEqualTo(8);
  }

  Report report(LocalDate from, LocalDate to, LocalDate asAt) {
    return reports.report(
        new ReportRequest(from, to, asAt, null, null),
        List.of("D1", "D2", "D3", "TH1"),
        Viewer.system("test"));
  }

  static List<Cell> cells(String table, List<String> columns, String... rows) {
    return CaseTablesTest.expected(table, columns, rows);
  }

  static final List<String> COUNT_PERCENT = List.of("COUNT", "PERCENT");
  static final List<String> D2_COLUMNS = List.of("LCSPR_COUNT", "TOTAL_COUNT", "LCSPR_PERCENT");

  @Test
  @DisplayName("2020 as at 30 June 2021: every received review of N counted")
  void asAtMid2021() {
    Report r = report(FROM, TO, LocalDate.of(2021, 6, 30));
    assertThat(r.tables().get("D1"))
        .containsExactlyElementsOf(
            cells(
                "D1",
                COUNT_PERCENT,
                "LCSPR:2,25.0",
                "NO_LCSPR:2,25.0",
                "UNDECIDED:4,50.0",
                "TOTAL:8,100.0"));
    assertThat(r.tables().get("D2"))
        .containsExactlyElementsOf(
            cells(
                "D2",
                D2_COLUMNS,
                "DEATH_MALTREATMENT_OR_EXTRA_FAMILIAL:1,2,50.0",
                "DEATH_RELATED:1,1,100.0",
                "DEATH_OTHER:0,2,0.0",
                "NON_FATAL:0,3,0.0"));
    List<Cell> d3 =
        new ArrayList<>(
            cells("D3", COUNT_PERCENT, "AGREE:2,66.7", "DISAGREE:1,33.3", "TOTAL:3,100.0"));
    d3.add(new Cell("D3", "ALTERNATIVE_METHODOLOGY", "COUNT", "2"));
    assertThat(r.tables().get("D3")).containsExactlyElementsOf(d3);
    assertThat(r.tables().get("TH1"))
        .containsExactlyElementsOf(
            cells(
                "TH1",
                COUNT_PERCENT,
                "CHILD_DAILY_LIFE:3,75.0",
                "RELUCTANT_ENGAGEMENT:0,0.0",
                "CRITICAL_THINKING:1,25.0",
                "CHANGING_RISK:1,25.0",
                "INFORMATION_SHARING:1,25.0",
                "LEADERSHIP_CULTURE:1,25.0",
                "CODED_REVIEWS:4,"));
  }

  @Test
  @DisplayName("2020 as at 10 February 2020, the day N1's review was received: only it counts")
  void asAtTheDayOfTheFirstReceipt() {
    Report r = report(FROM, TO, LocalDate.of(2020, 2, 10));
    assertThat(r.tables().get("D1"))
        .containsExactlyElementsOf(
            cells(
                "D1",
                COUNT_PERCENT,
                "LCSPR:1,12.5",
                "NO_LCSPR:0,0.0",
                "UNDECIDED:7,87.5",
                "TOTAL:8,100.0"));
    assertThat(r.tables().get("D2"))
        .containsExactlyElementsOf(
            cells(
                "D2",
                D2_COLUMNS,
                "DEATH_MALTREATMENT_OR_EXTRA_FAMILIAL:1,2,50.0",
                "DEATH_RELATED:0,1,0.0",
                "DEATH_OTHER:0,2,0.0",
                "NON_FATAL:0,3,0.0"));
    List<Cell> d3 =
        new ArrayList<>(
            cells("D3", COUNT_PERCENT, "AGREE:1,100.0", "DISAGREE:0,0.0", "TOTAL:1,100.0"));
    d3.add(new Cell("D3", "ALTERNATIVE_METHODOLOGY", "COUNT", "0"));
    assertThat(r.tables().get("D3")).containsExactlyElementsOf(d3);
    assertThat(r.tables().get("TH1"))
        .containsExactlyElementsOf(
            cells(
                "TH1",
                COUNT_PERCENT,
                "CHILD_DAILY_LIFE:1,100.0",
                "RELUCTANT_ENGAGEMENT:0,0.0",
                "CRITICAL_THINKING:1,100.0",
                "CHANGING_RISK:0,0.0",
                "INFORMATION_SHARING:0,0.0",
                "LEADERSHIP_CULTURE:0,0.0",
                "CODED_REVIEWS:1,"));
  }

  @Test
  @DisplayName("a period with no notification: zeros and blank percents in D1, D2, D3 and TH1")
  void emptyPeriod() {
    Report r =
        report(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), LocalDate.of(2024, 1, 1));
    assertThat(r.tables().get("D1"))
        .containsExactlyElementsOf(
            cells("D1", COUNT_PERCENT, "LCSPR:0,", "NO_LCSPR:0,", "UNDECIDED:0,", "TOTAL:0,"));
    assertThat(r.tables().get("D2"))
        .containsExactlyElementsOf(
            cells(
                "D2",
                D2_COLUMNS,
                "DEATH_MALTREATMENT_OR_EXTRA_FAMILIAL:0,0,",
                "DEATH_RELATED:0,0,",
                "DEATH_OTHER:0,0,",
                "NON_FATAL:0,0,"));
    List<Cell> d3 =
        new ArrayList<>(cells("D3", COUNT_PERCENT, "AGREE:0,", "DISAGREE:0,", "TOTAL:0,"));
    d3.add(new Cell("D3", "ALTERNATIVE_METHODOLOGY", "COUNT", "0"));
    assertThat(r.tables().get("D3")).containsExactlyElementsOf(d3);
    assertThat(r.tables().get("TH1"))
        .containsExactlyElementsOf(
            cells(
                "TH1",
                COUNT_PERCENT,
                "CHILD_DAILY_LIFE:0,",
                "RELUCTANT_ENGAGEMENT:0,",
                "CRITICAL_THINKING:0,",
                "CHANGING_RISK:0,",
                "INFORMATION_SHARING:0,",
                "LEADERSHIP_CULTURE:0,",
                "CODED_REVIEWS:0,"));
  }
}
