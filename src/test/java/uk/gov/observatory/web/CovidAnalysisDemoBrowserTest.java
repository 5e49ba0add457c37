package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.cli.DemoData;
import uk.gov.observatory.learning.AnalysisCase;
import uk.gov.observatory.learning.AnalysisStatus;
import uk.gov.observatory.learning.Assignment;
import uk.gov.observatory.learning.CaseTheme;
import uk.gov.observatory.learning.Group;
import uk.gov.observatory.learning.Grouping;
import uk.gov.observatory.learning.LearningBriefings;
import uk.gov.observatory.learning.ResultRow;
import uk.gov.observatory.learning.ThematicAnalyses;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.support.Browser;
import uk.gov.observatory.support.CovidCoders;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.ReviewScenario;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;
import uk.gov.observatory.synthetic.SyntheticData;

/**
 * Issue 17's COVID-19 thematic analysis on the demonstration's data, through the pages in real
 * Chromium by keyboard alone, with axe on every page: the secretariat scopes it (rapid reviews
 * received March to September 2020 citing a COVID-19 factor) and sees its count, adds the COVID-19
 * frame, draws every case with a control group of 40 from the same period, and gives the cases to
 * two Panel members with 20% coded twice. Each member codes a case on the coding page; the rest of
 * the coding, done elsewhere, is imported through the page. The secretariat (a third person)
 * resolves disagreements on the page and imports the rest of the resolutions, reads the results by
 * case theme and publishes. The results have the shape of the annual report's Graphs 1 and 2. The
 * coders' reading of each case is {@link CovidCoders}'s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class CovidAnalysisDemoBrowserTest {

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired StandardCsv standardCsv;
  @Autowired ThematicAnalyses analyses;
  @Autowired LearningBriefings briefings;
  @Autowired Viewers viewers;
  @TempDir Path tmp;

  static List<CSVRecord> read(Path file) throws Exception {
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

  static void keySignIn(Browser b, TestAccounts.Person person, String code) {
    b.get("/sign-in");
    b.keyType("username", person.username());
    b.keyType("password", TestAccounts.PASSWORD);
    b.keyPress("password");
    b.keyType("code", code);
    b.keyPress("code");
    assertThat(b.driver().getCurrentUrl()).doesNotContain("/sign-in");
  }

  /** The member codes the first case of their worklist by keyboard, as the rule reads it. */
  static String codeFirstCase(Browser b, String ref, Map<String, String> factorsOf) {
    b.get("/analyses");
    b.keyPress("open-" + ref);
    assertThat(b.h1()).isEqualTo("Cases to code");
    b.assertAccessible("a coder's cases to code, on the demonstration's data");
    b.keyPress("start-coding");
    String caseRef = b.driver().getCurrentUrl().replaceAll(".*/cases/", "");
    assertThat(b.h1()).isEqualTo("Code " + caseRef);
    assertThat(b.driver().findElement(By.id("rr-text")).getText()).isNotBlank();
    b.assertAccessible("the coding page of " + caseRef);
    Map<String, String> levels = CovidCoders.reading(factorsOf.get(caseRef));
    for (String f : CovidCoders.FACTORS) {
      ReviewScenario.keyRadio(b, "value-" + f, CovidCoders.LEVELS.indexOf(levels.get(f)));
    }
    b.keyPress("save-next");
    b.keyPress("sign-out");
    return caseRef;
  }

  @Test
  @DisplayName(
      "on the demonstration's data, the COVID-19 analysis is scoped, counted, drawn with a control"
          + " group of 40, double-coded, resolved and published through the pages by keyboard,"
          + " axe clean; its results have Graph 1's and Graph 2's shape")
  void covidAnalysisOnTheDemonstration() throws Exception {
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
    // The population worked a second way, from the files: received March-September 2020, citing a
    // factor.
    Map<String, String> factorsOf = new HashMap<>();
    for (CSVRecord n : read(data.resolve("notifications.csv"))) {
      factorsOf.put(n.get("notification_ref"), n.get("covid_factors"));
    }
    long expected =
        read(data.resolve("rapid_reviews.csv")).stream()
            .filter(r -> !r.get("received_date").isBlank())
            .filter(
                r -> {
                  LocalDate d = LocalDate.parse(r.get("received_date"));
                  return !d.isBefore(LocalDate.of(2020, 3, 1))
                      && !d.isAfter(LocalDate.of(2020, 9, 30));
                })
            .filter(r -> !factorsOf.get(r.get("notification_ref")).isBlank())
            .count();
    assertThat(expected).isGreaterThan(40);

    TestAccounts.Person lead = TestAccounts.create(accounts, "lead.sec", Role.PANEL_SECRETARIAT);
    TestAccounts.Person first = TestAccounts.create(accounts, "coder.first", Role.PANEL_MEMBER);
    TestAccounts.Person second = TestAccounts.create(accounts, "coder.second", Role.PANEL_MEMBER);
    Viewer system = Viewer.system("test");

    String ref;
    try (Browser b = Browser.open("http://localhost:" + port)) {
      keySignIn(b, lead, lead.code());
      b.get("/analyses");
      b.keyPress("new-analysis");
      b.keyType("title", "Supporting vulnerable children and families during COVID-19");
      b.keyType(
          "question", "Which COVID-19 factors bore on the incidents, and in which kinds of case?");
      b.keyDate("received-from", LocalDate.of(2020, 3, 1));
      b.keyDate("received-to", LocalDate.of(2020, 9, 30));
      ReviewScenario.keyRadio(b, "covid", 1); // "Any factor"
      b.keyPress("count");
      assertThat(b.driver().findElement(By.id("count-result")).getText())
          .contains(expected + " notifications match");
      b.assertAccessible("the scoping form with its count, on the demonstration's data");
      b.keyPress("save");
      ref = b.driver().getCurrentUrl().replaceAll(".*/analyses/([^?#/]+).*", "$1");
      b.keyPress("add-covid");
      b.keyPress("draw");
      b.keyType("seed", "2020");
      b.keyType("control-size", "40");
      b.keyPress("draw-now");
      assertThat(b.main()).contains(expected + " in the sample, 40 in the control group.");
      b.assertAccessible("the drawn cases, on the demonstration's data");
      for (String coder : List.of("coder.first", "coder.second")) {
        b.keyChoose(
            b.driver()
                .findElement(By.cssSelector("input[name='coder'][value='" + coder + "']"))
                .getAttribute("id"));
      }
      b.keyType("double-percent", "20");
      b.keyPress("assign");
      b.keyPress("sign-out");

      // Each member codes a case on the page.
      keySignIn(b, first, first.code());
      String byFirst = codeFirstCase(b, ref, factorsOf);
      keySignIn(b, second, second.code());
      String bySecond = codeFirstCase(b, ref, factorsOf);

      // The rest, coded elsewhere, imported by the lead: each case by its coders, the second coder
      // reading one factor differently on every fourth case coded twice.
      List<String> codings =
          new ArrayList<>(List.of("analysis_ref,notification_ref,coder,code,value"));
      List<String> resolutions =
          new ArrayList<>(List.of("analysis_ref,notification_ref,coder,code,value"));
      Map<String, String> resolvedOnPage = new HashMap<>();
      // (the two may have coded the same case, blind: one coded twice)
      Map<String, java.util.Set<String>> onPage = new HashMap<>();
      onPage.computeIfAbsent(byFirst, k -> new java.util.HashSet<>()).add("coder.first");
      onPage.computeIfAbsent(bySecond, k -> new java.util.HashSet<>()).add("coder.second");
      int twice = 0;
      for (Assignment a : analyses.assignments(ref, system)) {
        String c = a.notificationRef();
        Map<String, String> levels = CovidCoders.reading(factorsOf.get(c));
        java.util.Set<String> pageCoders = onPage.getOrDefault(c, java.util.Set.of());
        if (!pageCoders.contains(a.firstCoder())) {
          codings.addAll(CovidCoders.rows(ref, c, a.firstCoder(), levels));
        }
        if (a.doubleCoded() && !pageCoders.contains(a.secondCoder())) {
          twice++;
          Map<String, String> theirs = new HashMap<>(levels);
          if (twice % 4 == 0) {
            String differsOn = CovidCoders.FACTORS.get(twice % CovidCoders.FACTORS.size());
            theirs.put(differsOn, CovidCoders.otherReading(levels.get(differsOn)));
            if (resolvedOnPage.isEmpty()) {
              resolvedOnPage.put(c, differsOn);
            } else {
              resolutions.add(
                  String.join(",", ref, c, "lead.sec", differsOn, levels.get(differsOn)));
            }
          }
          codings.addAll(CovidCoders.rows(ref, c, a.secondCoder(), theirs));
        }
      }
      assertThat(resolvedOnPage).hasSize(1);
      assertThat(resolutions).hasSizeGreaterThan(1);
      Path codingsFile = tmp.resolve("codings.csv");
      Files.write(codingsFile, codings, StandardCharsets.UTF_8);
      Path resolutionsFile = tmp.resolve("resolutions.csv");
      Files.write(resolutionsFile, resolutions, StandardCharsets.UTF_8);

      keySignIn(b, lead, lead.code(TestClock.NOW, 1));
      b.get("/analyses/" + ref + "/cases");
      // choosing a file is the one step the keyboard hands to the system's file chooser
      b.driver().findElement(By.id("codings-file")).sendKeys(codingsFile.toString());
      b.keyPress("import-codings");
      assertThat(b.main()).contains((codings.size() - 1) + " codings imported.");
      b.assertAccessible("the drawn cases after importing codings");

      b.get("/analyses/" + ref);
      assertThat(b.driver().findElement(By.id("coded-count")).getText())
          .isEqualTo((expected + 40) + " of " + (expected + 40));
      b.keyPress("advance");
      b.keyPress("open-agreement");
      assertThat(b.h1()).isEqualTo("Agreement and disagreements");
      b.assertAccessible("the agreement and disagreements, on the demonstration's data");
      // one disagreement resolved on the page, the rest imported
      String pageCase = resolvedOnPage.keySet().iterator().next();
      String pageCode = resolvedOnPage.get(pageCase);
      int index = 0;
      for (int i = 1; ; i++) {
        String card = b.driver().findElement(By.id("disagreement-" + i)).getText();
        if (card.contains(pageCase)) {
          index = i;
          break;
        }
      }
      String right = CovidCoders.reading(factorsOf.get(pageCase)).get(pageCode);
      ReviewScenario.keyRadio(b, "resolve-" + index, CovidCoders.LEVELS.indexOf(right));
      b.keyPress("resolve-button-" + index);
      assertThat(b.driver().findElement(By.id("resolved-" + index)).getText()).isNotBlank();
      b.driver().findElement(By.cssSelector("details summary")).sendKeys(Keys.ENTER);
      b.driver().findElement(By.id("resolutions-file")).sendKeys(resolutionsFile.toString());
      b.keyPress("import-resolutions");
      assertThat(b.main()).contains("Every disagreement is resolved.");
      b.assertAccessible("every disagreement resolved");

      b.get("/analyses/" + ref + "/results");
      b.focusStart();
      b.tabTo("grouping").sendKeys(Grouping.CASE_THEME.label());
      b.keyPress("show-grouping");
      assertThat(b.driver().findElements(By.cssSelector("svg[role='img']"))).hasSizeGreaterThan(1);
      assertThat(b.main()).contains(CaseTheme.SUDI.label()).contains("Control group");
      b.assertAccessible("the results by case theme, on the demonstration's data");

      b.get("/analyses/" + ref);
      b.keyPress("advance");
      assertThat(b.driver().findElement(By.id("status")).getText()).isEqualTo("Published");
      b.assertAccessible("the published analysis, on the demonstration's data");
    }

    assertThat(analyses.get(ref, system).status()).isEqualTo(AnalysisStatus.PUBLISHED);
    List<AnalysisCase> cases = analyses.cases(ref, system);
    assertThat(cases.stream().filter(c -> c.group() == Group.SAMPLE)).hasSize((int) expected);
    assertThat(cases.stream().filter(c -> c.group() == Group.CONTROL)).hasSize(40);

    // Graph 1: each factor's share at medium or high impact is higher in the sample.
    List<ResultRow> all = analyses.results(ref, null, system).rows();
    SoftAssertions graphs = new SoftAssertions();
    for (String f : CovidCoders.FACTORS) {
      graphs
          .assertThat(CovidCoders.mediumOrHigh(all, f, Group.SAMPLE, ResultRow.ALL))
          .as(f + ": medium or high, sample against control")
          .isGreaterThan(CovidCoders.mediumOrHigh(all, f, Group.CONTROL, ResultRow.ALL));
    }
    // Graph 2: parental and family stressors strongest for NAI in under-1s and SUDI; school
    // closures strongest for adolescents.
    List<ResultRow> byTheme = analyses.results(ref, Grouping.CASE_THEME, system).rows();
    String adolescents = CaseTheme.ADOLESCENT_HARM.label();
    for (String theme : List.of(CaseTheme.NAI_UNDER_1.label(), CaseTheme.SUDI.label())) {
      double pfs =
          CovidCoders.mediumOrHigh(byTheme, "PARENTAL_FAMILY_STRESSORS", Group.SAMPLE, theme);
      for (String f : CovidCoders.FACTORS.subList(1, 4)) {
        graphs
            .assertThat(pfs)
            .as(theme + ": parental and family stressors against " + f)
            .isGreaterThan(CovidCoders.mediumOrHigh(byTheme, f, Group.SAMPLE, theme));
      }
    }
    double schools = CovidCoders.mediumOrHigh(byTheme, "SCHOOL_CLOSURE", Group.SAMPLE, adolescents);
    for (String f :
        List.of("PARENTAL_FAMILY_STRESSORS", "CHILD_VULNERABILITY", "COVID_SAFE_ADAPTATION")) {
      graphs
          .assertThat(schools)
          .as("adolescents: school closures against " + f)
          .isGreaterThan(CovidCoders.mediumOrHigh(byTheme, f, Group.SAMPLE, adolescents));
    }
    graphs.assertAll();

    // The quarter's learning briefing carries the published analysis with its headline results.
    Viewer leadViewer = viewers.of("lead.sec");
    LocalDate today = TestClock.TODAY;
    var briefing =
        briefings.create(today.getYear(), (today.getMonthValue() - 1) / 3 + 1, leadViewer);
    var summary =
        briefings.content(briefing, leadViewer).analyses().stream()
            .filter(s -> s.ref().equals(ref))
            .findFirst()
            .orElseThrow();
    assertThat(summary.note()).isNull();
    assertThat(summary.headlines()).hasSize(CovidCoders.FACTORS.size());
    assertThat(summary.headlines())
        .allSatisfy(
            h -> {
              assertThat(h.sample()).contains("%");
              assertThat(h.control()).contains("%");
              assertThat(h.difference()).isNotBlank();
            });
  }
}
