package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.observatory.analytics.ReviewFiles.lines;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.support.PublishedBankHolidays;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.SyntheticReviewsCsv;

/**
 * T6, T7, T8, L1 and L2 on 1,300 synthetic notifications with their rapid reviews and LCSPRs,
 * against answers counted here in plain Java from the CSV files themselves, with this test's own
 * working-day counter (weekdays less the published England and Wales bank holidays, typed in).
 */
@RegisterTest
class SyntheticTimelinessTablesTest {

  /**
   * England and Wales bank holidays as published on GOV.UK (typed in, shared with the calendar
   * test).
   */
  static final Set<LocalDate> BANK_HOLIDAYS = PublishedBankHolidays.ENGLAND_AND_WALES;

  static boolean working(LocalDate d) {
    if (d.getYear() < 2018 || d.getYear() > 2026) {
      throw new IllegalStateException("no bank holidays typed in for " + d.getYear());
    }
    return d.getDayOfWeek() != DayOfWeek.SATURDAY
        && d.getDayOfWeek() != DayOfWeek.SUNDAY
        && !BANK_HOLIDAYS.contains(d);
  }

  /** Working days d with a < d <= b. */
  static int between(LocalDate a, LocalDate b) {
    int n = 0;
    for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1)) {
      n += working(d) ? 1 : 0;
    }
    return n;
  }

  /** The n-th working day after a. */
  static LocalDate add(LocalDate a, int n) {
    LocalDate d = a;
    for (int left = n; left > 0; ) {
      d = d.plusDays(1);
      left -= working(d) ? 1 : 0;
    }
    return d;
  }

  /** 100 * count / of, half-up to one decimal, in integer tenths; blank when of is 0. */
  static String percent(long count, long of) {
    if (of == 0) {
      return "";
    }
    long tenths = (count * 2000 + of) / (2 * of);
    return tenths / 10 + "." + tenths % 10;
  }

  @Autowired StandardCsv csv;
  @Autowired Reports reports;

  @TempDir Path tmp;

  record Notification(String ref, String la, LocalDate notified) {}

  record Lcspr(
      String status,
      List<String> refs,
      LocalDate initiated,
      LocalDate completed,
      LocalDate panelNotified,
      LocalDate published) {}

  final Map<String, Notification> notifications = new LinkedHashMap<>();
  final Map<String, LocalDate> received = new HashMap<>();
  final List<Lcspr> lcsprs = new ArrayList<>();

  static List<CSVRecord> read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(in)
          .getRecords();
    }
  }

  static LocalDate date(String s) {
    return s == null || s.isBlank() ? null : LocalDate.parse(s);
  }

  @BeforeEach
  void importSet() throws IOException {
    SyntheticReviewsCsv.write(tmp, 1300, 7);
    assertThat(csv.importFrom(tmp, false, ImportProgress.NONE).problems()).isEmpty();
    for (CSVRecord r : read(tmp.resolve("notifications.csv"))) {
      notifications.put(
          r.get("notification_ref"),
          new Notification(
              r.get("notification_ref"), r.get("la_code"), date(r.get("notified_date"))));
    }
    for (CSVRecord r : read(tmp.resolve("rapid_reviews.csv"))) {
      LocalDate d = date(r.get("received_date"));
      if (d != null) {
        received.put(r.get("notification_ref"), d);
      }
    }
    for (CSVRecord r : read(tmp.resolve("lcsprs.csv"))) {
      lcsprs.add(
          new Lcspr(
              r.get("publication_status"),
              List.of(r.get("notification_refs").split(";")),
              date(r.get("initiated_date")),
              date(r.get("completed_date")),
              date(r.get("panel_notified_of_publication_date")),
              date(r.get("publication_date"))));
    }
    assertThat(notifications).hasSize(1300);
  }

  static final List<String> BANDS =
      List.of("BAND_1_15", "BAND_16_25", "BAND_26_59", "BAND_60_PLUS", "TOTAL");

  /** T6 (inside null), T7 (false) or T8 (true), counted here. */
  List<String> expectedTimeliness(ReportRequest q, Boolean inside) {
    long[] rec = new long[5];
    long[] out = new long[5];
    Integer[] min = new Integer[5];
    Integer[] max = new Integer[5];
    LocalDate extFrom = LocalDate.of(2020, 4, 1);
    LocalDate extTo = LocalDate.of(2020, 9, 30);
    for (Notification n : notifications.values()) {
      if (q.laCode() != null && !q.laCode().equals(n.la())) {
        continue;
      }
      LocalDate due = add(n.notified(), 15);
      if (due.isBefore(q.from()) || due.isAfter(q.to())) {
        continue;
      }
      boolean ext = !n.notified().isBefore(extFrom) && !n.notified().isAfter(extTo);
      if (inside != null && inside != ext) {
        continue;
      }
      LocalDate r = received.get(n.ref());
      boolean got = r != null && !r.isAfter(q.asAt());
      int e = between(n.notified(), got ? r : q.asAt());
      int band = e <= 15 ? 0 : e <= 25 ? 1 : e <= 59 ? 2 : 3;
      for (int b : new int[] {band, 4}) {
        if (got) {
          rec[b]++;
        } else {
          out[b]++;
          min[b] = min[b] == null || e < min[b] ? e : min[b];
          max[b] = max[b] == null || e > max[b] ? e : max[b];
        }
      }
    }
    List<String> lines = new ArrayList<>();
    for (int b = 0; b < 5; b++) {
      lines.add(
          String.join(
              ",",
              BANDS.get(b),
              Long.toString(rec[b]),
              Long.toString(out[b]),
              Long.toString(rec[b] + out[b]),
              percent(rec[b] + out[b], rec[4] + out[4]),
              min[b] == null ? "" : min[b].toString(),
              max[b] == null ? "" : max[b].toString()));
    }
    return lines;
  }

  List<Lcspr> lcsprsInArea(ReportRequest q) {
    return lcsprs.stream()
        .filter(
            l ->
                q.laCode() == null
                    || l.refs().stream()
                        .allMatch(ref -> notifications.get(ref).la().equals(q.laCode())))
        .toList();
  }

  List<String> expectedL1(ReportRequest q) {
    Map<Integer, Integer> byYear = new TreeMap<>();
    for (Lcspr l : lcsprsInArea(q)) {
      if (!l.initiated().isAfter(q.asAt())) {
        byYear.merge(l.initiated().getYear(), 1, Integer::sum);
      }
    }
    int last = q.asAt().getYear();
    int first = byYear.isEmpty() ? last : byYear.keySet().iterator().next();
    List<String> lines = new ArrayList<>();
    for (int y = first; y <= last; y++) {
      lines.add("Y" + y + "," + byYear.getOrDefault(y, 0));
    }
    return lines;
  }

  List<String> expectedL2(ReportRequest q) {
    Map<String, Integer> by = new LinkedHashMap<>();
    for (String s : List.of("PUBLISHED", "INTENDS_TO_PUBLISH", "NOT_PUBLISHING", "NOT_DECIDED")) {
      by.put(s, 0);
    }
    int total = 0;
    int over = 0;
    int shortNotice = 0;
    for (Lcspr l : lcsprsInArea(q)) {
      if (l.completed() == null || l.completed().isAfter(q.asAt())) {
        continue;
      }
      by.merge(l.status(), 1, Integer::sum);
      total++;
      if (l.status().equals("PUBLISHED")) {
        over += between(l.initiated(), l.published()) > 200 ? 1 : 0;
        shortNotice +=
            l.panelNotified() == null || between(l.panelNotified(), l.published()) < 7 ? 1 : 0;
      }
    }
    List<String> lines = new ArrayList<>();
    by.forEach((s, n) -> lines.add(s + "," + n));
    lines.add("TOTAL," + total);
    lines.add("PUBLISHED_OVER_200_WD," + over);
    lines.add("PUBLISHED_SHORT_NOTICE," + shortNotice);
    return lines;
  }

  void check(ReportRequest q) {
    Report r = reports.report(q, List.of("T6", "T7", "T8", "L1", "L2"), Viewer.system("test"));
    assertThat(r.tables().keySet()).containsExactly("T6", "T7", "T8", "L1", "L2");
    assertThat(lines(r.tables().get("T6"))).as("T6").isEqualTo(expectedTimeliness(q, null));
    assertThat(lines(r.tables().get("T7"))).as("T7").isEqualTo(expectedTimeliness(q, false));
    assertThat(lines(r.tables().get("T8"))).as("T8").isEqualTo(expectedTimeliness(q, true));
    assertThat(lines(r.tables().get("L1"))).as("L1").isEqualTo(expectedL1(q));
    assertThat(lines(r.tables().get("L2"))).as("L2").isEqualTo(expectedL2(q));
    TimelinessTablesTest.assertCountsAdd(r);
  }

  @Test
  @DisplayName(
      "2020 as at 15 Dec 2020 (the extension, many not yet received): every cell as counted here")
  void year2020() {
    ReportRequest q =
        new ReportRequest(
            LocalDate.of(2020, 1, 1),
            LocalDate.of(2020, 12, 31),
            LocalDate.of(2020, 12, 15),
            null,
            null);
    // The set has what the tables are about: reviews in every band, some not yet received, both
    // sides of the extension, LCSPRs completed and published.
    List<String> t6 = expectedTimeliness(q, null);
    assertThat(t6.get(4)).doesNotStartWith("TOTAL,0,");
    assertThat(t6).allSatisfy(line -> assertThat(line).doesNotContain(",0,0,0,"));
    assertThat(expectedTimeliness(q, true).get(4)).doesNotStartWith("TOTAL,0,0,");
    assertThat(expectedL2(q).get(0)).isNotEqualTo("PUBLISHED,0");
    check(q);
  }

  @Test
  @DisplayName(
      "2022 as at 30 Jun 2023, for every area and for Westminster only: every cell as counted here")
  void year2022() {
    ReportRequest q =
        new ReportRequest(
            LocalDate.of(2022, 1, 1),
            LocalDate.of(2022, 12, 31),
            LocalDate.of(2023, 6, 30),
            null,
            null);
    assertThat(expectedL2(q).get(5)).isNotEqualTo("PUBLISHED_OVER_200_WD,0");
    assertThat(expectedL2(q).get(6)).isNotEqualTo("PUBLISHED_SHORT_NOTICE,0");
    check(q);
    check(
        new ReportRequest(
            LocalDate.of(2022, 1, 1),
            LocalDate.of(2022, 12, 31),
            LocalDate.of(2023, 6, 30),
            null,
            "E09000033"));
  }
}
