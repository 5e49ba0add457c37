package uk.gov.observatory.analytics.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import uk.gov.observatory.analytics.Cell;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.calendar.WorkingDayTable;

/**
 * The cells of T6, T7 and T8: population R (notifications of any incident date, in the area and
 * within reach, whose rapid review due date {@code addWorkingDays(notified_date, 15)} is in the
 * period), each in the band of the working days it took (received by as_at) or has taken so far
 * (not yet received), optionally restricted to notified dates outside or inside an authorised
 * extension.
 */
final class RapidReviewTimeliness {

  static final List<String> ROWS =
      List.of("BAND_1_15", "BAND_16_25", "BAND_26_59", "BAND_60_PLUS", "TOTAL");
  static final List<String> COLUMNS =
      List.of(
          "RECEIVED",
          "NOT_YET_RECEIVED",
          "TOTAL",
          "PERCENT",
          "OUTSTANDING_MIN_WD",
          "OUTSTANDING_MAX_WD");

  /** The rapid review target: due this many working days after the notification. */
  static final int TARGET_WORKING_DAYS = 15;

  /**
   * More calendar days than 15 working days can ever span (three weeks and the longest run of bank
   * holidays), so that SQL can narrow the notified dates before the exact due date is worked out.
   */
  static final int WIDEST_SPAN_DAYS = 40;

  private static final String EXTENSION =
      "exists (select 1 from published_timeliness_policy_period p where p.authorised_extension"
          + " and n.notified_date between p.notified_from and p.notified_to)";

  private RapidReviewTimeliness() {}

  /**
   * @param insideExtension null for all of R, false for those notified outside any authorised
   *     extension, true for those notified inside one
   */
  static List<Cell> cells(String table, ReportQuery q, Boolean insideExtension) {
    LocalDate from = q.request().from();
    LocalDate to = q.request().to();
    LocalDate asAt = q.request().asAt();
    LocalDate last = asAt.isAfter(to) ? asAt : to;
    List<Group> groups = null;
    if (WorkingDayTable.covers(from.minusDays(WIDEST_SPAN_DAYS + 1), last)) {
      // T6, T7 and T8 read one pass over R.
      groups = q.shared("rapid-review-timeliness", () -> inSql(q));
    }
    if (groups == null) {
      String part =
          insideExtension == null ? "" : " and " + (insideExtension ? "" : "not ") + EXTENSION;
      return inJava(q, part).cells(table);
    }
    Tally tally = new Tally();
    for (Group g : groups) {
      if (insideExtension == null || insideExtension == g.insideExtension()) {
        tally.add(g.received(), g.elapsed(), g.count());
      }
    }
    return tally.cells(table);
  }

  /** Notifications of R notified inside an authorised extension or not, received or not, by e. */
  private record Group(boolean insideExtension, boolean received, int elapsed, long count) {}

  /**
   * Counted in SQL over the read model's {@code report_case} with the table {@code working_day}: R
   * grouped by whether it was notified inside an authorised extension, whether its review was
   * received by as_at, and the working days it took (or has taken); null when a date has no working
   * day row (then each table counts in Java).
   */
  private static List<Group> inSql(ReportQuery q) {
    // addWorkingDays(d, 15) never decreases as d does not, so the notified dates whose due date is
    // in [from, to] are one run of days, found with the calendar: the first and the last.
    WorkingDayCalendar calendar = q.calendar();
    LocalDate from = q.request().from();
    LocalDate to = q.request().to();
    LocalDate first = from.minusDays(WIDEST_SPAN_DAYS);
    while (calendar.addWorkingDays(first, TARGET_WORKING_DAYS).isBefore(from)) {
      first = first.plusDays(1);
    }
    LocalDate last = to;
    while (!last.isBefore(first)
        && calendar.addWorkingDays(last, TARGET_WORKING_DAYS).isAfter(to)) {
      last = last.minusDays(1);
    }
    MapSqlParameterSource params = new MapSqlParameterSource();
    for (String name : q.params().getParameterNames()) {
      params.addValue(name, q.params().getValue(name));
    }
    params.addValue("notified_from", Date.valueOf(first));
    params.addValue("notified_to", Date.valueOf(last));
    List<Group> groups = new ArrayList<>();
    boolean[] uncovered = {false};
    q.jdbc()
        .query(
            // grouped by notified date first, so that the extension is looked up once a day
            "select "
                + EXTENSION
                + " as inside, n.received, n.elapsed, sum(n.c) from (select n.notified_date,"
                + " coalesce(n.received_date <= :as_at, false) as received,"
                // null (not 0, as greatest would give) when either day has no row
                + " case when we.ordinal >= wn.ordinal then we.ordinal - wn.ordinal"
                + " when we.ordinal < wn.ordinal then 0 end as elapsed, count(*) as c from "
                + q.casesInArea()
                + " n left join working_day wn on wn.day = n.notified_date"
                + " left join working_day we on we.day = case when n.received_date <= :as_at"
                + " then n.received_date else cast(:as_at as date) end"
                + " where n.notified_date between :notified_from and :notified_to"
                + " group by 1, 2, 3) n group by 1, 2, 3",
            params,
            (RowCallbackHandler)
                rs -> {
                  int elapsed = rs.getInt(3);
                  if (rs.wasNull()) {
                    uncovered[0] = true;
                  } else {
                    groups.add(
                        new Group(rs.getBoolean(1), rs.getBoolean(2), elapsed, rs.getLong(4)));
                  }
                });
    return uncovered[0] ? null : groups;
  }

  /** Counted row by row with the calendar (for dates the table {@code working_day} lacks). */
  private static Tally inJava(ReportQuery q, String part) {
    List<LocalDate[]> rows =
        q.jdbc()
            .query(
                "select n.notified_date, r.received_date from "
                    + q.area()
                    + " n left join published_rapid_review r on r.notification_ref = n.notification_ref"
                    + " where n.notified_date between cast(:from as date) - "
                    + WIDEST_SPAN_DAYS
                    + " and cast(:to as date)"
                    + part,
                q.params(),
                (rs, i) ->
                    new LocalDate[] {
                      rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)
                    });
    WorkingDayCalendar calendar = q.calendar();
    LocalDate from = q.request().from();
    LocalDate to = q.request().to();
    LocalDate asAt = q.request().asAt();
    Tally tally = new Tally();
    for (LocalDate[] row : rows) {
      LocalDate notified = row[0];
      LocalDate due = calendar.addWorkingDays(notified, TARGET_WORKING_DAYS);
      if (due.isBefore(from) || due.isAfter(to)) {
        continue;
      }
      LocalDate receivedDate = row[1];
      boolean isReceived = receivedDate != null && !receivedDate.isAfter(asAt);
      int elapsed = calendar.workingDaysBetween(notified, isReceived ? receivedDate : asAt);
      tally.add(isReceived, elapsed, 1);
    }
    return tally;
  }

  /** The counts of each band (and the total), with the least and most elapsed outstanding. */
  private static final class Tally {
    final long[] received = new long[ROWS.size()];
    final long[] outstanding = new long[ROWS.size()];
    final Integer[] min = new Integer[ROWS.size()];
    final Integer[] max = new Integer[ROWS.size()];

    void add(boolean isReceived, int elapsed, long count) {
      int total = ROWS.size() - 1;
      for (int b : new int[] {band(elapsed), total}) {
        if (isReceived) {
          received[b] += count;
        } else {
          outstanding[b] += count;
          min[b] = min[b] == null ? elapsed : Math.min(min[b], elapsed);
          max[b] = max[b] == null ? elapsed : Math.max(max[b], elapsed);
        }
      }
    }

    List<Cell> cells(String table) {
      int total = ROWS.size() - 1;
      long all = received[total] + outstanding[total];
      List<Cell> cells = new ArrayList<>();
      for (int b = 0; b < ROWS.size(); b++) {
        String row = ROWS.get(b);
        cells.add(ReportQuery.count(table, row, "RECEIVED", received[b]));
        cells.add(ReportQuery.count(table, row, "NOT_YET_RECEIVED", outstanding[b]));
        cells.add(ReportQuery.count(table, row, "TOTAL", received[b] + outstanding[b]));
        cells.add(ReportQuery.percent(table, row, "PERCENT", received[b] + outstanding[b], all));
        cells.add(days(table, row, "OUTSTANDING_MIN_WD", min[b]));
        cells.add(days(table, row, "OUTSTANDING_MAX_WD", max[b]));
      }
      return cells;
    }
  }

  /** The band (row index) of a number of working days elapsed. */
  static int band(int elapsed) {
    if (elapsed <= 15) {
      return 0;
    }
    if (elapsed <= 25) {
      return 1;
    }
    if (elapsed <= 59) {
      return 2;
    }
    return 3;
  }

  private static Cell days(String table, String row, String column, Integer days) {
    return days == null
        ? ReportQuery.blank(table, row, column)
        : ReportQuery.count(table, row, column, days);
  }
}
