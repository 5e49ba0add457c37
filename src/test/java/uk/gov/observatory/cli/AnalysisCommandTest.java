package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Interests;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.audit.Actors;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.learning.Assignment;
import uk.gov.observatory.learning.ThematicAnalyses;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.support.AnalysisRegister;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.TestAccounts;

/**
 * {@code analysis ...} as a person runs it (issue 17's command line contract), against the test's
 * own database: each subcommand, and bad input refused with its message, exit code 2, nothing
 * stored.
 *
 * <p>The register: {@link AnalysisRegister} (20 notifications whose rapid reviews were received
 * from May to August 2020, the first 10 citing COVID-19 factors; even-numbered ones Leeds's).
 */
@RegisterTest
class AnalysisCommandTest {

  @Autowired DatabaseOwner owner;
  @Autowired StandardCsv standardCsv;
  @Autowired Accounts accounts;
  @Autowired Interests interests;
  @Autowired ThematicAnalyses analyses;
  @TempDir Path tmp;

  static final String LEEDS = AnalysisRegister.LEEDS;

  CommandRun analysis(String sub, String... extra) {
    return CommandRun.onDatabase(owner, List.of("analysis", sub), extra);
  }

  static String ref(int i) {
    return AnalysisRegister.ref(i);
  }

  @BeforeEach
  void register() throws IOException {
    AnalysisRegister.load(standardCsv, tmp.resolve("register"));
    TestAccounts.create(accounts, "coder.one", Role.PANEL_MEMBER);
    TestAccounts.create(accounts, "coder.two", Role.PANEL_MEMBER);
    TestAccounts.create(accounts, "resolver.three", Role.PANEL_SECRETARIAT);
    TestAccounts.create(accounts, "lead.four", Role.PANEL_SECRETARIAT);
  }

  CommandRun create(String ref, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                ref,
                "--title",
                "COVID-19 and serious incidents",
                "--lead",
                "lead.four",
                "--received-from",
                "2020-05-01",
                "--received-to",
                "2020-09-30",
                "--covid-factor",
                "ANY"));
    args.addAll(List.of(more));
    return analysis("create", args.toArray(String[]::new));
  }

  List<String> sample(String ref) throws IOException {
    Path out = tmp.resolve(ref + "-sample.csv");
    CommandRun run = analysis("sample", ref, "--out", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    return Files.readAllLines(out);
  }

  static Set<String> refsIn(List<String> sampleCsv, String group) {
    return sampleCsv.stream()
        .skip(1)
        .filter(l -> l.endsWith("," + group))
        .map(l -> l.substring(0, l.indexOf(',')))
        .collect(Collectors.toSet());
  }

  @Test
  @DisplayName(
      "create counts the population; draw with a seed gives the same sample again and another"
          + " seed another; the control group never overlaps the sample; sample writes"
          + " notification_ref,group")
  void createDrawAndSample() throws IOException {
    CommandRun created = create("TA-2020-01", "--frame", "covid-19");
    assertThat(created.code()).as(created.err()).isZero();
    assertThat(created.out())
        .contains(
            "Created analysis TA-2020-01",
            "led by lead.four",
            "10 notifications",
            "coding frame of 4 codes");

    CommandRun drawn =
        analysis("draw", "TA-2020-01", "--size", "6", "--seed", "2020", "--control", "5");
    assertThat(drawn.code()).as(drawn.err()).isZero();
    assertThat(drawn.out()).contains("Drew 6 cases and a control group of 5");
    List<String> first = sample("TA-2020-01");
    assertThat(first.get(0)).isEqualTo("notification_ref,group");
    assertThat(first).hasSize(12);
    Set<String> sampled = refsIn(first, "SAMPLE");
    Set<String> control = refsIn(first, "CONTROL");
    assertThat(sampled).hasSize(6);
    assertThat(control).hasSize(5).doesNotContainAnyElementsOf(sampled);
    // The sample cites COVID-19 (the first ten); the control comes from the same period.
    Set<String> citing = Set.of(ref(1), ref(2), ref(3), ref(4), ref(5), ref(6), ref(7));
    Set<String> allCiting = new java.util.HashSet<>(citing);
    for (int i = 8; i <= 10; i++) {
      allCiting.add(ref(i));
    }
    assertThat(allCiting).containsAll(sampled);
    assertThat(control).allMatch(x -> Integer.parseInt(x.substring(9)) <= 20);

    // The same seed and population: the same cases; another seed: another sample. (The contract
    // has no --lead: without it the analysis has no lead until the secretariat names one.)
    CommandRun noLead =
        analysis(
            "create",
            "TA-2020-02",
            "--title",
            "COVID-19 and serious incidents",
            "--received-from",
            "2020-05-01",
            "--received-to",
            "2020-09-30",
            "--covid-factor",
            "ANY");
    assertThat(noLead.code()).as(noLead.err()).isZero();
    assertThat(noLead.out()).contains("no lead yet");
    assertThat(analysis("draw", "TA-2020-02", "--size", "6", "--seed", "2020").code()).isZero();
    assertThat(refsIn(sample("TA-2020-02"), "SAMPLE")).isEqualTo(sampled);
    assertThat(create("TA-2020-03").code()).isZero();
    assertThat(analysis("draw", "TA-2020-03", "--size", "6", "--seed", "2021").code()).isZero();
    assertThat(refsIn(sample("TA-2020-03"), "SAMPLE")).isNotEqualTo(sampled);

    // Drawn once: a second draw is refused.
    CommandRun again = analysis("draw", "TA-2020-01", "--size", "6", "--seed", "1");
    assertThat(again.code()).isEqualTo(2);
    assertThat(refsIn(sample("TA-2020-01"), "SAMPLE")).isEqualTo(sampled);
  }

  @Test
  @DisplayName(
      "assign gives a withdrawn Panel member none of the authority's cases, and double-codes the"
          + " share asked")
  void assignNeverAWithdrawnMember() {
    interests.declare(
        "coder.two",
        LEEDS,
        LocalDate.of(2019, 1, 1),
        null,
        "Was the authority's designated nurse",
        Actors.SYSTEM);
    assertThat(create("TA-2020-10").code()).isZero();
    assertThat(analysis("draw", "TA-2020-10", "--percent", "100", "--seed", "5").code()).isZero();
    CommandRun run =
        analysis(
            "assign",
            "TA-2020-10",
            "--coders",
            "coder.one,coder.two,resolver.three",
            "--double-coded-percent",
            "50",
            "--seed",
            "9");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("Assigned 10 cases of TA-2020-10 to 3 coders; 5 double-coded");
    List<Assignment> assigned = analyses.assignments("TA-2020-10", Viewer.system(Actors.SYSTEM));
    assertThat(assigned).hasSize(10);
    assertThat(assigned.stream().filter(Assignment::doubleCoded)).hasSize(5);
    // Leeds's are the even-numbered cases: never coder.two's.
    assertThat(assigned)
        .filteredOn(a -> Integer.parseInt(a.notificationRef().substring(9)) % 2 == 0)
        .isNotEmpty()
        .noneMatch(a -> a.assigned("coder.two"));
    assertThat(assigned).anyMatch(a -> a.assigned("coder.two"));
  }

  /** codings.csv: coder.one codes every case; coder.two codes two of them blind. */
  Path codings(String analysisRef, List<String> sampleCsv, boolean breakOne) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("analysis_ref,notification_ref,coder,code,value");
    List<String> cases = sampleCsv.stream().skip(1).map(l -> l.split(",")).map(a -> a[0]).toList();
    for (String c : cases) {
      int i = Integer.parseInt(c.substring(9));
      boolean citing = i <= 10;
      lines.add(
          String.join(
              ",",
              analysisRef,
              c,
              "coder.one",
              "PARENTAL_FAMILY_STRESSORS",
              citing ? "HIGH" : "NONE"));
      lines.add(
          String.join(
              ",", analysisRef, c, "coder.one", "SCHOOL_CLOSURE", citing ? "MEDIUM" : "LOW"));
      lines.add(String.join(",", analysisRef, c, "coder.one", "CHILD_VULNERABILITY", "NONE"));
      lines.add(String.join(",", analysisRef, c, "coder.one", "COVID_SAFE_ADAPTATION", "NONE"));
    }
    // coder.two double-codes the first two cases: agrees on the first, differs on one code of
    // the second (SCHOOL_CLOSURE: LOW for coder.one's MEDIUM).
    for (int k = 0; k < 2; k++) {
      String c = cases.get(k);
      boolean citing = Integer.parseInt(c.substring(9)) <= 10;
      lines.add(
          String.join(
              ",",
              analysisRef,
              c,
              "coder.two",
              "PARENTAL_FAMILY_STRESSORS",
              citing ? "HIGH" : "NONE"));
      lines.add(
          String.join(
              ",",
              analysisRef,
              c,
              "coder.two",
              "SCHOOL_CLOSURE",
              k == 1 ? (citing ? "LOW" : "MEDIUM") : (citing ? "MEDIUM" : "LOW")));
      lines.add(String.join(",", analysisRef, c, "coder.two", "CHILD_VULNERABILITY", "NONE"));
      lines.add(String.join(",", analysisRef, c, "coder.two", "COVID_SAFE_ADAPTATION", "NONE"));
    }
    if (breakOne) {
      lines.set(3, lines.get(3).replace("CHILD_VULNERABILITY", "CHILD_POVERTY"));
    }
    Path file = tmp.resolve(analysisRef + (breakOne ? "-broken" : "") + "-codings.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  @DisplayName(
      "codings --import, resolve --import and results --out write results.csv and"
          + " results.agreement.csv in the issue's columns, counting the resolved value")
  void codingsResolveAndResults() throws IOException {
    assertThat(create("TA-2020-20", "--frame", "covid-19").code()).isZero();
    assertThat(
            analysis("draw", "TA-2020-20", "--percent", "100", "--seed", "3", "--control", "4")
                .code())
        .isZero();
    List<String> drawn = sample("TA-2020-20");
    assertThat(drawn).hasSize(15);

    // All or nothing: a file with one unknown code stores nothing, and says which line.
    CommandRun broken =
        analysis(
            "codings", "TA-2020-20", "--import", codings("TA-2020-20", drawn, true).toString());
    assertThat(broken.code()).isEqualTo(2);
    assertThat(broken.err()).contains("line 4").contains("CHILD_POVERTY").contains("nothing");
    assertThat(analyses.codings("TA-2020-20", Viewer.system(Actors.SYSTEM))).isEmpty();

    CommandRun imported =
        analysis(
            "codings", "TA-2020-20", "--import", codings("TA-2020-20", drawn, false).toString());
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("Imported 64 codings into TA-2020-20");

    String second = drawn.get(2).split(",")[0];
    Path resolutions = tmp.resolve("resolutions.csv");
    Files.write(
        resolutions,
        List.of(
            "analysis_ref,notification_ref,coder,code,value",
            "TA-2020-20," + second + ",resolver.three,SCHOOL_CLOSURE,HIGH"),
        StandardCharsets.UTF_8);
    CommandRun resolved = analysis("resolve", "TA-2020-20", "--import", resolutions.toString());
    assertThat(resolved.code()).as(resolved.err()).isZero();
    assertThat(resolved.out()).contains("Imported 1 resolutions", "0 disagreements left");

    Path results = tmp.resolve("results.csv");
    CommandRun written =
        analysis("results", "TA-2020-20", "--grouping", "case_theme", "--out", results.toString());
    assertThat(written.code()).as(written.err()).isZero();
    List<String> rows = Files.readAllLines(results);
    assertThat(rows.get(0))
        .isEqualTo("analysis_ref,code,value,group,grouping,cases,count,percent,ci_low,ci_high");
    Map<String, String[]> byKey =
        rows.stream()
            .skip(1)
            .map(l -> l.split(",", -1))
            .collect(Collectors.toMap(a -> a[1] + "|" + a[2] + "|" + a[3] + "|" + a[4], a -> a));
    // The sample: all ten citing cases, coder.one's HIGH for parental and family stressors.
    String[] pfsHigh = byKey.get("PARENTAL_FAMILY_STRESSORS|HIGH|SAMPLE|ALL");
    assertThat(pfsHigh[5]).isEqualTo("10");
    assertThat(pfsHigh[6]).isEqualTo("10");
    assertThat(pfsHigh[7]).isEqualTo("100.0");
    // Wilson 10/10: 72.2% to 100.0%.
    assertThat(pfsHigh[8]).isEqualTo("72.2");
    assertThat(pfsHigh[9]).isEqualTo("100.0");
    // The control group: none.
    assertThat(byKey.get("PARENTAL_FAMILY_STRESSORS|HIGH|CONTROL|ALL")[6]).isEqualTo("0");
    // The difference: blank cases and count, 100 points.
    String[] diff = byKey.get("PARENTAL_FAMILY_STRESSORS|HIGH|DIFFERENCE|ALL");
    assertThat(diff[5]).isEmpty();
    assertThat(diff[6]).isEmpty();
    assertThat(diff[7]).isEqualTo("100.0");
    // School closure: the resolved HIGH counts for the disagreement, coder.one's MEDIUM elsewhere.
    boolean secondSampled = Integer.parseInt(second.substring(9)) <= 10;
    assertThat(
            byKey.get("SCHOOL_CLOSURE|HIGH|" + (secondSampled ? "SAMPLE" : "CONTROL") + "|ALL")[6])
        .isEqualTo("1");
    // By case theme (the report's labels).
    assertThat(byKey.keySet()).anyMatch(k -> k.endsWith("|SAMPLE|Suicide"));

    Path agreement = tmp.resolve("results.agreement.csv");
    List<String> agreed = Files.readAllLines(agreement);
    assertThat(agreed.get(0))
        .isEqualTo("analysis_ref,code,cases_double_coded,percent_agreement,kappa");
    assertThat(agreed)
        // Both HIGH on both cases: expected agreement 1, so kappa is blank.
        .contains("TA-2020-20,PARENTAL_FAMILY_STRESSORS,2,100.0,")
        .anyMatch(l -> l.startsWith("TA-2020-20,SCHOOL_CLOSURE,2,50.0,"));
  }

  @Test
  @DisplayName("bad input to each subcommand: a message naming it and what is allowed, exit 2")
  void badInput() throws IOException {
    CommandRun type = create("TA-2020-30", "--type", "DEATHS");
    assertThat(type.code()).isEqualTo(2);
    assertThat(type.err()).contains("--type 'DEATHS'", "DEATH, SERIOUS_HARM or OTHER");
    CommandRun date =
        analysis(
            "create",
            "TA-2020-30",
            "--title",
            "x",
            "--lead",
            "lead.four",
            "--received-from",
            "2020-02-30",
            "--received-to",
            "2020-09-30");
    assertThat(date.code()).isEqualTo(2);
    assertThat(date.err()).contains("--received-from '2020-02-30'", "YYYY-MM-DD");
    CommandRun half =
        analysis(
            "create",
            "TA-2020-30",
            "--title",
            "x",
            "--lead",
            "lead.four",
            "--received-from",
            "2020-03-01");
    assertThat(half.code()).isEqualTo(2);
    assertThat(half.err()).contains("give both --received-from and --received-to");
    Path frame = tmp.resolve("frame.csv");
    Files.write(
        frame,
        List.of("code,value,label,definition", "TRAUMA,Y,Trauma,Present or not", "TRAUMA,HIGH,,"),
        StandardCharsets.UTF_8);
    CommandRun mixed = create("TA-2020-30", "--frame", frame.toString());
    assertThat(mixed.code()).isEqualTo(2);
    assertThat(mixed.err()).contains("TRAUMA").contains("nothing was stored");
    CommandRun missing = create("TA-2020-30", "--frame", tmp.resolve("nope.csv").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("--frame", "no such file");
    // Nothing was stored by any of them.
    CommandRun none = analysis("sample", "TA-2020-30", "--out", tmp.resolve("s.csv").toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("No thematic analysis TA-2020-30");

    assertThat(create("TA-2020-31", "--frame", "covid-19").code()).isZero();
    CommandRun both =
        analysis("draw", "TA-2020-31", "--size", "3", "--percent", "20", "--seed", "1");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("exactly one of --size N and --percent P");
    CommandRun pct = analysis("draw", "TA-2020-31", "--percent", "120", "--seed", "1");
    assertThat(pct.code()).isEqualTo(2);
    assertThat(pct.err()).contains("--percent '120'", "at most 100");
    CommandRun strat =
        analysis("draw", "TA-2020-31", "--size", "3", "--seed", "1", "--stratify", "age");
    assertThat(strat.code()).isEqualTo(2);
    assertThat(strat.err()).contains("--stratify 'age'", "region or type");
    CommandRun one = analysis("assign", "TA-2020-31", "--coders", "coder.one", "--seed", "1");
    assertThat(one.code()).isEqualTo(2);
    assertThat(one.err()).contains("double coding needs two coders");
    CommandRun grouping =
        analysis(
            "results",
            "TA-2020-31",
            "--grouping",
            "region",
            "--out",
            tmp.resolve("r.csv").toString());
    assertThat(grouping.code()).isEqualTo(2);
    assertThat(grouping.err())
        .contains("--grouping 'region'", "death_category, harm_category, age_band, case_theme");
    CommandRun name =
        analysis("results", "TA-2020-31", "--out", tmp.resolve("results.txt").toString());
    assertThat(name.code()).isEqualTo(2);
    assertThat(name.err()).contains("ending in .csv");

    // A case not drawn is refused with its line.
    assertThat(analysis("draw", "TA-2020-31", "--size", "3", "--seed", "1").code()).isZero();
    Path outside = tmp.resolve("outside.csv");
    Files.write(
        outside,
        List.of(
            "analysis_ref,notification_ref,coder,code,value",
            "TA-2020-31," + ref(21) + ",coder.one,PARENTAL_FAMILY_STRESSORS,HIGH"),
        StandardCharsets.UTF_8);
    CommandRun notDrawn = analysis("codings", "TA-2020-31", "--import", outside.toString());
    assertThat(notDrawn.code()).isEqualTo(2);
    assertThat(notDrawn.err()).contains("line 2").contains(ref(21));
  }
}
