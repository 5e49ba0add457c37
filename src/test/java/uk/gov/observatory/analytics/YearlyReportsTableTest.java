package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.SyntheticCsv;
import uk.gov.observatory.support.TestAccounts;

@RegisterTest
class YearlyReportsTableTest {

  @Autowired StandardCsv csv;
  @Autowired Reports reports;
  @Autowired Accounts accounts;
  @Autowired Viewers viewers;
  @TempDir Path tmp;

  List<String> y1(LocalDate from, LocalDate to, String la, Viewer viewer) {
    return reports
        .report(new ReportRequest(from, to, to, null, la), List.of("Y1"), viewer)
        .cells()
        .stream()
        .map(c -> c.rowCode() + "=" + c.value())
        .toList();
  }

  @Test
  @DisplayName("Y1 counts the yearly reports published in the period, counted by hand")
  void y1() throws Exception {
    SyntheticCsv.write(tmp, 10, 3);
    Files.writeString(
        tmp.resolve("yearly_reports.csv"),
        "partnership_code,published_date,req_impact,req_limited_progress,req_review_actions,"
            + "req_child_family_feedback\n"
            // one NONE: fully or partly
            + "E09000033,2020-06-30,FULL,PARTIAL,NONE,FULL\n"
            // three NONE: not evidenced
            + "E08000035,2020-09-01,NONE,NONE,NONE,PARTIAL\n"
            // outside 2020
            + "E06000058,2019-12-31,NONE,NONE,NONE,NONE\n"
            + "E08000035,2020-12-31,FULL,FULL,FULL,FULL\n");
    assertThat(csv.importFrom(tmp, false, ImportProgress.NONE).problems()).isEmpty();
    LocalDate from = LocalDate.of(2020, 1, 1);
    LocalDate to = LocalDate.of(2020, 12, 31);
    assertThat(y1(from, to, null, Viewer.system("test")))
        .containsExactly(
            "FULLY_OR_PARTLY=2",
            "NOT_EVIDENCED=1",
            "TOTAL=3",
            "IMPACT_FULL=2",
            "IMPACT_PARTIAL=0",
            "IMPACT_NONE=1",
            "LIMITED_PROGRESS_FULL=1",
            "LIMITED_PROGRESS_PARTIAL=1",
            "LIMITED_PROGRESS_NONE=1",
            "REVIEW_ACTIONS_FULL=1",
            "REVIEW_ACTIONS_PARTIAL=0",
            "REVIEW_ACTIONS_NONE=2",
            "CHILD_FAMILY_FEEDBACK_FULL=2",
            "CHILD_FAMILY_FEEDBACK_PARTIAL=1",
            "CHILD_FAMILY_FEEDBACK_NONE=0");
    assertThat(y1(from, to, "E08000035", Viewer.system("test")))
        .contains("TOTAL=2", "NOT_EVIDENCED=1");
    TestAccounts.create(accounts, "leeds.y1", Role.LA_NOTIFIER, "E08000035");
    assertThat(y1(from, to, null, viewers.of("leeds.y1"))).contains("TOTAL=2");
    assertThat(y1(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), null, Viewer.system("t")))
        .contains("TOTAL=1", "NOT_EVIDENCED=1");
  }
}
