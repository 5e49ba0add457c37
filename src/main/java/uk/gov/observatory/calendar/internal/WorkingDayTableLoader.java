package uk.gov.observatory.calendar.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.calendar.WorkingDayTable;
import uk.gov.observatory.database.AfterEveryMigration;

/**
 * After every Flyway migration, makes the table {@code working_day} say what {@link
 * WorkingDayCalendar} says for every day of {@link WorkingDayTable}: left alone when its days and
 * its weekday holidays are the calendar's, otherwise filled again (in the migration's transaction).
 */
@Component
class WorkingDayTableLoader extends AfterEveryMigration {

  private final WorkingDayCalendar calendar;

  WorkingDayTableLoader(WorkingDayCalendar calendar) {
    super("working-days", "fill the working days");
    this.calendar = calendar;
  }

  @Override
  protected void run(Connection c) throws SQLException {
    List<Date> days = new ArrayList<>();
    List<Boolean> working = new ArrayList<>();
    List<Integer> ordinals = new ArrayList<>();
    List<Date> weekdayHolidays = new ArrayList<>();
    int ordinal = 0;
    for (LocalDate d = WorkingDayTable.FIRST; !d.isAfter(WorkingDayTable.LAST); d = d.plusDays(1)) {
      boolean w = calendar.isWorkingDay(d);
      if (w) {
        ordinal++;
      } else if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        weekdayHolidays.add(Date.valueOf(d));
      }
      days.add(Date.valueOf(d));
      working.add(w);
      ordinals.add(ordinal);
    }
    if (upToDate(c, days, weekdayHolidays)) {
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute("delete from working_day");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into working_day (day, working, ordinal)"
                + " select * from unnest(?::date[], ?::boolean[], ?::int[])")) {
      ps.setArray(1, c.createArrayOf("date", days.toArray()));
      ps.setArray(2, c.createArrayOf("boolean", working.toArray()));
      ps.setArray(3, c.createArrayOf("integer", ordinals.toArray()));
      ps.executeUpdate();
    }
  }

  /** The same days, first to last, and the same weekdays that are not working days. */
  private static boolean upToDate(Connection c, List<Date> days, List<Date> weekdayHolidays)
      throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*), min(day), max(day), max(ordinal),"
                    + " array_agg(day order by day) filter (where not working"
                    + " and extract(isodow from day) < 6) from working_day")) {
      rs.next();
      if (rs.getLong(1) != days.size()
          || !days.get(0).equals(rs.getDate(2))
          || !days.get(days.size() - 1).equals(rs.getDate(3))) {
        return false;
      }
      Array held = rs.getArray(5);
      Object[] heldDays = held == null ? new Object[0] : (Object[]) held.getArray();
      if (heldDays.length != weekdayHolidays.size()) {
        return false;
      }
      for (int i = 0; i < heldDays.length; i++) {
        if (!weekdayHolidays.get(i).equals(heldDays[i])) {
          return false;
        }
      }
      return rs.getInt(4) == days.size() - (weekendDays(days) + weekdayHolidays.size());
    }
  }

  private static int weekendDays(List<Date> days) {
    int n = 0;
    for (Date d : days) {
      DayOfWeek w = d.toLocalDate().getDayOfWeek();
      if (w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY) {
        n++;
      }
    }
    return n;
  }
}
