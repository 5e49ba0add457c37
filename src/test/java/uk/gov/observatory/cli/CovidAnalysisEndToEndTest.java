package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.learning.CaseTheme;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.support.CovidCoders;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;
import uk.gov.observatory.synthetic.SyntheticData;

/**
 * Issue 17's COVID-19 thematic analysis, end to end through the command line on the demonstration's
 * synthetic register (2019 and 2020, seed 1, as {@code serve --demo} loads it): the Panel's
 * analysis (annual report 2020, paragraph 8 and its footnote: every rapid review received March to
 * September 2020 that cited COVID-19, against a control group of 40 drawn at random from the same
 * period) is created with the shipped COVID-19 frame, drawn, double-coded, resolved, and its
 * results read back: Graph 1's shape (each factor's share at medium or high impact is higher in the
 * sample than in the control group, with 95% intervals) and Graph 2's (parental and family
 * stressors the strongest factor for non-accidental injury in under-1s and for SUDI; school
 * closures the strongest for adolescents).
 *
 * <p>The coders' rule is {@link CovidCoders#reading}: a factor the case's notification cites is
 * HIGH when it is the first it lists, MEDIUM otherwise; a factor it does not cite is LOW when it
 * cites another, NONE when it cites none. The first coder codes every case; the second codes every
 * fifth case (20%) blind and, on every fourth of those, reads one factor a level differently (HIGH
 * for MEDIUM and back, LOW for NONE and back); the resolver (neither coder) settles each
 * disagreement with the first coder's reading of the register.
 */
@RegisterTest
class CovidAnalysisEndToEndTest {

  static final List<String> FACTORS = CovidCoders.FACTORS;

  static final String REF = "TA-2020-01";

  @Autowired DatabaseOwner owner;
  @Autowired StandardCsv standardCsv;
  @Autowired Accounts accounts;
  @TempDir Path tmp;

  CommandRun analysis(String sub, String... extra) {
    CommandRun run = CommandRun.onDatabase(owner, List.of("analysis", sub), extra);
    assertThat(run.code()).as("analysis " + sub + ": " + run.err()).isZero();
    return run;
  }

  static List<CSVRecord> read(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(r)
          .getRecords();
    }
  }

  @Test
  @DisplayName(
      "the COVID-19 analysis on the demonstration's data, through the command line: created,"
          + " drawn with a control group of 40, double-coded, resolved; results.csv has Graph 1's"
          + " and Graph 2's shape")
  void covidAnalysis() throws IOException {
    Path data = tmp.resolve("demo");
    new SyntheticData(ReferenceData.fromClasspath(), new WorkingDayCalendar())
        .generate(
            DemoData.YEARS,
            1.0,
            DemoData.SEED,
            false,
            TestClock.TODAY,
            data,
            SyntheticData.Progress.NONE);
    assertThat(standardCsv.importFrom(data, false, ImportProgress.NONE).problems()).isEmpty();
    Map<String, String> factorsOf = new HashMap<>();
    for (CSVRecord n : read(data.resolve("notifications.csv"))) {
      factorsOf.put(n.get("notification_ref"), n.get("covid_factors"));
    }
    TestAccounts.create(accounts, "analysis.lead", Role.PANEL_SECRETARIAT);
    TestAccounts.create(accounts, "coder.first", Role.PANEL_MEMBER);
    TestAccounts.create(accounts, "coder.second", Role.PANEL_MEMBER);
    TestAccounts.create(accounts, "third.person", Role.PANEL_SECRETARIAT);

    CommandRun created =
        analysis(
            "create",
            REF,
            "--title",
            "Impact of COVID-19 on serious incidents",
            "--lead",
            "analysis.lead",
            "--received-from",
            "2020-03-01",
            "--received-to",
            "2020-09-30",
            "--covid-factor",
            "ANY",
            "--frame",
            "covid-19");
    assertThat(created.out()).contains("coding frame of 4 codes");
    analysis("draw", REF, "--percent", "100", "--seed", "2020", "--control", "40");

    Path sampleFile = tmp.resolve("sample.csv");
    analysis("sample", REF, "--out", sampleFile.toString());
    List<CSVRecord> sample = read(sampleFile);
    List<CSVRecord> control =
        sample.stream().filter(r -> r.get("group").equals("CONTROL")).toList();
    List<CSVRecord> sampled = sample.stream().filter(r -> r.get("group").equals("SAMPLE")).toList();
    assertThat(control).hasSize(40);
    // Every sampled case cites COVID-19 (the Panel's 43; the synthetic year has its own number).
    assertThat(sampled)
        .hasSizeGreaterThan(40)
        .allMatch(r -> !factorsOf.get(r.get("notification_ref")).isBlank());

    // codings.csv for two coders, and the resolutions.
    List<String> codings = new ArrayList<>();
    List<String> resolutions = new ArrayList<>();
    codings.add("analysis_ref,notification_ref,coder,code,value");
    resolutions.add("analysis_ref,notification_ref,coder,code,value");
    List<String> second = new ArrayList<>();
    int doubled = 0;
    for (int i = 0; i < sample.size(); i++) {
      String ref = sample.get(i).get("notification_ref");
      Map<String, String> levels = CovidCoders.reading(factorsOf.get(ref));
      for (String f : FACTORS) {
        codings.add(String.join(",", REF, ref, "coder.first", f, levels.get(f)));
      }
      if (i % 5 == 0) {
        doubled++;
        String differsOn = doubled % 4 == 0 ? FACTORS.get(doubled % FACTORS.size()) : null;
        for (String f : FACTORS) {
          String level =
              f.equals(differsOn) ? CovidCoders.otherReading(levels.get(f)) : levels.get(f);
          second.add(String.join(",", REF, ref, "coder.second", f, level));
          if (f.equals(differsOn)) {
            resolutions.add(String.join(",", REF, ref, "third.person", f, levels.get(f)));
          }
        }
      }
    }
    codings.addAll(second);
    assertThat(resolutions).hasSizeGreaterThan(3);
    Path codingsFile = tmp.resolve("codings.csv");
    Files.write(codingsFile, codings, StandardCharsets.UTF_8);
    assertThat(analysis("codings", REF, "--import", codingsFile.toString()).out())
        .contains("Imported " + (codings.size() - 1) + " codings");
    Path resolutionsFile = tmp.resolve("resolutions.csv");
    Files.write(resolutionsFile, resolutions, StandardCharsets.UTF_8);
    assertThat(analysis("resolve", REF, "--import", resolutionsFile.toString()).out())
        .contains("0 disagreements left unresolved");

    // Graph 1: each factor's share at medium or high impact, sample against control.
    Path all = tmp.resolve("results.csv");
    analysis("results", REF, "--out", all.toString());
    List<CSVRecord> rows = read(all);
    SoftAssertions graph1 = new SoftAssertions();
    for (CSVRecord r : rows) {
      if (!r.get("group").equals("DIFFERENCE")) {
        // Intervals reported: Wilson's, around the percentage.
        double p = Double.parseDouble(r.get("percent"));
        graph1
            .assertThat(Double.parseDouble(r.get("ci_low")))
            .as("ci_low of " + r)
            .isLessThanOrEqualTo(p);
        graph1
            .assertThat(Double.parseDouble(r.get("ci_high")))
            .as("ci_high of " + r)
            .isGreaterThanOrEqualTo(p);
      } else {
        graph1.assertThat(r.get("ci_low")).as("difference's interval of " + r).isNotBlank();
      }
    }
    for (String f : FACTORS) {
      double inSample = mediumOrHigh(rows, f, "SAMPLE", "ALL");
      double inControl = mediumOrHigh(rows, f, "CONTROL", "ALL");
      graph1
          .assertThat(inSample)
          .as(f + ": share at medium or high impact, sample against control")
          .isGreaterThan(inControl);
    }
    graph1.assertAll();
    int twice = doubled;
    assertThat(Files.readAllLines(tmp.resolve("results.agreement.csv")))
        .hasSize(5)
        .anyMatch(l -> l.startsWith(REF + ",PARENTAL_FAMILY_STRESSORS," + twice + ","));

    // Graph 2: by case theme.
    Path themes = tmp.resolve("themes.csv");
    analysis("results", REF, "--grouping", "case_theme", "--out", themes.toString());
    List<CSVRecord> byTheme = read(themes);
    String nai = CaseTheme.NAI_UNDER_1.label();
    String sudi = CaseTheme.SUDI.label();
    String adolescents = CaseTheme.ADOLESCENT_HARM.label();
    SoftAssertions graph2 = new SoftAssertions();
    for (String theme : List.of(nai, sudi)) {
      double pfs = mediumOrHigh(byTheme, "PARENTAL_FAMILY_STRESSORS", "SAMPLE", theme);
      for (String f : FACTORS.subList(1, 4)) {
        graph2
            .assertThat(pfs)
            .as(theme + ": parental and family stressors against " + f)
            .isGreaterThan(mediumOrHigh(byTheme, f, "SAMPLE", theme));
      }
      graph2
          .assertThat(pfs)
          .as(theme + ": parental and family stressors against adolescents'")
          .isGreaterThan(mediumOrHigh(byTheme, "PARENTAL_FAMILY_STRESSORS", "SAMPLE", adolescents));
    }
    double schools = mediumOrHigh(byTheme, "SCHOOL_CLOSURE", "SAMPLE", adolescents);
    for (String f :
        List.of("PARENTAL_FAMILY_STRESSORS", "CHILD_VULNERABILITY", "COVID_SAFE_ADAPTATION")) {
      graph2
          .assertThat(schools)
          .as("adolescents: school closures against " + f)
          .isGreaterThan(mediumOrHigh(byTheme, f, "SAMPLE", adolescents));
    }
    for (String theme : List.of(nai, sudi)) {
      graph2
          .assertThat(schools)
          .as("school closures: adolescents against " + theme)
          .isGreaterThan(mediumOrHigh(byTheme, "SCHOOL_CLOSURE", "SAMPLE", theme));
    }
    graph2.assertAll();
  }

  /** The share (0 to 1) of a group's cases coded MEDIUM or HIGH for a factor, from the counts. */
  static double mediumOrHigh(List<CSVRecord> rows, String code, String group, String grouping) {
    int cases = -1;
    int count = 0;
    for (CSVRecord r : rows) {
      if (r.get("code").equals(code)
          && r.get("group").equals(group)
          && r.get("grouping").equals(grouping)) {
        cases = Integer.parseInt(r.get("cases"));
        if (r.get("value").equals("MEDIUM") || r.get("value").equals("HIGH")) {
          count += Integer.parseInt(r.get("count"));
        }
      }
    }
    assertThat(cases).as(code + " " + group + " " + grouping + " has rows").isPositive();
    return (double) count / cases;
  }
}
