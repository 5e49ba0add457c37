package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.SyntheticReviewsCsv;

/**
 * The report's read model (migration V11: report_case, report_child) is brought into step with the
 * register before every report (V29): after an import, and after each kind of change to a
 * notification, a child or a rapid review, it holds exactly what its source views compute from the
 * register, and the report counts the change (rebuilds on a change of code lists or working days:
 * ReportReadModelLoaderTest).
 */
@RegisterTest
class ReportReadModelTest {

  @Autowired StandardCsv csv;
  @Autowired Reports reports;
  @Autowired JdbcTemplate jdbc;

  @TempDir Path tmp;

  private static final Viewer VIEWER = Viewer.system("test");

  @Test
  @DisplayName("after an import and after every kind of change, the read model is its source")
  void inStepWithTheRegister() throws IOException {
    SyntheticReviewsCsv.write(tmp, 300, 11);
    assertThat(csv.importFrom(tmp, false, ImportProgress.NONE).problems()).isEmpty();
    reports.catchUp();
    assertThat(count("report_case")).isEqualTo(count("notification")).isPositive();
    assertThat(count("report_child")).isEqualTo(count("child")).isPositive();
    assertInStep("after the import");

    // A notification without domestic abuse gains it: T4 counts one more, of its type.
    Map<String, Object> n =
        jdbc.queryForMap(
            "select id, notification_ref, incident_date, notification_type from notification"
                + " where not ('DOMESTIC_ABUSE' = any(case_characteristics)) order by id limit 1");
    ReportRequest year = yearOf((java.sql.Date) n.get("incident_date"));
    String column = n.get("notification_type") + "_COUNT";
    long before = cell(year, "T4", "DOMESTIC_ABUSE", column);
    jdbc.update(
        "update notification set case_characteristics = case_characteristics"
            + " || '{DOMESTIC_ABUSE}'::text[] where id = ?",
        n.get("id"));
    assertInStep("after a case characteristic was added");
    assertThat(cell(year, "T4", "DOMESTIC_ABUSE", column)).isEqualTo(before + 1);

    // Its rapid review decides on an LCSPR, received before the as-at date: D1 counts it.
    long lcsprs = cell(year, "D1", "LCSPR", "COUNT");
    boolean wasLcspr =
        jdbc.queryForObject(
                "select count(*) from rapid_review where notification_ref = ? and decision = 'LCSPR'"
                    + " and received_date <= ?",
                Long.class,
                n.get("notification_ref"),
                java.sql.Date.valueOf(year.asAt()))
            > 0;
    jdbc.update("delete from rapid_review where notification_ref = ?", n.get("notification_ref"));
    assertInStep("after a rapid review was deleted");
    assertThat(cell(year, "D1", "LCSPR", "COUNT")).isEqualTo(lcsprs - (wasLcspr ? 1 : 0));
    jdbc.update(
        "insert into rapid_review (notification_ref, status, version, received_date, decision,"
            + " created_at, updated_at, updated_by) select notification_ref, 'SUBMITTED', 1,"
            + " notified_date + 10, 'LCSPR', now(), now(), 'test' from notification where id = ?",
        n.get("id"));
    assertInStep("after a rapid review was recorded");
    assertThat(cell(year, "D1", "LCSPR", "COUNT")).isEqualTo(lcsprs - (wasLcspr ? 1 : 0) + 1);
    jdbc.update(
        "update rapid_review set decision = 'NO_LCSPR' where notification_ref = ?",
        n.get("notification_ref"));
    assertInStep("after a rapid review's decision changed");
    assertThat(cell(year, "D1", "LCSPR", "COUNT")).isEqualTo(lcsprs - (wasLcspr ? 1 : 0));

    // A child is added, changed and removed: H's children follow.
    long children = cell(year, "H", "CHILDREN", "COUNT");
    jdbc.update(
        "insert into child (notification_id, child_seq, gender, age_years, ethnicity)"
            + " select ?, max(child_seq) + 1, 'FEMALE', 3, null from child where notification_id = ?",
        n.get("id"),
        n.get("id"));
    assertInStep("after a child was added");
    assertThat(cell(year, "H", "CHILDREN", "COUNT")).isEqualTo(children + 1);
    jdbc.update(
        "update child set age_years = 16 where notification_id = ? and child_seq = 1", n.get("id"));
    assertInStep("after a child's age changed");
    jdbc.update(
        "delete from child where notification_id = ? and child_seq ="
            + " (select max(child_seq) from child where notification_id = ?)",
        n.get("id"),
        n.get("id"));
    assertInStep("after a child was removed");
    assertThat(cell(year, "H", "CHILDREN", "COUNT")).isEqualTo(children);

    // The notification moves to another year, then is deleted.
    long notifications = cell(year, "H", "NOTIFICATIONS", "COUNT");
    jdbc.update(
        "update notification set incident_date = incident_date - 400,"
            + " aware_date = incident_date - 400, notified_date = incident_date - 399 where id = ?",
        n.get("id"));
    assertInStep("after an incident date changed");
    assertThat(cell(year, "H", "NOTIFICATIONS", "COUNT")).isEqualTo(notifications - 1);
    jdbc.update("delete from notification where id = ?", n.get("id"));
    assertInStep("after a notification was deleted");
    assertThat(count("report_case")).isEqualTo(count("notification"));

    // The same files imported again, replacing what they hold (the deleted notification too).
    SyntheticReviewsCsv.write(tmp, 300, 11);
    assertThat(csv.importFrom(tmp, true, ImportProgress.NONE).problems()).isEmpty();
    assertInStep("after an import replaced the register");
  }

  /** In step once caught up with the committed changes (V29), as before every report. */
  private void assertInStep(String when) {
    reports.catchUp();
    assertThat(outOfStep("report_case")).as("report_case " + when).isZero();
    assertThat(outOfStep("report_child")).as("report_child " + when).isZero();
  }

  /** Rows in the read model and not in its source, or in the source and not in the model. */
  private long outOfStep(String table) {
    String source = table + "_source";
    return jdbc.queryForObject(
        "select (select count(*) from (select * from "
            + table
            + " except all select * from "
            + source
            + ") a) + (select count(*) from (select * from "
            + source
            + " except all select * from "
            + table
            + ") b)",
        Long.class);
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private static ReportRequest yearOf(java.sql.Date incident) {
    int y = incident.toLocalDate().getYear();
    return new ReportRequest(
        LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), LocalDate.of(2030, 1, 1), null, null);
  }

  private long cell(ReportRequest request, String table, String row, String column) {
    List<Cell> cells = reports.report(request, List.of(table), VIEWER).tables().get(table);
    return cells.stream()
        .filter(c -> c.rowCode().equals(row) && c.columnCode().equals(column))
        .mapToLong(c -> Long.parseLong(c.value()))
        .findFirst()
        .orElseThrow();
  }
}
