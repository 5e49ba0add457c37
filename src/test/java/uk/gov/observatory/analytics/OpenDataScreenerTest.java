package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.cli.DemoData;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.support.CodesInText;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.TestClock;
import uk.gov.observatory.synthetic.SyntheticData;

/**
 * The open data of 2020 on the demonstration's data passes the screener's rules ({@link
 * OpenDataScreener}, written from DfE's screener, not from {@link OpenData}), and each kind of
 * fault planted in it fails them: a missing meta row, a blank cell, a duplicate row, a bad
 * code/name pair, a bad symbol, a name not in snake_case, a "Total" or "All" in a filter that is
 * not its default.
 */
@RegisterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataScreenerTest {

  @Autowired StandardCsv csv;
  @Autowired ReferenceData reference;
  @Autowired WorkingDayCalendar calendar;
  @Autowired OpenData openData;

  String data;
  String meta;
  String london;
  String leeds;

  /** The demonstration's years, generated and imported as {@code serve --demo} does. */
  @BeforeAll
  void demonstration(@TempDir Path dir) throws Exception {
    new SyntheticData(reference, calendar)
        .generate(
            DemoData.YEARS,
            1.0,
            DemoData.SEED,
            true,
            LocalDate.ofInstant(TestClock.NOW, java.time.ZoneOffset.UTC),
            dir,
            SyntheticData.Progress.NONE);
    assertThat(csv.importFrom(dir, false, ImportProgress.NONE).problems()).isEmpty();
    OpenData.Publication publication =
        openData.publication(
            new ReportRequest(
                LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 12, 31),
                LocalDate.of(2021, 3, 31),
                null,
                null),
            Viewer.system("test"));
    StringWriter d = new StringWriter();
    OpenData.data(publication, d);
    data = d.toString();
    StringWriter m = new StringWriter();
    OpenData.meta(m);
    meta = m.toString();
    StringWriter l = new StringWriter();
    OpenData.data(
        openData.publication(
            new ReportRequest(
                LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 12, 31),
                LocalDate.of(2021, 3, 31),
                "E12000007",
                null),
            Viewer.system("test")),
        l);
    london = l.toString();
    StringWriter la = new StringWriter();
    OpenData.data(
        openData.publication(
            new ReportRequest(
                LocalDate.of(2020, 4, 1),
                LocalDate.of(2021, 3, 31),
                LocalDate.of(2021, 6, 30),
                null,
                DemoData.LA),
            Viewer.system("test")),
        la);
    leeds = la.toString();
  }

  /** The data file's lines, header first. */
  List<String> lines() {
    return new ArrayList<>(Arrays.asList(data.split("\r\n")));
  }

  /** The index of the first data line (not quoted anywhere) that contains {@code text}. */
  int lineWith(String text) {
    List<String> lines = lines();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).contains(text) && !lines.get(i).contains("\"")) {
        return i;
      }
    }
    throw new AssertionError("no line with " + text);
  }

  /** The data with cell {@code column} of line {@code i} set to {@code value}. */
  String withCell(int i, int column, String value) {
    List<String> lines = lines();
    String[] cells = lines.get(i).split(",", -1);
    cells[column] = value;
    lines.set(i, String.join(",", cells));
    return join(lines);
  }

  static String join(List<String> lines) {
    return String.join("\r\n", lines) + "\r\n";
  }

  @Test
  @DisplayName(
      "2020's open data (England and its nine regions) passes every rule, in DfE's shape and in"
          + " words")
  void passes() {
    assertThat(OpenDataScreener.screen(data, meta)).isEmpty();
    List<String> lines = lines();
    assertThat(lines.get(0))
        .isEqualTo(
            "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
                + "region_name,breakdown_topic,breakdown,nature_of_notification,"
                + "number_notifications,percent_notifications");
    // National and nine regions, each with the same breakdowns; real counts, not all zero.
    assertThat(lines)
        .anyMatch(l -> l.startsWith("2020,Calendar year,National,E92000001,England,,,"));
    assertThat(lines)
        .filteredOn(l -> l.contains(",Regional,"))
        .extracting(l -> l.split(",")[5])
        .containsOnly(
            "E12000001",
            "E12000002",
            "E12000003",
            "E12000004",
            "E12000005",
            "E12000006",
            "E12000007",
            "E12000008",
            "E12000009");
    String nationalTotal =
        lines.stream()
            .filter(
                l ->
                    l.startsWith(
                        "2020,Calendar year,National,E92000001,England,,,Total,Total,Total,"))
            .findFirst()
            .orElseThrow();
    assertThat(Integer.parseInt(nationalTotal.split(",")[10])).isGreaterThan(300);
    assertThat(lines)
        .anyMatch(l -> l.contains(",Category of death,Sudden Unexpected Death in Infancy (SUDI),"))
        .anyMatch(l -> l.contains(",Case characteristics,Domestic abuse,Child death,"))
        .anyMatch(
            l -> l.contains(",Rapid review decision,Local child safeguarding practice review,"));
    // Labels, never codes; nothing points at the specification.
    for (String file : List.of(data, meta)) {
      assertThat(CodesInText.in(file)).isEmpty();
      assertThat(file).doesNotContain("REPORT-SPEC").doesNotContain("table_id");
    }
  }

  @Test
  @DisplayName(
      "a region's calendar year and a local authority's financial year pass every rule too, the"
          + " authority with its codes and name")
  void regionAndLocalAuthorityPass() {
    assertThat(OpenDataScreener.screen(london, meta)).isEmpty();
    assertThat(london.split("\r\n")).hasSizeGreaterThan(100);
    assertThat(OpenDataScreener.screen(leeds, meta)).isEmpty();
    assertThat(leeds)
        .contains(
            "202021,Financial year,Local authority,E92000001,England,E12000003,"
                + "Yorkshire and The Humber,E08000035,383,Leeds,Total,Total,Total,");
    // An authority under another's name is a bad code/name pair.
    assertThat(OpenDataScreener.screen(leeds.replace(",383,Leeds,", ",383,Bradford,"), meta))
        .anyMatch(p -> p.startsWith("code/name pair:") && p.contains("Bradford"));
  }

  @Test
  @DisplayName("a missing meta row fails: the data's column is not in the metadata")
  void missingMetaRow() {
    String cut =
        join(
            Arrays.stream(meta.split("\r\n"))
                .filter(l -> !l.startsWith("nature_of_notification,"))
                .toList());
    assertThat(OpenDataScreener.screen(data, cut))
        .anyMatch(p -> p.startsWith("data to meta:") && p.contains("nature_of_notification"));
    // and a meta row with no column behind it fails the other way
    String extra = meta + "number_children,Indicator,Number of children,,,0,,\r\n";
    assertThat(OpenDataScreener.screen(data, extra))
        .anyMatch(p -> p.startsWith("meta to data:") && p.contains("number_children"));
  }

  @Test
  @DisplayName("a blank cell fails, in an indicator or in a filter")
  void blankCell() {
    int i = lineWith(",Case characteristics,Domestic abuse,Child death,");
    assertThat(OpenDataScreener.screen(withCell(i, 11, ""), meta))
        .anyMatch(p -> p.startsWith("blank:") && p.contains("percent_notifications"));
    assertThat(OpenDataScreener.screen(withCell(i, 9, ""), meta))
        .anyMatch(p -> p.startsWith("blank:") && p.contains("nature_of_notification"));
    assertThat(OpenDataScreener.screen(withCell(i, 1, ""), meta))
        .anyMatch(p -> p.startsWith("blank:") && p.contains("time_identifier"));
  }

  @Test
  @DisplayName("a duplicate row fails")
  void duplicateRow() {
    List<String> lines = lines();
    lines.add(lines.get(3));
    assertThat(OpenDataScreener.screen(join(lines), meta))
        .anyMatch(p -> p.startsWith("duplicate row:"));
  }

  @Test
  @DisplayName("a bad code/name pair fails: a region under another's name, or a made-up country")
  void badCodeNamePair() {
    String swapped = data.replace("E12000007,London", "E12000007,South East");
    assertThat(OpenDataScreener.screen(swapped, meta))
        .anyMatch(p -> p.startsWith("code/name pair:") && p.contains("E12000007"));
    String country = data.replaceFirst("E92000001,England", "E92000001,Englande");
    assertThat(OpenDataScreener.screen(country, meta))
        .anyMatch(p -> p.startsWith("code/name pair:") && p.contains("Englande"));
  }

  @Test
  @DisplayName("a symbol other than c, x, z and low fails (the legacy ':' and NULL too)")
  void badSymbol() {
    int i = lineWith(",Case characteristics,Domestic abuse,Child death,");
    assertThat(OpenDataScreener.screen(withCell(i, 10, ":"), meta))
        .anyMatch(p -> p.startsWith("symbol:") && p.contains("number_notifications"));
    assertThat(OpenDataScreener.screen(withCell(i, 11, "u"), meta))
        .anyMatch(p -> p.startsWith("symbol:") && p.contains("percent_notifications"));
    assertThat(OpenDataScreener.screen(withCell(i, 10, "NULL"), meta))
        .anyMatch(p -> p.startsWith("null:"));
  }

  @Test
  @DisplayName("a column name not in snake_case fails")
  void notSnakeCase() {
    String renamed = data.replaceFirst("number_notifications", "NumberNotifications");
    String renamedMeta = meta.replaceFirst("number_notifications", "NumberNotifications");
    assertThat(OpenDataScreener.screen(renamed, renamedMeta))
        .anyMatch(p -> p.startsWith("snake_case:") && p.contains("NumberNotifications"));
  }

  @Test
  @DisplayName(
      "a 'Total' or 'All' in a filter fails unless it is that filter's default; a filter without"
          + " its default fails")
  void totalInAFilter() {
    int i = lineWith(",Case characteristics,Domestic abuse,Child death,");
    assertThat(OpenDataScreener.screen(withCell(i, 8, "All"), meta))
        .anyMatch(p -> p.startsWith("total in filter:") && p.contains("'All' in breakdown"));
    assertThat(OpenDataScreener.screen(withCell(i, 7, "total"), meta))
        .anyMatch(p -> p.startsWith("total in filter:") && p.contains("breakdown_topic"));
    // With a default other than Total, Total is an ordinary value the filter may not have.
    List<String> metaLines = new ArrayList<>();
    for (String l : meta.split("\r\n")) {
      metaLines.add(
          l.startsWith("col_name,")
              ? l + ",filter_default"
              : l.startsWith("nature_of_notification,") ? l + ",Child death" : l + ",");
    }
    assertThat(OpenDataScreener.screen(data, join(metaLines)))
        .anyMatch(p -> p.startsWith("total in filter:") && p.contains("nature_of_notification"));
    // A filter without its default value.
    List<String> stripped = new ArrayList<>();
    for (String l : lines()) {
      stripped.add(l.replaceAll(",Total,([^,]*,[^,]*)$", ",Any,$1"));
    }
    assertThat(OpenDataScreener.screen(join(stripped), meta))
        .anyMatch(p -> p.startsWith("filter default:") && p.contains("nature_of_notification"));
  }
}
