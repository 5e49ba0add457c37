package uk.gov.observatory.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.support.PublishedBankHolidays;
import uk.gov.observatory.support.RegisterTest;

/**
 * The table working_day, which reports count working days with in SQL, says what the calendar says:
 * for every day of 2018-2027, whether it is a working day, its 15th working day after, and the
 * working days between it and later days, as the SQL of WorkingDayTable computes them.
 */
@RegisterTest
class WorkingDayTableTest {

  static final LocalDate FIRST = LocalDate.of(2018, 1, 1);
  static final LocalDate LAST = LocalDate.of(2027, 12, 31);

  @Autowired JdbcTemplate jdbc;
  @Autowired WorkingDayCalendar calendar;
  @Autowired Flyway flyway;

  @Test
  @DisplayName(
      "every day of 2018-2027: working or not, and the 15th working day after, as the calendar says")
  void everyDayAsTheCalendar() {
    Map<LocalDate, Boolean> working = new HashMap<>();
    Map<LocalDate, LocalDate> due = new HashMap<>();
    jdbc.query(
        "select d.day, d.working, w.day from working_day d"
            + " join working_day w on w.working and w.ordinal = d.ordinal + 15"
            + " where d.day between ? and ?",
        rs -> {
          LocalDate day = rs.getObject(1, LocalDate.class);
          working.put(day, rs.getBoolean(2));
          due.put(day, rs.getObject(3, LocalDate.class));
        },
        FIRST,
        LAST);
    int days = 0;
    for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
      days++;
      assertThat(working.get(d)).as("working day %s", d).isEqualTo(calendar.isWorkingDay(d));
      // and as GOV.UK publishes them, independently of the calendar
      assertThat(working.get(d))
          .as("working day %s (published)", d)
          .isEqualTo(
              d.getDayOfWeek() != DayOfWeek.SATURDAY
                  && d.getDayOfWeek() != DayOfWeek.SUNDAY
                  && !PublishedBankHolidays.ENGLAND_AND_WALES.contains(d));
      assertThat(due.get(d))
          .as("addWorkingDays(%s, 15)", d)
          .isEqualTo(calendar.addWorkingDays(d, 15));
    }
    assertThat(working).hasSize(days);
  }

  @Test
  @DisplayName(
      "every day of 2018-2027: working days to each of the next 400 days, as the calendar says")
  void workingDaysBetweenAsTheCalendar() {
    for (int span : List.of(0, 1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60, 90, 200, 280, 400)) {
      Map<LocalDate, Integer> between = new HashMap<>();
      jdbc.query(
          "select a.day, greatest(b.ordinal - a.ordinal, 0) from working_day a"
              + " join working_day b on b.day = a.day + ? where a.day between ? and ?",
          rs -> {
            between.put(rs.getObject(1, LocalDate.class), rs.getInt(2));
          },
          span,
          FIRST,
          LAST);
      for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
        assertThat(between.get(d))
            .as("workingDaysBetween(%s, +%d days)", d, span)
            .isEqualTo(calendar.workingDaysBetween(d, d.plusDays(span)));
      }
    }
    // and backwards: 0, as the calendar says
    assertThat(
            jdbc.queryForObject(
                "select greatest(b.ordinal - a.ordinal, 0) from working_day a, working_day b"
                    + " where a.day = date '2021-06-30' and b.day = date '2021-06-01'",
                Integer.class))
        .isZero()
        .isEqualTo(
            calendar.workingDaysBetween(LocalDate.of(2021, 6, 30), LocalDate.of(2021, 6, 1)));
  }

  @Test
  @DisplayName(
      "the table covers WorkingDayTable's days, and is filled again when it differs from the calendar")
  void refilledWhenItDiffers() {
    assertThat(jdbc.queryForObject("select min(day) from working_day", LocalDate.class))
        .isEqualTo(WorkingDayTable.FIRST);
    assertThat(jdbc.queryForObject("select max(day) from working_day", LocalDate.class))
        .isEqualTo(WorkingDayTable.LAST);
    jdbc.update("update working_day set working = false where day = date '2022-06-01'");
    jdbc.update("delete from working_day where day = date '2099-01-05'");
    flyway.migrate();
    assertThat(
            jdbc.queryForObject(
                "select working from working_day where day = date '2022-06-01'", Boolean.class))
        .isTrue();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from working_day where day = date '2099-01-05'", Integer.class))
        .isOne();
  }
}
