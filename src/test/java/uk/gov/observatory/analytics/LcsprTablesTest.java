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
 * L1 and L2 on a hand-made set, every cell worked out by hand.
 *
 * <p>Bank holidays used: 2019: 1 Jan, 19 and 22 Apr, 6 and 27 May, 26 Aug, 25 and 26 Dec; 2020: 1
 * Jan, 10 and 13 Apr, 8 May, 25 May, 31 Aug, 25 Dec, 28 Dec (substitute for Boxing Day).
 *
 * <p>Working days after Mon 1 Apr 2019, month by month: Apr 19 (22 weekdays less 19 and 22 Apr,
 * less the 1st), May 21 (40), Jun 20 (60), Jul 23 (83), Aug 21 (104), Sep 21 (125), Oct 23 (148),
 * Nov 21 (169), Dec 20 (189), then 2 and 3 Jan 2020 (191), 6-10 Jan (196), 13 (197), 14 (198), 15
 * (199), 16 Jan (200), 17 Jan (201). After Wed 1 May 2019: 192 by Mon 3 Feb 2020. After Mon 1 Jun
 * 2020: 149 by 30 Dec 2020.
 *
 * <p>Notifications (Westminster unless said): M1, M2, M3 (Leeds), M5, M6, M7, M9, M10, M11, M13
 * notified 2019-03-01 with an LCSPR rapid review received 2019-03-20; M8 notified 2021-06-01,
 * received 2021-06-20; M12 notified 2018-10-01, received 2018-10-20. The LCSPRs:
 *
 * <ul>
 *   <li>L-A (M1): initiated 2019-04-01, completed 2020-01-06, Panel told Tue 7 Jan 2020, published
 *       Thu 16 Jan: 200 working days (not over 200), notice 8, 9, 10, 13, 14, 15, 16 Jan = 7 (not
 *       short).
 *   <li>L-B (M2): initiated 2019-04-01, completed 2020-01-06, told Thu 9 Jan, published Fri 17 Jan:
 *       201 (over), notice 10, 13-17 Jan = 6 (short).
 *   <li>L-C (M1 and M2): initiated 2019-05-01, completed 2019-12-02, published 2020-02-03 with no
 *       notice recorded (short), 192 (not over).
 *   <li>L-D (M5): initiated 2020-01-02, completed 2020-12-01, told Thu 17 Dec 2020, published Tue
 *       29 Dec: 18, 21, 22, 23, 24, 29 Dec = 6 (short, because 28 Dec is a holiday), over 200.
 *   <li>L-E (M6): initiated 2020-06-01, completed 2020-12-01, told 17 Dec, published Wed 30 Dec: 7
 *       (not short), 149 (not over).
 *   <li>L-F (M3, Leeds): initiated 2019-04-01, completed 2020-03-02, INTENDS_TO_PUBLISH.
 *   <li>L-G (M3 Leeds and M7): initiated 2019-06-03, not completed, NOT_DECIDED.
 *   <li>L-H (M7): initiated 2021-02-01, completed 2021-03-01, NOT_PUBLISHING.
 *   <li>L-I (M8): initiated 2021-07-15, NOT_DECIDED.
 *   <li>L-J (M9): initiated 2020-03-02, completed 2021-07-01, INTENDS_TO_PUBLISH.
 *   <li>L-K (M10): initiated 2020-02-03, completed 2020-06-01, told 2020-06-05, NOT_DECIDED.
 *   <li>L-L (M11): initiated 2020-02-03, completed 2020-06-01, NOT_PUBLISHING.
 *   <li>L-M (M12): initiated 2018-11-01, NOT_DECIDED.
 *   <li>L-N (M13): initiated 2020-02-03, completed 2020-09-01, INTENDS_TO_PUBLISH.
 * </ul>
 */
@RegisterTest
class LcsprTablesTest {

  @Autowired StandardCsv csv;
  @Autowired Reports reports;

  @TempDir Path tmp;

  @BeforeEach
  void seed() throws IOException {
    ReviewFiles f = new ReviewFiles();
    for (String m : List.of("M1", "M2", "M3", "M5", "M6", "M7", "M9", "M10", "M11", "M13")) {
      f.notification(m, m.equals("M3") ? LEEDS : WESTMINSTER, "2019-03-01")
          .review(m, "2019-03-20", "LCSPR");
    }
    f.notification("M8", WESTMINSTER, "2021-06-01").review("M8", "2021-06-20", "LCSPR");
    f.notification("M12", WESTMINSTER, "2018-10-01").review("M12", "2018-10-20", "LCSPR");
    f.lcspr("L-A", "M1", "2019-04-01", "2020-01-06", "2020-01-07", "2020-01-16", "PUBLISHED")
        .lcspr("L-B", "M2", "2019-04-01", "2020-01-06", "2020-01-09", "2020-01-17", "PUBLISHED")
        .lcspr("L-C", "M1;M2", "2019-05-01", "2019-12-02", "", "2020-02-03", "PUBLISHED")
        .lcspr("L-D", "M5", "2020-01-02", "2020-12-01", "2020-12-17", "2020-12-29", "PUBLISHED")
        .lcspr("L-E", "M6", "2020-06-01", "2020-12-01", "2020-12-17", "2020-12-30", "PUBLISHED")
        .lcspr("L-F", "M3", "2019-04-01", "2020-03-02", "", "", "INTENDS_TO_PUBLISH")
        .lcspr("L-G", "M3;M7", "2019-06-03", "", "", "", "NOT_DECIDED")
        .lcspr("L-H", "M7", "2021-02-01", "2021-03-01", "", "", "NOT_PUBLISHING")
        .lcspr("L-I", "M8", "2021-07-15", "", "", "", "NOT_DECIDED")
        .lcspr("L-J", "M9", "2020-03-02", "2021-07-01", "", "", "INTENDS_TO_PUBLISH")
        .lcspr("L-K", "M10", "2020-02-03", "2020-06-01", "2020-06-05", "", "NOT_DECIDED")
        .lcspr("L-L", "M11", "2020-02-03", "2020-06-01", "", "", "NOT_PUBLISHING")
        .lcspr("L-M", "M12", "2018-11-01", "", "", "", "NOT_DECIDED")
        .lcspr("L-N", "M13", "2020-02-03", "2020-09-01", "", "", "INTENDS_TO_PUBLISH");
    f.write(tmp);
    assertThat(csv.importFrom(tmp, false, ImportProgress.NONE).problems()).isEmpty();
  }

  Report report(LocalDate asAt, String la) {
    return report(LocalDate.of(2020, 1, 1), asAt, la);
  }

  /** L1 and L2 for a period from {@code from} to the end of 2020 (it does not change them). */
  Report report(LocalDate from, LocalDate asAt, String la) {
    return reports.report(
        new ReportRequest(from, LocalDate.of(2020, 12, 31), asAt, null, la),
        List.of("L1", "L2"),
        Viewer.system("test"));
  }

  static final LocalDate AS_AT = LocalDate.of(2021, 6, 30);

  @Test
  @DisplayName(
      "Westminster as at 2021-06-30: L1 from 2018 (the earliest initiation) to 2021, L-I initiated"
          + " after as at; L2 by status, over 200 working days at 200/201, short notice at 6/7"
          + " (28 Dec 2020 a holiday) or none; LCSPRs covering a Leeds notification left out")
  void westminster() {
    Report r = report(AS_AT, WESTMINSTER);
    assertThat(r.tables().get("L1")).allSatisfy(c -> assertThat(c.columnCode()).isEqualTo("COUNT"));
    // 2018: L-M; 2019: L-A, L-B, L-C; 2020: L-D, L-E, L-J, L-K, L-L, L-N; 2021: L-H.
    assertThat(lines(r.tables().get("L1")))
        .containsExactly("Y2018,1", "Y2019,3", "Y2020,6", "Y2021,1");
    assertThat(r.tables().get("L2")).allSatisfy(c -> assertThat(c.columnCode()).isEqualTo("COUNT"));
    // Completed by as at: L-A..L-E published, L-N intends, L-H and L-L not publishing, L-K not
    // decided; L-J completed after as at.
    assertThat(lines(r.tables().get("L2")))
        .containsExactly(
            "PUBLISHED,5",
            "INTENDS_TO_PUBLISH,1",
            "NOT_PUBLISHING,2",
            "NOT_DECIDED,1",
            "TOTAL,9",
            "PUBLISHED_OVER_200_WD,2",
            "PUBLISHED_SHORT_NOTICE,3");
  }

  @Autowired uk.gov.observatory.review.Lcsprs lcsprs;

  @Test
  @DisplayName(
      "an LCSPR withdrawn (started by mistake) leaves the counts: L-K withdrawn, Westminster's"
          + " L1 2020 goes from 6 to 5 and L2's not decided from 1 to 0, its total from 9 to 8")
  void aWithdrawnLcsprIsNotCounted() {
    Viewer secretariat = Viewer.system("secretariat");
    int version = lcsprs.find("L-K", secretariat).orElseThrow().version();
    assertThat(lcsprs.withdraw("L-K", "Started twice by mistake", version, secretariat))
        .isPresent();
    Report r = report(AS_AT, WESTMINSTER);
    // 2020 was L-D, L-E, L-J, L-K, L-L, L-N: without L-K, five.
    assertThat(lines(r.tables().get("L1")))
        .containsExactly("Y2018,1", "Y2019,3", "Y2020,5", "Y2021,1");
    // L-K was the one completed, not decided: completed by as at L-A..L-E, L-N, L-H, L-L.
    assertThat(lines(r.tables().get("L2")))
        .containsExactly(
            "PUBLISHED,5",
            "INTENDS_TO_PUBLISH,1",
            "NOT_PUBLISHING,2",
            "NOT_DECIDED,0",
            "TOTAL,8",
            "PUBLISHED_OVER_200_WD,2",
            "PUBLISHED_SHORT_NOTICE,3");
    // kept, with its reason
    var kept = lcsprs.find("L-K", secretariat).orElseThrow();
    assertThat(kept.status()).isEqualTo(uk.gov.observatory.review.LcsprStatus.WITHDRAWN);
    assertThat(lcsprs.withdrawal(kept).orElseThrow().reason())
        .isEqualTo("Started twice by mistake");
  }

  @Test
  @DisplayName("every area: L-F and L-G (Leeds) count; Leeds alone: only L-F, L-G covers M7 too")
  void areas() {
    Report all = report(AS_AT, null);
    assertThat(lines(all.tables().get("L1")))
        .containsExactly("Y2018,1", "Y2019,5", "Y2020,6", "Y2021,1");
    assertThat(lines(all.tables().get("L2")))
        .containsExactly(
            "PUBLISHED,5",
            "INTENDS_TO_PUBLISH,2",
            "NOT_PUBLISHING,2",
            "NOT_DECIDED,1",
            "TOTAL,10",
            "PUBLISHED_OVER_200_WD,2",
            "PUBLISHED_SHORT_NOTICE,3");
    Report leeds = report(AS_AT, LEEDS);
    assertThat(lines(leeds.tables().get("L1"))).containsExactly("Y2019,1", "Y2020,0", "Y2021,0");
    assertThat(lines(leeds.tables().get("L2")))
        .containsExactly(
            "PUBLISHED,0",
            "INTENDS_TO_PUBLISH,1",
            "NOT_PUBLISHING,0",
            "NOT_DECIDED,0",
            "TOTAL,1",
            "PUBLISHED_OVER_200_WD,0",
            "PUBLISHED_SHORT_NOTICE,0");
  }

  @Test
  @DisplayName(
      "as at 2020-01-16: L1 to 2020 (L-D initiated 2 Jan); L2 the three completed by then, each"
          + " under its status as recorded")
  void earlierAsAt() {
    Report r = report(LocalDate.of(2020, 1, 16), WESTMINSTER);
    assertThat(lines(r.tables().get("L1"))).containsExactly("Y2018,1", "Y2019,3", "Y2020,1");
    assertThat(lines(r.tables().get("L2")))
        .containsExactly(
            "PUBLISHED,3",
            "INTENDS_TO_PUBLISH,0",
            "NOT_PUBLISHING,0",
            "NOT_DECIDED,0",
            "TOTAL,3",
            "PUBLISHED_OVER_200_WD,1",
            "PUBLISHED_SHORT_NOTICE,2");
  }

  @Test
  @DisplayName("no LCSPR in the area by as at: L1 has the year of as at only, L2 zeros")
  void empty() throws IOException {
    // Leeds as at a date before any LCSPR there was initiated.
    Report r = report(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 3, 1), LEEDS);
    assertThat(lines(r.tables().get("L1"))).containsExactly("Y2019,0");
    assertThat(lines(r.tables().get("L2")))
        .containsExactly(
            "PUBLISHED,0",
            "INTENDS_TO_PUBLISH,0",
            "NOT_PUBLISHING,0",
            "NOT_DECIDED,0",
            "TOTAL,0",
            "PUBLISHED_OVER_200_WD,0",
            "PUBLISHED_SHORT_NOTICE,0");
  }
}
