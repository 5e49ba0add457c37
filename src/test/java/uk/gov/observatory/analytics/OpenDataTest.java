package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;

/** The report in DfE's open data layout (EES): a data CSV and its .meta.csv, for publication. */
@RegisterTest
class OpenDataTest {

  static final LocalDate AS_AT = LocalDate.of(2021, 3, 31);
  static final String LONDON = "E12000007";
  static final String YORKSHIRE = "E12000003";

  @Autowired NotificationRegister register;
  @Autowired Reports reports;
  @Autowired OpenData openData;

  @BeforeEach
  void seed() {
    // 2020: three deaths in Westminster (London), one serious harm in Leeds (Yorkshire and The
    // Humber); one more death in Leeds in 2021, outside the calendar year.
    register.notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2020, 2, 3), 1, 1));
    register.notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2020, 6, 1), 7, 2));
    register.notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2020, 11, 20), 2, 1));
    register.notify(Submissions.of("E08000035", "SERIOUS_HARM", LocalDate.of(2020, 6, 1), 8, 1));
    register.notify(Submissions.of("E08000035", "DEATH", LocalDate.of(2021, 1, 10), 1, 1));
  }

  ReportRequest year2020(String region, String la) {
    return new ReportRequest(
        LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), AS_AT, region, la);
  }

  static List<CSVRecord> parse(String csv) throws Exception {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(csv))
        .getRecords();
  }

  static String header(String csv) {
    return csv.substring(0, csv.indexOf("\r\n"));
  }

  String data(OpenData.Publication p) throws Exception {
    StringWriter w = new StringWriter();
    OpenData.data(p, w);
    return w.toString();
  }

  /** A row's filters and indicators: "topic|breakdown|nature|number|percent". */
  static String cell(CSVRecord r) {
    return r.get("breakdown_topic")
        + "|"
        + r.get("breakdown")
        + "|"
        + r.get("nature_of_notification")
        + "|"
        + r.get("number_notifications")
        + "|"
        + r.get("percent_notifications");
  }

  @Test
  @DisplayName(
      "the data file's header is time, geography, filters, indicators as DfE's release has them;"
          + " National rows are the suppressed report's notification tables in words, and hand"
          + " counts hold")
  void nationalRowsAreTheSuppressedReportInWords() throws Exception {
    String csv = data(openData.publication(year2020(null, null), Viewer.system("test")));
    assertThat(header(csv))
        .isEqualTo(
            "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
                + "region_name,breakdown_topic,breakdown,nature_of_notification,"
                + "number_notifications,percent_notifications");
    List<CSVRecord> rows = parse(csv);
    assertThat(rows).allMatch(r -> r.get("time_period").equals("2020"));
    assertThat(rows).allMatch(r -> r.get("time_identifier").equals("Calendar year"));
    assertThat(rows).allMatch(r -> r.get("country_code").equals("E92000001"));
    assertThat(rows).allMatch(r -> r.get("country_name").equals("England"));

    List<String> national = new ArrayList<>();
    for (CSVRecord r : rows) {
      if (r.get("geographic_level").equals("National")) {
        assertThat(r.get("region_code")).isEmpty();
        assertThat(r.get("region_name")).isEmpty();
        national.add(cell(r));
      }
    }
    // The same lines from the report, disclosure-controlled: nothing else slips in.
    Report controlled =
        DisclosureControl.apply(reports.report(year2020(null, null), Viewer.system("test")));
    assertThat(national)
        .containsExactlyElementsOf(
            OpenData.lines(controlled).stream()
                .map(
                    l ->
                        l.topic()
                            + "|"
                            + l.breakdown()
                            + "|"
                            + l.nature()
                            + "|"
                            + l.number()
                            + "|"
                            + l.percent())
                .toList());
    assertThat(national).hasSizeGreaterThan(100);

    // Counted by hand: 4 notifications, 3 deaths, 1 serious harm (c), 0 other; the category of
    // death's total is the deaths; the headline has no percentages (z, not applicable).
    assertThat(national)
        .startsWith(
            "Total|Total|Total|4|z",
            "Total|Total|Child death|3|z",
            "Total|Total|Serious harm|c|z",
            "Total|Total|Other|0|z")
        .anyMatch(l -> l.startsWith("Category of death|Total|Child death|3|"))
        .anyMatch(l -> l.startsWith("Case characteristics|Domestic abuse|Child death|"))
        .anyMatch(l -> l.startsWith("Rapid review decision|Total|Child death: "))
        .anyMatch(l -> l.startsWith("Timeliness of notification|Notified more than 5 working"));
    // Tables that count children, rapid reviews, LCSPRs or authorities are not notifications.
    assertThat(national)
        .noneMatch(l -> l.contains("White British"))
        .noneMatch(l -> l.contains("working days or fewer"));
    assertThat(csv).doesNotContain("REPORT-SPEC");
    assertThat(uk.gov.observatory.support.CodesInText.in(csv)).isEmpty();
  }

  @Test
  @DisplayName(
      "an England report adds Regional rows for each of the nine regions, counted by hand;"
          + " no published count is 1 or 2, no cell is blank")
  void regionalRowsAndNoSmallCounts() throws Exception {
    List<CSVRecord> rows =
        parse(data(openData.publication(year2020(null, null), Viewer.system("test"))));
    Map<String, String> notificationsByRegion =
        rows.stream()
            .filter(r -> r.get("geographic_level").equals("Regional"))
            .filter(r -> cell(r).startsWith("Total|Total|Total|"))
            .collect(
                Collectors.toMap(r -> r.get("region_code"), r -> r.get("number_notifications")));
    assertThat(notificationsByRegion).hasSize(9);
    // England's 4 is published; Yorkshire's 1 is c, so London's 3 is c too, or England less
    // London would give Yorkshire away.
    assertThat(notificationsByRegion).containsEntry(LONDON, "c").containsEntry(YORKSHIRE, "c");
    notificationsByRegion.entrySet().stream()
        .filter(e -> !e.getKey().equals(LONDON) && !e.getKey().equals(YORKSHIRE))
        .forEach(e -> assertThat(e.getValue()).as(e.getKey()).isEqualTo("0"));
    assertThat(rows)
        .filteredOn(r -> r.get("region_code").equals(LONDON))
        .allMatch(r -> r.get("region_name").equals("London"))
        .isNotEmpty();
    // Every geography has the same rows, in the same order.
    long national = rows.stream().filter(r -> r.get("geographic_level").equals("National")).count();
    assertThat(rows).hasSize((int) national * 10);

    assertThat(rows)
        .noneMatch(
            r ->
                r.get("number_notifications").equals("1")
                    || r.get("number_notifications").equals("2"));
    assertThat(rows)
        .allMatch(
            r ->
                !r.get("number_notifications").isEmpty()
                    && !r.get("percent_notifications").isEmpty());
  }

  @Test
  @DisplayName(
      "a region gives its Regional rows only; a local authority gives Local authority rows with"
          + " its region and old code, the LA columns only then; a financial year is 202021")
  void regionAndLocalAuthority() throws Exception {
    String londonCsv = data(openData.publication(year2020(LONDON, null), Viewer.system("test")));
    assertThat(header(londonCsv)).doesNotContain("la_code").doesNotContain("la_name");
    List<CSVRecord> region = parse(londonCsv);
    assertThat(region).isNotEmpty().allMatch(r -> r.get("geographic_level").equals("Regional"));
    assertThat(region).allMatch(r -> r.get("region_code").equals(LONDON));
    assertThat(region).anyMatch(r -> cell(r).equals("Total|Total|Child death|3|z"));

    String leedsCsv =
        data(
            openData.publication(
                new ReportRequest(
                    LocalDate.of(2020, 4, 1), LocalDate.of(2021, 3, 31), AS_AT, null, "E08000035"),
                Viewer.system("test")));
    assertThat(header(leedsCsv))
        .isEqualTo(
            "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
                + "region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,"
                + "nature_of_notification,number_notifications,percent_notifications");
    List<CSVRecord> leeds = parse(leedsCsv);
    assertThat(leeds).isNotEmpty();
    for (CSVRecord r : leeds) {
      assertThat(r.get("time_period")).isEqualTo("202021");
      assertThat(r.get("time_identifier")).isEqualTo("Financial year");
      assertThat(r.get("geographic_level")).isEqualTo("Local authority");
      assertThat(r.get("region_code")).isEqualTo(YORKSHIRE);
      assertThat(r.get("region_name")).isEqualTo("Yorkshire and The Humber");
      assertThat(r.get("new_la_code")).isEqualTo("E08000035");
      assertThat(r.get("old_la_code")).isEqualTo("383");
      assertThat(r.get("la_name")).isEqualTo("Leeds");
    }
    // Leeds, April 2020 to March 2021: the serious harm and the 2021 death, two: suppressed.
    assertThat(leeds).anyMatch(r -> cell(r).equals("Total|Total|Total|c|z"));
  }

  @Test
  @DisplayName(
      "meta.csv describes every filter and indicator column exactly once, in words, and nothing"
          + " else")
  void meta() throws Exception {
    StringWriter w = new StringWriter();
    OpenData.meta(w);
    assertThat(header(w.toString()))
        .isEqualTo(
            "col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,"
                + "filter_grouping_column");
    List<CSVRecord> meta = parse(w.toString());
    List<String> described = meta.stream().map(r -> r.get("col_name")).toList();
    List<String> nonGeographic =
        OpenData.COLUMNS.stream()
            .filter(c -> !c.equals("time_period") && !c.equals("time_identifier"))
            .filter(c -> !OpenData.GEOGRAPHY_COLUMNS.contains(c))
            .toList();
    assertThat(described).containsExactlyElementsOf(nonGeographic);
    assertThat(nonGeographic)
        .containsExactly(
            "breakdown_topic",
            "breakdown",
            "nature_of_notification",
            "number_notifications",
            "percent_notifications");
    assertThat(meta)
        .allMatch(r -> r.get("col_type").equals("Filter") || r.get("col_type").equals("Indicator"))
        .allMatch(r -> !r.get("label").isEmpty());
    assertThat(meta)
        .filteredOn(r -> r.get("col_type").equals("Indicator"))
        .extracting(
            r -> r.get("col_name") + "|" + r.get("indicator_unit") + "|" + r.get("indicator_dp"))
        .containsExactly("number_notifications||0", "percent_notifications|%|1");
    assertThat(meta)
        .filteredOn(r -> r.get("col_name").equals("breakdown"))
        .extracting(r -> r.get("filter_grouping_column"))
        .containsExactly("breakdown_topic");
    assertThat(w.toString()).doesNotContain("REPORT-SPEC").doesNotContain("table_id");
  }

  @Test
  @DisplayName(
      "a period other than a calendar or financial year is refused, naming what is allowed")
  void periods() {
    assertThat(OpenData.timePeriod(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)))
        .isEqualTo(new OpenData.TimePeriod("2020", "Calendar year"));
    assertThat(OpenData.timePeriod(LocalDate.of(1999, 4, 1), LocalDate.of(2000, 3, 31)))
        .isEqualTo(new OpenData.TimePeriod("199900", "Financial year"));
    assertThatThrownBy(
            () -> OpenData.timePeriod(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 6, 30)))
        .isInstanceOf(InvalidReportException.class)
        .hasMessageContaining("calendar year (1 January to 31 December)")
        .hasMessageContaining("financial year (1 April to 31 March)")
        .hasMessageContaining("2020-01-01 to 2020-06-30 is neither");
    assertThatThrownBy(
            () -> OpenData.timePeriod(LocalDate.of(2020, 4, 1), LocalDate.of(2022, 3, 31)))
        .isInstanceOf(InvalidReportException.class);
    assertThatThrownBy(
            () ->
                openData.publication(
                    new ReportRequest(
                        LocalDate.of(2020, 2, 1), LocalDate.of(2021, 1, 31), AS_AT, null, null),
                    Viewer.system("test")))
        .isInstanceOf(InvalidReportException.class);
  }

  @Test
  @DisplayName("the meta file goes next to the data file: NAME.csv -> NAME.meta.csv")
  void metaFileName() {
    assertThat(OpenData.metaFileFor(Path.of("/tmp/out/incidents.csv")))
        .isEqualTo(Path.of("/tmp/out/incidents.meta.csv"));
    assertThat(OpenData.metaFileFor(Path.of("incidents_2020.CSV")))
        .isEqualTo(Path.of("incidents_2020.meta.csv"));
  }
}
