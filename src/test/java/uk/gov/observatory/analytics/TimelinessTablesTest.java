package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.observatory.analytics.ReviewFiles.LEEDS;
import static uk.gov.observatory.analytics.ReviewFiles.WESTMINSTER;
import static uk.gov.observatory.analytics.ReviewFiles.lines;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
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
 * T6, T7 and T8 on a hand-made set, every cell worked out by hand.
 *
 * <p>Bank holidays used in the counting: 2020: 1 Jan, 10 and 13 Apr, 8 May (moved for VE day), 25
 * May, 31 Aug, 25 Dec, 28 Dec (the substitute for Boxing Day, a Saturday); 2021: 1 Jan, 2 and 5
 * Apr, 3 May, 31 May. The authorised extension: notified 2020-04-01 to 2020-09-30.
 *
 * <p>Working days after Mon 7 Dec 2020: 8-11 Dec (1-4), 14-18 (5-9), 21-24 (10-13), 29 Dec (14), 30
 * Dec (15: the due date), 31 Dec (16), 4-8 Jan 2021 (17-21), 11-15 Jan (22-26), 18-22 Jan (27-31),
 * 25-29 Jan (32-36), 1-5 Feb (37-41), 8-12 Feb (42-46), 15-19 Feb (47-51), 22-26 Feb (52-56), 1 Mar
 * (57), 2 Mar (58), 3 Mar (59), 4 Mar (60).
 *
 * <p>The report: due dates 2020-09-01 to 2021-01-29, as at Thu 2021-03-04, Westminster.
 *
 * <ul>
 *   <li>N01 notified Fri 2020-08-07: due Fri 28 Aug, before the period: not in R.
 *   <li>N02 notified Mon 2020-08-10 (incident in 2019): due Tue 1 Sep (31 Aug a holiday), the first
 *       day of the period; received Thu 20 Aug: 8 working days, BAND_1_15, extension.
 *   <li>N03 notified Wed 2020-09-30, the extension's last day: due Wed 21 Oct; received 21 Oct: 15,
 *       BAND_1_15, extension.
 *   <li>N04 notified Thu 2020-10-01, the day after the extension: due Thu 22 Oct; received Fri 23
 *       Oct: 16, BAND_16_25, outside.
 *   <li>N05-N12 notified Mon 2020-12-07 (due 30 Dec), outside: received 30 Dec (15, BAND_1_15), 31
 *       Dec (16, BAND_16_25), 14 Jan (25, BAND_16_25), 15 Jan (26, BAND_26_59), 3 Mar (59,
 *       BAND_26_59), 4 Mar, the as-at date (60, BAND_60_PLUS); received 5 Mar, after as at, so not
 *       yet received at 60 (BAND_60_PLUS); no rapid review at all, 60 (BAND_60_PLUS).
 *   <li>N13 notified Fri 2021-01-08: due Fri 29 Jan, the last day of the period; a draft rapid
 *       review only: not yet received, 39 working days by 4 Mar (BAND_26_59).
 *   <li>N14 notified Wed 2021-01-06: due Wed 27 Jan; none: 41 (BAND_26_59).
 *   <li>N15 notified Mon 2021-01-11: due Mon 1 Feb, after the period: not in R.
 *   <li>N16 notified Tue 2020-09-01, extension: due Tue 22 Sep; none: not yet received at 129
 *       working days (21 in Sep after the 1st, 22 in Oct, 21 in Nov, 21 in Dec, 20 in Jan, 20 in
 *       Feb, 4 in Mar) (BAND_60_PLUS).
 *   <li>N17 notified Tue 2020-09-01, extension: received Thu 1 Oct: 22 (BAND_16_25).
 *   <li>N18 is in Leeds: notified Mon 2020-12-07, received 30 Dec (15, BAND_1_15), outside.
 * </ul>
 */
@RegisterTest
class TimelinessTablesTest {

  static final LocalDate FROM = LocalDate.of(2020, 9, 1);
  static final LocalDate TO = LocalDate.of(2021, 1, 29);
  static final LocalDate AS_AT = LocalDate.of(2021, 3, 4);

  @Autowired StandardCsv csv;
  @Autowired Reports reports;

  @TempDir Path tmp;

  @BeforeEach
  void seed() throws IOException {
    ReviewFiles f = new ReviewFiles();
    f.notification("N01", WESTMINSTER, "2020-08-07").review("N01", "2020-08-20", "NO_LCSPR");
    f.notification("N02", WESTMINSTER, "2019-06-01", "2020-08-10")
        .review("N02", "2020-08-20", "NO_LCSPR");
    f.notification("N03", WESTMINSTER, "2020-09-30").review("N03", "2020-10-21", "NO_LCSPR");
    f.notification("N04", WESTMINSTER, "2020-10-01").review("N04", "2020-10-23", "LCSPR");
    String[] received = {
      "2020-12-30",
      "2020-12-31",
      "2021-01-14",
      "2021-01-15",
      "2021-03-03",
      "2021-03-04",
      "2021-03-05"
    };
    for (int i = 0; i < received.length; i++) {
      String ref = String.format("N%02d", 5 + i);
      f.notification(ref, WESTMINSTER, "2020-12-07").review(ref, received[i], "NO_LCSPR");
    }
    f.notification("N12", WESTMINSTER, "2020-12-07");
    f.notification("N13", WESTMINSTER, "2021-01-08").review("N13", "", "UNDECIDED");
    f.notification("N14", WESTMINSTER, "2021-01-06");
    f.notification("N15", WESTMINSTER, "2021-01-11").review("N15", "2021-01-20", "NO_LCSPR");
    f.notification("N16", WESTMINSTER, "2020-09-01");
    f.notification("N17", WESTMINSTER, "2020-09-01").review("N17", "2020-10-01", "NO_LCSPR");
    f.notification("N18", LEEDS, "2020-12-07").review("N18", "2020-12-30", "NO_LCSPR");
    f.write(tmp);
    assertThat(csv.importFrom(tmp, false, ImportProgress.NONE).problems()).isEmpty();
  }

  Report report(LocalDate from, LocalDate to, LocalDate asAt, String la) {
    return reports.report(
        new ReportRequest(from, to, asAt, null, la),
        List.of("T6", "T7", "T8"),
        Viewer.system("test"));
  }

  static final List<String> COLUMNS =
      List.of(
          "RECEIVED",
          "NOT_YET_RECEIVED",
          "TOTAL",
          "PERCENT",
          "OUTSTANDING_MIN_WD",
          "OUTSTANDING_MAX_WD");

  @Test
  @DisplayName(
      "T6, T7 and T8 in Westminster: bands at their edges, Christmas 2020 and the extension's"
          + " edges, not yet received as at, outstanding working days; T7 + T8 = T6")
  void byHand() {
    Report r = report(FROM, TO, AS_AT, WESTMINSTER);
    assertThat(r.tables()).containsOnlyKeys("T6", "T7", "T8");
    for (String t : List.of("T6", "T7", "T8")) {
      assertThat(ReviewFiles.columns(r.tables().get(t))).as(t).isEqualTo(COLUMNS);
      assertThat(r.tables().get(t)).allSatisfy(c -> assertThat(c.tableId()).isEqualTo(t));
    }
    assertThat(lines(r.tables().get("T6")))
        .containsExactly(
            "BAND_1_15,3,0,3,20.0,,",
            "BAND_16_25,4,0,4,26.7,,",
            "BAND_26_59,2,2,4,26.7,39,41",
            "BAND_60_PLUS,1,3,4,26.7,60,129",
            "TOTAL,10,5,15,100.0,39,129");
    assertThat(lines(r.tables().get("T7")))
        .containsExactly(
            "BAND_1_15,1,0,1,9.1,,",
            "BAND_16_25,3,0,3,27.3,,",
            "BAND_26_59,2,2,4,36.4,39,41",
            "BAND_60_PLUS,1,2,3,27.3,60,60",
            "TOTAL,7,4,11,100.0,39,60");
    assertThat(lines(r.tables().get("T8")))
        .containsExactly(
            "BAND_1_15,2,0,2,50.0,,",
            "BAND_16_25,1,0,1,25.0,,",
            "BAND_26_59,0,0,0,0.0,,",
            "BAND_60_PLUS,0,1,1,25.0,129,129",
            "TOTAL,3,1,4,100.0,129,129");
    assertCountsAdd(r);
  }

  /** T7 + T8 = T6 in every count column. */
  static void assertCountsAdd(Report r) {
    List<Cell> t6 = r.tables().get("T6");
    List<Cell> t7 = r.tables().get("T7");
    List<Cell> t8 = r.tables().get("T8");
    assertThat(t7).hasSameSizeAs(t6);
    assertThat(t8).hasSameSizeAs(t6);
    for (int i = 0; i < t6.size(); i++) {
      Cell c = t6.get(i);
      assertThat(t7.get(i).rowCode() + t7.get(i).columnCode())
          .isEqualTo(c.rowCode() + c.columnCode());
      assertThat(t8.get(i).rowCode() + t8.get(i).columnCode())
          .isEqualTo(c.rowCode() + c.columnCode());
      if (List.of("RECEIVED", "NOT_YET_RECEIVED", "TOTAL").contains(c.columnCode())) {
        assertThat(Long.parseLong(t7.get(i).value()) + Long.parseLong(t8.get(i).value()))
            .as("%s %s", c.rowCode(), c.columnCode())
            .isEqualTo(Long.parseLong(c.value()));
      }
    }
  }

  @Test
  @DisplayName("without an area, Leeds's N18 adds to BAND_1_15; Leeds alone has only N18")
  void areas() {
    Report all = report(FROM, TO, AS_AT, null);
    assertThat(lines(all.tables().get("T6")))
        .containsExactly(
            "BAND_1_15,4,0,4,25.0,,",
            "BAND_16_25,4,0,4,25.0,,",
            "BAND_26_59,2,2,4,25.0,39,41",
            "BAND_60_PLUS,1,3,4,25.0,60,129",
            "TOTAL,11,5,16,100.0,39,129");
    assertCountsAdd(all);
    Report leeds = report(FROM, TO, AS_AT, LEEDS);
    assertThat(lines(leeds.tables().get("T6")))
        .containsExactly(
            "BAND_1_15,1,0,1,100.0,,",
            "BAND_16_25,0,0,0,0.0,,",
            "BAND_26_59,0,0,0,0.0,,",
            "BAND_60_PLUS,0,0,0,0.0,,",
            "TOTAL,1,0,1,100.0,,");
    assertThat(lines(leeds.tables().get("T7")))
        .isEqualTo(lines(leeds.tables().get("T6")).stream().toList());
    assertThat(lines(leeds.tables().get("T8")))
        .containsExactly(
            "BAND_1_15,0,0,0,,,",
            "BAND_16_25,0,0,0,,,",
            "BAND_26_59,0,0,0,,,",
            "BAND_60_PLUS,0,0,0,,,",
            "TOTAL,0,0,0,,,");
  }

  @Test
  @DisplayName(
      "as at an earlier date the same population is read again: the 30 Dec 2020 due date in a"
          + " one-day period, as at 4 Jan 2021")
  void earlierAsAt() {
    // Due 30 Dec 2020: N05-N12 (7 Dec). As at Mon 4 Jan 2021 (17 working days after 7 Dec):
    // N05 received 30 Dec (15), N06 31 Dec (16); the rest not yet received at 17 (BAND_16_25).
    Report r =
        report(
            LocalDate.of(2020, 12, 30),
            LocalDate.of(2020, 12, 30),
            LocalDate.of(2021, 1, 4),
            WESTMINSTER);
    assertThat(lines(r.tables().get("T6")))
        .containsExactly(
            "BAND_1_15,1,0,1,12.5,,",
            "BAND_16_25,1,6,7,87.5,17,17",
            "BAND_26_59,0,0,0,0.0,,",
            "BAND_60_PLUS,0,0,0,0.0,,",
            "TOTAL,2,6,8,100.0,17,17");
    assertCountsAdd(r);
  }
}
