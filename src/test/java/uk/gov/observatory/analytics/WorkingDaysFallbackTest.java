package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.SyntheticReviewsCsv;

/**
 * The tables that count working days (H, T6-T8, L2) count them in SQL with the table working_day;
 * where it lacks a day they count with the calendar instead, and both give the same report.
 */
@RegisterTest
class WorkingDaysFallbackTest {

  @Autowired StandardCsv csv;
  @Autowired Reports reports;
  @Autowired JdbcTemplate jdbc;
  @Autowired DatabaseOwner owner;
  @Autowired Flyway flyway;

  @TempDir Path tmp;

  @AfterEach
  void refill() {
    flyway.migrate();
  }

  @Test
  @DisplayName(
      "without some days in working_day, H, T6-T8 and L2 are counted with the calendar, the same")
  void sameWithTheCalendar() throws IOException {
    SyntheticReviewsCsv.write(tmp, 600, 7);
    assertThat(csv.importFrom(tmp, false, ImportProgress.NONE).problems()).isEmpty();
    List<String> ids = List.of("H", "T6", "T7", "T8", "L2");
    Viewer viewer = Viewer.system("test");
    for (int year = 2019; year <= 2023; year++) {
      ReportRequest request =
          new ReportRequest(
              LocalDate.of(year, 1, 1),
              LocalDate.of(year, 12, 31),
              LocalDate.of(2025, 3, 31),
              null,
              null);
      Report inSql = reports.report(request, ids, viewer);
      // every day of the data's years gone: no table can count in SQL
      jdbc.update("delete from working_day where day between '2019-01-01' and '2025-12-31'");
      // the read model made again without them (as at a start after working days change): it
      // cannot tell which notifications were late
      owner.jdbc().execute("select report_read_model_rebuild()");
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from report_case where late is null and incident_date"
                      + " between ? and ?",
                  Long.class,
                  java.sql.Date.valueOf(request.from()),
                  java.sql.Date.valueOf(request.to())))
          .isPositive();
      Report byCalendar = reports.report(request, ids, viewer);
      flyway.migrate();
      owner.jdbc().execute("select report_read_model_rebuild()");
      for (String id : ids) {
        assertThat(byCalendar.tables().get(id))
            .as("%s %d", id, year)
            .containsExactlyElementsOf(inSql.tables().get(id));
      }
      assertThat(inSql.tables().get("T6"))
          .anyMatch(c -> !c.value().equals("0") && !c.value().isEmpty());
    }
  }
}
