package uk.gov.observatory.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.gov.observatory.learning.ResultCharts.Bar;
import uk.gov.observatory.learning.ResultCharts.Chart;

/**
 * The results' charts: accessible images (role img, a title and a description) with one bar per
 * group drawn for each code or case theme, and the same figures for the table beside them. {@code
 * -Dresultcharts.write=true} writes target/result-charts.html to look at.
 */
class ResultChartsTest {

  @Test
  void likeGraphOneEachCodesSharePresentInSampleAndControl() {
    AnalysisResults results = ResultsTest.results(null);
    Chart chart = ResultCharts.byCode(results, ResultsTest.FRAME);

    assertThat(chart.title())
        .isEqualTo(
            "Share of cases where each code was present or had a medium or high impact,"
                + " sample and control group");
    assertThat(chart.seriesLabels()).containsExactly("Sample", "Control group");
    assertThat(chart.rows())
        .extracting(ResultCharts.Row::label)
        .containsExactly("Present", "Parental and family stressors");
    // PRESENT: Y 3 of 5 in the sample (ResultsTest), 1 of 3 in the control group
    Bar present = chart.rows().get(0).bar(Group.SAMPLE);
    assertThat(present.text()).isEqualTo("3 of 5: 60.0% (95% interval 23.1% to 88.2%)");
    assertThat(chart.rows().get(0).bar(Group.CONTROL).text())
        .isEqualTo("1 of 3: 33.3% (95% interval 6.1% to 79.2%)");
    // STRESS at medium or high: sample HIGH 2 + MEDIUM 1 = 3 of 5; control HIGH 1 + MEDIUM 0 = 1
    // of 4 = 25.0%, Wilson: n + z² = 7.841459, centre = 2.920729 / 7.841459 = 0.372473,
    // half = z·√(1·3/4 + 0.960365) / 7.841459 = 1.959964·1.307809 / 7.841459 = 0.326885
    // → 4.6% to 69.9%
    assertThat(chart.rows().get(1).bar(Group.SAMPLE).text())
        .isEqualTo("3 of 5: 60.0% (95% interval 23.1% to 88.2%)");
    assertThat(chart.rows().get(1).bar(Group.CONTROL).text())
        .isEqualTo("1 of 4: 25.0% (95% interval 4.6% to 69.9%)");

    String svg = chart.svg();
    assertAccessibleImage(svg, chart);
    // one bar per group for each code: 2 codes × (sample, control)
    assertThat(bars(svg)).hasSize(4);
    assertThat(count(svg, "class=\"app-chart__interval\"")).isEqualTo(4 + 1); // + the legend's
    assertThat(chart.description())
        .startsWith("Bar chart: Share of cases where each code")
        .contains("Sample: largest Present (60.0%).")
        .contains("Control group: largest Present (33.3%).")
        .endsWith("Every figure is in the table below the chart.");
  }

  @Test
  void likeGraphTwoOneCodesShareByCaseTheme() {
    AnalysisResults results = ResultsTest.results(Grouping.CASE_THEME);
    FrameCode stress = ResultsTest.FRAME.get(1);
    Chart chart = ResultCharts.byGroup(results, stress);

    assertThat(chart.title())
        .isEqualTo(
            "Parental and family stressors: share of cases with a medium or high impact, by case"
                + " theme");
    assertThat(chart.rows())
        .extracting(ResultCharts.Row::label)
        .containsExactly(
            "Non-accidental injury in children under 1",
            "Sudden unexpected death in infancy (SUDI)",
            "Suicide",
            "Other incidents");
    // SUDI: sample S3 NONE, S4 HIGH → 1 of 2; control C2 HIGH (resolved), C4 NONE → 1 of 2
    ResultCharts.Row sudi = chart.rows().get(1);
    assertThat(sudi.bar(Group.SAMPLE).text()).startsWith("1 of 2: 50.0%");
    assertThat(sudi.bar(Group.CONTROL).text()).startsWith("1 of 2: 50.0%");
    // NAI has no control case, other no sample case: no bar, "No cases" in its place
    assertThat(chart.rows().get(0).bar(Group.CONTROL).text()).isEqualTo("No cases");
    assertThat(chart.rows().get(3).bar(Group.SAMPLE).text()).isEqualTo("No cases");

    String svg = chart.svg();
    assertAccessibleImage(svg, chart);
    // a bar per group for each theme: 4 themes × 2 groups, less the two without cases
    assertThat(bars(svg)).hasSize(6);
    assertThat(count(svg, ">No cases</text>")).isEqualTo(2);
    // each bar names itself (a tooltip; the table has the same words). Suicide: S1 HIGH and S2
    // MEDIUM (alice's, unresolved) → 2 of 2; Wilson 2/2: n + z² = 5.841459, centre = 3.920729 /
    // 5.841459 = 0.671192, half = z·√(0 + 0.960365) / 5.841459 = 1.920729 / 5.841459 = 0.328808
    // → 34.2% to 100.0%
    assertThat(bars(svg))
        .contains("Sample, Suicide: 2 of 2: 100.0% (95% interval 34.2% to 100.0%)");
  }

  @Test
  void withoutAControlGroupOneBarACode() {
    List<AnalysisCase> sampleOnly =
        ResultsTest.CASES.stream().filter(c -> c.group() == Group.SAMPLE).toList();
    AnalysisResults results =
        Results.compute(
            "TA-2020-02",
            ResultsTest.FRAME,
            sampleOnly,
            ResultsTest.ASSIGNMENTS,
            ResultsTest.CODINGS,
            ResultsTest.DISAGREEMENTS,
            null);
    Chart chart = ResultCharts.byCode(results, ResultsTest.FRAME);
    assertThat(chart.title()).endsWith(", sample");
    assertThat(chart.seriesLabels()).containsExactly("Sample");
    assertThat(bars(chart.svg())).hasSize(2);
    assertThat(chart.svg()).doesNotContain("Control group");
  }

  @Test
  void aPagesChartsHaveDistinctIds() {
    List<Chart> charts =
        ResultCharts.of(ResultsTest.results(Grouping.CASE_THEME), ResultsTest.FRAME);
    assertThat(charts).hasSize(3); // Graph 1, then Graph 2 for each of the two codes
    assertThat(charts.stream().map(Chart::id).distinct()).hasSize(3);
    assertThat(ResultCharts.of(ResultsTest.results(null), ResultsTest.FRAME)).hasSize(1);
  }

  @Test
  void labelsAreEscapedAndWrapped() {
    FrameCode code =
        new FrameCode(
            "SCHOOL_CLOSURE",
            "Impact of school closures: identification of, contact with & support for vulnerable"
                + " children <and> young people",
            "",
            Scale.IMPACT);
    AnalysisResults results =
        Results.compute(
            "TA-2020-05",
            List.of(code),
            ResultsTest.CASES,
            ResultsTest.ASSIGNMENTS,
            List.of(new Coding("S1", "alice", "SCHOOL_CLOSURE", "HIGH")),
            List.of(),
            null);
    String svg = ResultCharts.byCode(results, List.of(code)).svg();
    assertThat(svg).contains("&amp; support").contains("&lt;and&gt;").doesNotContain("<and>");
    assertThat(ResultCharts.wrap(code.label())).hasSize(3).allMatch(l -> l.length() <= 35);
  }

  /** A COVID-19-like analysis (43 sample, 40 control), drawn to look at. */
  @Test
  void aCovidLikeAnalysisDraws() throws IOException {
    List<FrameCode> frame =
        List.of(
            new FrameCode(
                "PARENTAL_FAMILY_STRESSORS", "Parental and family stressors", "", Scale.IMPACT),
            new FrameCode(
                "CHILD_VULNERABILITY",
                "Exacerbated vulnerabilities for children and young people",
                "",
                Scale.IMPACT),
            new FrameCode("SCHOOL_CLOSURE", "Impact of school closures", "", Scale.IMPACT),
            new FrameCode(
                "COVID_SAFE_ADAPTATION",
                "Impact of adaptations for COVID-safe practice",
                "",
                Scale.IMPACT));
    String[] themes = {"NAI_UNDER_1", "SUDI", "SUICIDE", "ADOLESCENT_HARM", "NEGLECT", "OTHER"};
    List<AnalysisCase> cases = new ArrayList<>();
    List<Assignment> assignments = new ArrayList<>();
    List<Coding> codings = new ArrayList<>();
    for (int i = 1; i <= 83; i++) {
      boolean sample = i <= 43;
      String ref = (sample ? "S" : "C") + i;
      String theme = themes[i % themes.length];
      cases.add(
          new AnalysisCase(
              ref,
              sample ? Group.SAMPLE : Group.CONTROL,
              i,
              "E09000001",
              "E12000007",
              "DEATH",
              null,
              null,
              null,
              theme,
              false));
      assignments.add(new Assignment(ref, "alice", null));
      for (int f = 0; f < frame.size(); f++) {
        int score = (i * 7 + f * 3) % 10;
        boolean infant = theme.equals("NAI_UNDER_1") || theme.equals("SUDI");
        boolean teen = theme.equals("SUICIDE") || theme.equals("ADOLESCENT_HARM");
        if (sample && ((f == 0 && infant) || (f == 2 && teen))) {
          score += 5;
        }
        String value =
            score >= (sample ? 8 : 11)
                ? "HIGH"
                : score >= (sample ? 6 : 9) ? "MEDIUM" : score >= 3 ? "LOW" : "NONE";
        codings.add(new Coding(ref, "alice", frame.get(f).code(), value));
      }
    }
    AnalysisResults results =
        Results.compute(
            "TA-2020-07", frame, cases, assignments, codings, List.of(), Grouping.CASE_THEME);
    List<Chart> charts = ResultCharts.of(results, frame);
    assertThat(charts).hasSize(5);
    assertThat(bars(charts.get(0).svg())).hasSize(8);
    assertThat(bars(charts.get(1).svg())).hasSize(12);
    charts.forEach(c -> assertAccessibleImage(c.svg(), c));
    if (Boolean.getBoolean("resultcharts.write")) {
      String html =
          charts.stream()
              .map(c -> "<h2>" + c.title() + "</h2>" + c.svg())
              .collect(Collectors.joining("\n"));
      Files.writeString(
          Path.of("target/result-charts.html"),
          "<!DOCTYPE html><html lang=\"en\"><body style=\"font-family:Arial\">"
              + html
              + "</body></html>",
          StandardCharsets.UTF_8);
    }
  }

  static void assertAccessibleImage(String svg, Chart chart) {
    assertThat(svg)
        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .contains(" role=\"img\"")
        .contains("aria-labelledby=\"" + chart.id() + "-title " + chart.id() + "-desc\"")
        .contains("<title id=\"" + chart.id() + "-title\">")
        .contains("<desc id=\"" + chart.id() + "-desc\">Bar chart: ")
        .endsWith("</svg>");
  }

  /** The bars drawn, each by its own title. */
  static List<String> bars(String svg) {
    Matcher m =
        Pattern.compile("<rect class=\"app-chart__bar\"[^>]*><title>([^<]*)</title>").matcher(svg);
    List<String> bars = new ArrayList<>();
    while (m.find()) {
      bars.add(m.group(1));
    }
    return bars;
  }

  static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
