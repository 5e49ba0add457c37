package uk.gov.observatory.analytics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.gov.observatory.analytics.Cell;
import uk.gov.observatory.calendar.WorkingDayCalendar;

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
      "exists (select 1 from timeliness_policy_period p where p.authorised_extension"
          + " and n.notified_date between p.notified_from and p.notified_to)";

  private RapidReviewTimeliness() {}

  /**
   * @param insideExtension null for all of R, false for those notified outside any authorised
   *     extension, true for those notified inside one
   */
  static List<Cell> cells(String table, ReportQuery q, Boolean insideExtension) {
    String part =
        insideExtension == null ? "" : " and " + (insideExtension ? "" : "not ") + EXTENSION;
    List<LocalDate[]> rows =
        q.jdbc()
            .query(
                "select n.notified_date, r.received_date from "
                    + q.area()
                    + " n left join rapid_review r on r.notification_ref = n.notification_ref"
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
    long[] received = new long[ROWS.size()];
    long[] outstanding = new long[ROWS.size()];
    Integer[] min = new Integer[ROWS.size()];
    Integer[] max = new Integer[ROWS.size()];
    int total = ROWS.size() - 1;
    for (LocalDate[] row : rows) {
      LocalDate notified = row[0];
      LocalDate due = calendar.addWorkingDays(notified, TARGET_WORKING_DAYS);
      if (due.isBefore(from) || due.isAfter(to)) {
        continue;
      }
      LocalDate receivedDate = row[1];
      boolean isReceived = receivedDate != null && !receivedDate.isAfter(asAt);
      int elapsed = calendar.workingDaysBetween(notified, isReceived ? receivedDate : asAt);
      int band = band(elapsed);
      for (int b : new int[] {band, total}) {
        if (isReceived) {
          received[b]++;
        } else {
          outstanding[b]++;
          min[b] = min[b] == null ? elapsed : Math.min(min[b], elapsed);
          max[b] = max[b] == null ? elapsed : Math.max(max[b], elapsed);
        }
      }
    }
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
