package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.cli.DemoData;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.ReviewClocks;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.review.TimelinessPolicyPeriod;
import uk.gov.observatory.support.CodesInText;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.TestClock;
import uk.gov.observatory.synthetic.SyntheticData;

/**
 * Issue 16, "It reads like the Panel's report": the demonstration's data (2019 and 2020, the demo's
 * seed, imported into an empty register) reported for 2020 as at 31 March 2021, with 2019 as at 31
 * March 2020 as the comparator, laid out as the annual report prints it, with and without
 * disclosure control. Every figure in each generated paragraph is found among its own table's
 * figures (read out of the text here with a regular expression); no code is left anywhere a person
 * reads; Table 6 has the report's rows and columns.
 */
@RegisterTest
class AnnualReportLayoutTest {

  static final LocalDate FROM = LocalDate.of(2020, 1, 1);
  static final LocalDate TO = LocalDate.of(2020, 12, 31);
  static final LocalDate AS_AT = LocalDate.of(2021, 3, 31);

  /** The reports, made once (the register is emptied before each test; these are only data). */
  static Report year2020;

  static Report year2019;
  static List<AnnualReportLayout.Extension> periods;

  @Autowired StandardCsv csv;
  @Autowired Reports reports;
  @Autowired ReviewClocks clocks;

  @TempDir Path dir;

  @BeforeEach
  void demonstration() throws IOException {
    if (year2020 != null) {
      return;
    }
    new SyntheticData(ReferenceData.fromClasspath(), new WorkingDayCalendar())
        .generate(
            DemoData.YEARS,
            1.0,
            DemoData.SEED,
            true, // as the demonstration loads it, with (synthetic) names and dates of birth
            TestClock.TODAY,
            dir,
            SyntheticData.Progress.NONE);
    assertThat(csv.importFrom(dir, false, ImportProgress.NONE).problems()).isEmpty();
    Viewer viewer = Viewer.system("test");
    year2020 = reports.report(new ReportRequest(FROM, TO, AS_AT, null, null), viewer);
    year2019 =
        reports.report(
            new ReportRequest(
                LocalDate.of(2019, 1, 1),
                LocalDate.of(2019, 12, 31),
                LocalDate.of(2020, 3, 31),
                null,
                null),
            viewer);
    // The authorised extensions as the secretariat keeps them (the seeded COVID-19 extension).
    periods =
        clocks.policyPeriods().stream()
            .filter(TimelinessPolicyPeriod::authorisedExtension)
            .map(p -> new AnnualReportLayout.Extension(p.notifiedFrom(), p.notifiedTo()))
            .toList();
  }

  static PublishedReport laid(boolean controlled, boolean compared) {
    Report r = controlled ? DisclosureControl.apply(year2020) : year2020;
    Report c = !compared ? null : controlled ? DisclosureControl.apply(year2019) : year2019;
    return AnnualReportLayout.lay(r, c, "England", periods);
  }

  // ---- reading figures out of text, independently of how the text was written ----

  static final String MONTH =
      "(?:January|February|March|April|May|June|July|August|September|October|November|December)";

  /** What is written with digits but is not a figure: dates, years, table numbers, rules. */
  static final List<Pattern> NOT_FIGURES =
      List.of(
          Pattern.compile("\\b\\d{1,2} " + MONTH + "(?: \\d{4})?"),
          Pattern.compile(MONTH + " \\d{4}"),
          Pattern.compile("(?<![\\d,.])(?:19|20)\\d{2}(?!\\d|[.,]\\d)"),
          Pattern.compile("\\bCOVID-19"),
          Pattern.compile("\\b(?:Table|Chart|Graph) \\d+"),
          Pattern.compile("\\b15 working days"),
          Pattern.compile("\\b15-working-day"),
          Pattern.compile("\\b5 working days"),
          Pattern.compile("\\b20% of areas"),
          Pattern.compile("\\b\\d+-\\d+ year olds"),
          Pattern.compile("less than 0\\.1%"));

  static final Pattern FIGURE = Pattern.compile("(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");

  /** The figures in {@code text} that are not among the table's values. */
  static List<String> figuresNotInTable(PublishedReport.Table t, String text) {
    String s = text;
    // Labels are words (some with digits: "1-15", "Under 1"), not figures.
    List<String> labels = new ArrayList<>();
    t.rows().forEach(r -> labels.add(r.label()));
    t.columns().forEach(c -> labels.add(c.label()));
    labels.sort(Comparator.comparing(String::length).reversed());
    for (String label : labels) {
      if (label.matches(".*\\d.*")) {
        s = s.replaceAll("(?i)" + Pattern.quote(label), " ");
      }
    }
    for (Pattern p : NOT_FIGURES) {
      s = p.matcher(s).replaceAll(" ");
    }
    Set<String> values = new HashSet<>();
    t.rows().forEach(r -> values.addAll(r.values()));
    List<String> missing = new ArrayList<>();
    Matcher m = FIGURE.matcher(s);
    while (m.find()) {
      String figure = m.group().replace(",", "");
      if (!values.contains(figure)) {
        missing.add(m.group());
      }
    }
    return missing;
  }

  /** How many figures the text carries (after taking out what is not one). */
  static int figures(PublishedReport.Table t, String text) {
    String s = text;
    for (Pattern p : NOT_FIGURES) {
      s = p.matcher(s).replaceAll(" ");
    }
    int n = 0;
    for (Matcher m = FIGURE.matcher(s); m.find(); ) {
      n++;
    }
    return n;
  }

  @Test
  @DisplayName(
      "2020 on the demonstration's data, with and without disclosure control: every figure in each"
          + " paragraph is one of its table's figures, and no paragraph says c, low or null")
  void everyFigureInTheTextIsInItsTable() {
    SoftAssertions soft = new SoftAssertions();
    for (boolean controlled : List.of(false, true)) {
      PublishedReport report = laid(controlled, true);
      int carried = 0;
      for (PublishedReport.Table t : report.tables()) {
        String text = t.paragraph();
        String what = (controlled ? "controlled " : "") + t.id() + ": " + text;
        soft.assertThat(text).as(what).isNotBlank().doesNotContain("null");
        soft.assertThat(Pattern.compile("\\b(c|low|z|x)\\b").matcher(text).find())
            .as(what + " shows a symbol")
            .isFalse();
        soft.assertThat(figuresNotInTable(t, text)).as(what).isEmpty();
        carried += figures(t, text) > 0 ? 1 : 0;
      }
      // The paragraphs are not empty talk: every table of the report carries figures.
      soft.assertThat(carried).as("tables whose paragraph has figures").isEqualTo(21);
    }
    soft.assertAll();
  }

  @Test
  @DisplayName("a planted wrong figure in a paragraph is caught")
  void aWrongFigureIsCaught() {
    PublishedReport report = laid(false, false);
    PublishedReport.Table h = table(report, "H");
    String text = h.paragraph();
    String notifications = h.value("NOTIFICATIONS", "COUNT");
    assertThat(text).startsWith("The Panel received notification of " + notifications + " serious");
    assertThat(figuresNotInTable(h, text)).isEmpty();
    String wrong = Integer.toString(Integer.parseInt(notifications) + 1);
    assertThat(figuresNotInTable(h, text.replaceFirst(notifications, wrong)))
        .containsExactly(wrong);
    // A percentage off by a tenth, in Table 2's paragraph.
    PublishedReport.Table t2 = table(report, "T2");
    String sudi = t2.value("SUDI", "PERCENT");
    assertThat(t2.paragraph()).contains("(" + sudi + "%)");
    String off = new java.math.BigDecimal(sudi).add(new java.math.BigDecimal("0.1")).toString();
    assertThat(
            figuresNotInTable(
                t2, t2.paragraph().replaceFirst(Pattern.quote(sudi + "%"), off + "%")))
        .containsExactly(off);
  }

  @Test
  @DisplayName("the headline paragraph reads as the report's paragraph 19 does, from its table")
  void headlineReadsLikeParagraph19() {
    PublishedReport.Table h = table(laid(false, false), "H");
    assertThat(h.paragraph())
        .startsWith(
            "The Panel received notification of "
                + h.value("NOTIFICATIONS", "COUNT")
                + " serious incidents which occurred between 1 January 2020 and 31 December"
                + " 2020, relating to "
                + h.value("CHILDREN", "COUNT")
                + " children. Of those "
                + h.value("NOTIFICATIONS", "COUNT")
                + " notifications, "
                + h.value("DEATH", "COUNT")
                + " were in relation to child deaths, "
                + h.value("SERIOUS_HARM", "COUNT")
                + " related to serious harm and ");
    PublishedReport.Table t6 = table(laid(false, false), "T6");
    assertThat(t6.paragraph())
        .contains(
            "The data for timely completion of "
                + t6.value("TOTAL", "TOTAL")
                + " rapid reviews with a requested completion date in 2020 is shown below.");
  }

  @Test
  @DisplayName(
      "Table 6 has the report's title, rows, columns and footnote on the requested completion"
          + " date; with a comparator, the comparator period's number and % columns")
  void table6() {
    PublishedReport without = laid(false, false);
    PublishedReport.Table t6 = table(without, "T6");
    assertThat(t6.caption()).isEqualTo("Table 6: Timeliness of rapid reviews 2020");
    assertThat(t6.rowHeading()).isEqualTo("Working days range");
    assertThat(t6.rows().stream().map(PublishedReport.Row::label))
        .containsExactly("1-15", "16-25", "26-59", "60+", "Totals");
    assertThat(t6.rows().get(4).kind()).isEqualTo(PublishedReport.RowKind.TOTAL);
    assertThat(t6.columns().stream().map(PublishedReport.Column::label))
        .containsExactly(
            "No. of rapid reviews received",
            "No. of rapid reviews not yet received as at 31 March 2021",
            "Totals",
            "%",
            "Fewest working days outstanding",
            "Most working days outstanding");
    assertThat(t6.columns().stream().map(PublishedReport.Column::unit))
        .containsExactly(
            PublishedReport.Unit.NUMBER,
            PublishedReport.Unit.NUMBER,
            PublishedReport.Unit.NUMBER,
            PublishedReport.Unit.PERCENT,
            PublishedReport.Unit.WORKING_DAYS,
            PublishedReport.Unit.WORKING_DAYS);
    assertThat(t6.footnotes().get(0))
        .startsWith("Rapid reviews with a requested completion date")
        .contains("in 2020 include reviews of incidents notified before 1 January 2020");
    // The figures are the report's cells, row for row.
    for (String band : List.of("BAND_1_15", "BAND_16_25", "BAND_26_59", "BAND_60_PLUS", "TOTAL")) {
      for (String column : List.of("RECEIVED", "NOT_YET_RECEIVED", "TOTAL", "PERCENT")) {
        assertThat(t6.value(band, column)).isEqualTo(cell(year2020, "T6", band, column));
      }
    }
    assertThat(without.comparatorPeriod()).isNull();

    PublishedReport with = laid(false, true);
    assertThat(with.comparatorPeriod()).isEqualTo("2019");
    PublishedReport.Table c6 = table(with, "T6");
    assertThat(c6.columns()).hasSize(8);
    assertThat(c6.columns().subList(6, 8).stream().map(PublishedReport.Column::label))
        .containsExactly("2019 comparator: no. of reviews", "2019 comparator: %");
    for (String band : List.of("BAND_1_15", "BAND_16_25", "BAND_26_59", "BAND_60_PLUS", "TOTAL")) {
      assertThat(c6.value(band, "COMPARATOR_TOTAL")).isEqualTo(cell(year2019, "T6", band, "TOTAL"));
      assertThat(c6.value(band, "COMPARATOR_PERCENT"))
          .isEqualTo(cell(year2019, "T6", band, "PERCENT"));
    }
    assertThat(c6.footnotes()).anyMatch(f -> f.startsWith("The 2019 comparator counts"));
    assertThat(c6.paragraph())
        .contains("In 2019, " + c6.value("BAND_1_15", "COMPARATOR_TOTAL") + " (");
    // Only Table 6 has the comparator's columns, as in the report.
    for (PublishedReport.Table t : with.tables()) {
      if (!t.id().equals("T6")) {
        assertThat(t.columns()).as(t.id()).isEqualTo(table(without, t.id()).columns());
      }
    }
  }

  @Test
  @DisplayName(
      "the tables are numbered and titled as the report prints them, in the report's order, Tables"
          + " 7 and 8 named by the authorised extension, Tables 4 and 5 with their groups")
  void numberedAndTitled() {
    PublishedReport report = laid(false, false);
    assertThat(report.title()).isEqualTo("Serious incident notifications: 2020");
    assertThat(report.tables().stream().map(PublishedReport.Table::id))
        .containsExactlyElementsOf(AnnualReportLayout.ORDER);
    Map<String, String> numbers = new LinkedHashMap<>();
    report.tables().forEach(t -> numbers.put(t.id(), String.valueOf(t.number())));
    assertThat(numbers)
        .containsEntry("IMD1", "Chart 1")
        .containsEntry("A1", "Graph 3")
        .containsEntry("LA1", "Graph 4")
        .containsEntry("T1", "Table 1")
        .containsEntry("T8", "Table 8")
        .containsEntry("H", "null")
        .containsEntry("D1", "null");
    assertThat(table(report, "T1").columns().stream().map(PublishedReport.Column::label))
        .containsExactly(
            "Number", "Percentage (where recorded)", "Percentage of 0-17 year olds in 2011 census");
    assertThat(table(report, "T1").rowHeading()).isEqualTo("Ethnic group");
    assertThat(table(report, "T7").caption())
        .isEqualTo(
            "Table 7: Timeliness of rapid reviews January 2020 to March 2020 and October 2020 to"
                + " December 2020");
    assertThat(table(report, "T8").caption())
        .isEqualTo(
            "Table 8: Timeliness of rapid reviews during the authorised extension, April 2020 to"
                + " September 2020");
    assertThat(table(report, "T7").footnotes().get(0))
        .contains("from 1 April 2020 to 30 September 2020");
    assertThat(table(report, "T3").footnotes().get(0)).contains("notified to the Panel as 'other'");

    PublishedReport.Table t4 = table(report, "T4");
    assertThat(
            t4.rows().stream()
                .filter(r -> r.kind() == PublishedReport.RowKind.HEADING)
                .map(PublishedReport.Row::label))
        .containsExactly(
            "Parent characteristics",
            "Family characteristics",
            "Child characteristics",
            "Other features");
    assertThat(t4.columns().stream().map(PublishedReport.Column::label))
        .containsExactly(
            "Death: number",
            "Death: %",
            "Serious harm: number",
            "Serious harm: %",
            "Other: number",
            "Total: number",
            "Total: %");
    PublishedReport.Table t5 = table(report, "T5");
    assertThat(t5.row("KNOWN_TO_CSC").orElseThrow().kind()).isEqualTo(PublishedReport.RowKind.ROW);
    assertThat(t5.row("LOOKED_AFTER").orElseThrow().kind())
        .isEqualTo(PublishedReport.RowKind.SUBROW);
    PublishedReport.Table t2 = table(report, "T2");
    assertThat(t2.row("RELATED").orElseThrow().label())
        .isEqualTo("Other deaths related to maltreatment, of which:");
    assertThat(t2.row("RELATED_ACCIDENT").orElseThrow().kind())
        .isEqualTo(PublishedReport.RowKind.SUBROW);
    // Every cell of the report is in its laid-out table (bar Tables 4 and 5's "Other %").
    for (PublishedReport.Table t : report.tables()) {
      for (Cell c : year2020.tables().get(t.id())) {
        if (!c.columnCode().equals("OTHER_PERCENT")) {
          assertThat(t.value(c.rowCode(), c.columnCode()))
              .as(t.id() + " " + c.rowCode() + " " + c.columnCode())
              .isEqualTo(c.value());
        }
      }
    }
  }

  @Test
  @DisplayName(
      "no code anywhere a person reads: titles, captions, headings, labels, footnotes, paragraphs"
          + " and charts, with and without disclosure control")
  void noCodes() {
    Set<String> reportCodes = new HashSet<>();
    year2020.cells().forEach(c -> reportCodes.add(c.rowCode()));
    year2020.cells().forEach(c -> reportCodes.add(c.columnCode()));
    // Words the report uses as words: SUDI ("Sudden Unexpected Death in Infancy (SUDI)").
    reportCodes.removeAll(List.of("SUDI", "LCSPR"));
    SoftAssertions soft = new SoftAssertions();
    for (boolean controlled : List.of(false, true)) {
      PublishedReport report = laid(controlled, true);
      List<String> read = new ArrayList<>(List.of(report.title(), report.area()));
      read.add(report.comparatorPeriod());
      for (PublishedReport.Table t : report.tables()) {
        read.add(t.caption());
        read.add(t.rowHeading());
        read.add(t.paragraph());
        read.addAll(t.footnotes());
        t.columns().forEach(c -> read.add(c.label()));
        t.rows().forEach(r -> read.add(r.label()));
        if (t.chart() != null) {
          read.add(t.chart().title());
          read.add(t.chart().description());
          read.addAll(t.chart().series());
          t.chart().groups().forEach(g -> read.add(g.label()));
        }
      }
      for (String text : read) {
        soft.assertThat(CodesInText.in(text, reportCodes)).as(text).isEmpty();
      }
    }
    soft.assertAll();
  }

  static PublishedReport.Table table(PublishedReport report, String id) {
    return report.tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  static String cell(Report report, String table, String row, String column) {
    return report.tables().get(table).stream()
        .filter(c -> c.rowCode().equals(row) && c.columnCode().equals(column))
        .map(Cell::value)
        .findFirst()
        .orElse("");
  }
}
