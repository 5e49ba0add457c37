package uk.gov.observatory.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.SyntheticReviewsCsv;

/**
 * The read model's late flags depend on the working days and its numbers on the code lists, which
 * its triggers do not watch: when either changes the read model is rebuilt, and only then.
 */
@RegisterTest
class ReportReadModelLoaderTest {

  @Autowired StandardCsv csv;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  // The rebuild runs as the migrations do, as the owner (it empties the read model's tables).
  @Autowired DatabaseOwner owner;
  @Autowired Flyway flyway;

  @TempDir Path tmp;

  @AfterEach
  void restore() {
    // the calendar's working days again, and the read model rebuilt with them
    flyway.migrate();
  }

  @Test
  @DisplayName("a new bank holiday changes late notifications: the read model is rebuilt")
  void rebuiltWhenTheWorkingDaysChange() throws IOException, SQLException {
    SyntheticReviewsCsv.write(tmp, 300, 13);
    assertThat(csv.importFrom(tmp, false, ImportProgress.NONE).problems()).isEmpty();
    try (Connection c = owner.dataSource().getConnection()) {
      assertThat(ReportReadModelLoader.rebuildIfStale(c)).as("nothing changed").isFalse();
    }
    // Other working days from 2020 on: no working day from 7 January to 31 December 2020 (and
    // no bank holidays after it), numbered as the calendar module numbers them (ordinal: working
    // days up to and including the day).
    jdbc.update("delete from working_day where day >= '2020-01-01'");
    jdbc.update(
        "insert into working_day (day, working, ordinal) select d, w, b.base + count(*)"
            + " filter (where w) over (order by d) from (select d::date as d,"
            + " extract(isodow from d) < 6 and d not between '2020-01-07' and '2020-12-31' as w"
            + " from generate_series(date '2020-01-01', date '2100-12-31', interval '1 day') d) x,"
            + " (select max(ordinal) as base from working_day) b");
    long lateBefore = late();
    assertThat(lateFromSource()).isNotEqualTo(lateBefore);
    try (Connection c = owner.dataSource().getConnection()) {
      assertThat(ReportReadModelLoader.rebuildIfStale(c)).as("working days changed").isTrue();
      assertThat(ReportReadModelLoader.rebuildIfStale(c)).as("then up to date").isFalse();
    }
    assertThat(late()).isEqualTo(lateFromSource()).isNotEqualTo(lateBefore);
    // The next start (migration) fills working_day from the calendar again, and after it (its
    // callback runs after that one) the read model is rebuilt with the calendar's days.
    flyway.migrate();
    assertThat(late()).isEqualTo(lateBefore);
  }

  @Test
  @DisplayName("a code list changes (a code's group): the read model is rebuilt")
  void rebuiltWhenTheCodeListsChange() throws IOException, SQLException {
    SyntheticReviewsCsv.write(tmp, 300, 14);
    assertThat(csv.importFrom(tmp, false, ImportProgress.NONE).problems()).isEmpty();
    long maltreatment = inGroup("MALTREATMENT_FAMILY");
    long related = inGroup("RELATED");
    assertThat(maltreatment).isPositive();
    jdbc.update(
        "update code_list_entry set code_group = 'RELATED' where list = 'death_category'"
            + " and code_group = 'MALTREATMENT_FAMILY'");
    try (Connection c = owner.dataSource().getConnection()) {
      assertThat(ReportReadModelLoader.rebuildIfStale(c)).isTrue();
    }
    assertThat(inGroup("MALTREATMENT_FAMILY")).isZero();
    assertThat(inGroup("RELATED")).isEqualTo(related + maltreatment);
    // The next start loads the code lists again, and only then rebuilds the read model.
    flyway.migrate();
    assertThat(inGroup("MALTREATMENT_FAMILY")).isEqualTo(maltreatment);
    assertThat(inGroup("RELATED")).isEqualTo(related);
  }

  /** Deaths the read model holds in a group of death categories. */
  private long inGroup(String group) {
    return jdbc.queryForObject(
        "select count(*) from report_case where death_group = (select ordinal from"
            + " code_list_entry where list = 'death_category_group' and code = ?)",
        Long.class,
        group);
  }

  private long late() {
    return jdbc.queryForObject("select count(*) from report_case where late", Long.class);
  }

  private long lateFromSource() {
    return jdbc.queryForObject("select count(*) from report_case_source where late", Long.class);
  }
}
