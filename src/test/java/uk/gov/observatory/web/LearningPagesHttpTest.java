package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.learning.Analysis;
import uk.gov.observatory.learning.DrawRequest;
import uk.gov.observatory.learning.FrameCode;
import uk.gov.observatory.learning.NewAnalysis;
import uk.gov.observatory.learning.Population;
import uk.gov.observatory.learning.Scale;
import uk.gov.observatory.learning.Stratify;
import uk.gov.observatory.learning.ThematicAnalyses;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.review.RapidReviews;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.LearningRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * The thematic analysis pages over HTTP: who may reach which page (the secretariat leads, Panel
 * members code only the cases they are given, partnerships and inspectors reach none), blind coding
 * (a coder never sees another's values), and bad input answered with the GOV.UK error summary
 * naming the field (never a 500, nothing stored).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class LearningPagesHttpTest {

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired RapidReviews reviews;
  @Autowired ThematicAnalyses analyses;
  @Autowired Viewers viewers;

  TestAccounts.Person lead;
  TestAccounts.Person memberA;
  TestAccounts.Person memberB;
  List<String> refs;

  @BeforeEach
  void setUp() {
    lead = TestAccounts.create(accounts, "lead.sec", Role.PANEL_SECRETARIAT);
    memberA = TestAccounts.create(accounts, "member.a", Role.PANEL_MEMBER);
    memberB = TestAccounts.create(accounts, "member.b", Role.PANEL_MEMBER);
    refs = LearningRegister.make(register, reviews, 3, 2);
  }

  static Population covid2020() {
    return Population.received(LocalDate.of(2020, 3, 1), LocalDate.of(2020, 9, 30))
        .withCovidFactor(Population.ANY_COVID_FACTOR);
  }

  static final FrameCode STRESSORS =
      new FrameCode(
          "PARENTAL_FAMILY_STRESSORS",
          "Parental and family stressors",
          "Stress on parents and families",
          Scale.IMPACT);

  /**
   * An analysis drawn (every COVID-19 case) and given to member.a and member.b, all coded twice.
   */
  Analysis drawnAndAssigned() {
    var v = viewers.of("lead.sec");
    Analysis a =
        analyses.create(
            new NewAnalysis(null, "COVID-19", "What changed?", "lead.sec", covid2020()), v);
    analyses.frame(a.ref(), List.of(STRESSORS), v);
    analyses.draw(
        a.ref(),
        new DrawRequest(null, java.math.BigDecimal.valueOf(100), 7L, Stratify.NONE, null, null),
        v);
    analyses.assign(a.ref(), List.of("member.a", "member.b"), 100, 7L, v);
    return analyses.get(a.ref(), v);
  }

  @Test
  @DisplayName(
      "partnerships and inspectors reach no analysis page; a member reaches only the cases given"
          + " to them, never a lead's page")
  void whoReachesWhat() throws Exception {
    Analysis a = drawnAndAssigned();
    TestAccounts.Person partnership =
        TestAccounts.create(accounts, "wm.partner", Role.PARTNERSHIP, "E09000033");
    TestAccounts.Person inspector = TestAccounts.create(accounts, "ofsted.one", Role.INSPECTOR);
    TestAccounts.Person memberC = TestAccounts.create(accounts, "member.c", Role.PANEL_MEMBER);

    SignedInHttp p = new SignedInHttp(port).signIn(partnership);
    assertThat(p.get("/analyses").statusCode()).isEqualTo(403);
    assertThat(p.get("/analyses/" + a.ref()).statusCode()).isEqualTo(403);
    assertThat(p.get("/analyses/" + a.ref() + "/results.csv").statusCode()).isEqualTo(403);
    assertThat(p.get("/notifications").body()).doesNotContain("Thematic analyses");

    SignedInHttp i = new SignedInHttp(port).signIn(inspector);
    assertThat(i.get("/analyses").statusCode()).isEqualTo(403);
    assertThat(i.get("/analyses/" + a.ref() + "/to-code").statusCode()).isEqualTo(403);

    // A member who codes nothing in it: the analysis is not theirs to see.
    SignedInHttp c = new SignedInHttp(port).signIn(memberC);
    assertThat(c.get("/analyses").body()).contains("Thematic analyses").doesNotContain(a.ref());
    assertThat(c.get("/analyses/" + a.ref() + "/to-code").statusCode()).isEqualTo(404);

    // A member who codes: their cases, but no lead's page and no one else's case.
    SignedInHttp m = new SignedInHttp(port).signIn(memberA);
    assertThat(m.get("/analyses").body()).contains(a.ref()).doesNotContain("Create a thematic");
    assertThat(m.get("/analyses/" + a.ref() + "/to-code").statusCode()).isEqualTo(200);
    for (String page :
        List.of(
            "/analyses/new",
            "/analyses/" + a.ref() + "/scope",
            "/analyses/" + a.ref() + "/draw",
            "/analyses/" + a.ref() + "/cases",
            "/analyses/" + a.ref() + "/agreement",
            "/analyses/" + a.ref() + "/results",
            "/analyses/" + a.ref() + "/results.csv",
            "/analyses/" + a.ref() + "/agreement.csv")) {
      assertThat(m.get(page).statusCode()).as(page).isEqualTo(403);
    }
    assertThat(m.post("/analyses/" + a.ref() + "/status", Map.of("to", "ANALYSIS")).statusCode())
        .isEqualTo(403);
    assertThat(
            m.post(
                    "/analyses/" + a.ref() + "/resolve",
                    Map.of("case", refs.get(0), "code", STRESSORS.code(), "value", "HIGH"))
                .statusCode())
        .isEqualTo(403);
    // A case not drawn into the analysis is no coder's.
    assertThat(m.get("/analyses/" + a.ref() + "/cases/" + refs.get(4)).statusCode()).isEqualTo(404);
    assertThat(analyses.get(a.ref(), viewers.of("lead.sec")).status().name()).isEqualTo("CODING");
  }

  @Test
  @DisplayName(
      "coding is blind: the second coder's page never shows the first coder's value, the lead"
          + " sees both")
  void blind() throws Exception {
    Analysis a = drawnAndAssigned();
    String caseRef = refs.get(0);
    SignedInHttp first = new SignedInHttp(port).signIn(memberA);
    HttpResponse<String> page = first.get("/analyses/" + a.ref() + "/cases/" + caseRef);
    assertThat(page.statusCode()).isEqualTo(200);
    // beside the rapid review's own text
    assertThat(page.body()).contains(LearningRegister.learning(caseRef));
    HttpResponse<String> saved =
        first.post(
            "/analyses/" + a.ref() + "/cases/" + caseRef,
            Map.of("value-" + STRESSORS.code(), "HIGH"));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(first.get("/analyses/" + a.ref() + "/cases/" + caseRef).body())
        .containsPattern("value=\"HIGH\" checked");

    SignedInHttp second = new SignedInHttp(port).signIn(memberB);
    String theirs = second.get("/analyses/" + a.ref() + "/cases/" + caseRef).body();
    assertThat(theirs).contains(LearningRegister.learning(caseRef)).doesNotContain("checked");
    assertThat(second.get("/analyses/" + a.ref() + "/to-code").body())
        .contains("3 of your 3 cases are still to code");

    assertThat(analyses.codings(a.ref(), viewers.of("lead.sec")))
        .extracting(c -> c.coder() + " " + c.value())
        .containsExactly("member.a HIGH");
  }

  @Test
  @DisplayName(
      "the scoping form counts the population before anything is drawn, and refuses a blank"
          + " title and a date that is not real, naming each field")
  void scopingForm() throws Exception {
    SignedInHttp s = new SignedInHttp(port).signIn(lead);
    assertThat(s.get("/analyses").body()).contains("Create a thematic analysis");
    assertThat(s.get("/analyses/new").statusCode()).isEqualTo(200);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("title", "");
    form.put("question", "What changed?");
    form.put("lead", "lead.sec");
    form.put("received-from-day", "1");
    form.put("received-from-month", "3");
    form.put("received-from-year", "2020");
    form.put("received-to-day", "30");
    form.put("received-to-month", "9");
    form.put("received-to-year", "2020");
    form.put("covid", "ANY");
    form.put("action", "count");
    HttpResponse<String> counted = s.post("/analyses/new", form);
    assertThat(counted.statusCode()).isEqualTo(200);
    assertThat(counted.body()).contains("3 notifications match");
    form.put("covid", "");
    assertThat(s.post("/analyses/new", form).body()).contains("5 notifications match");

    form.put("action", "save");
    form.put("received-to-day", "31");
    form.put("received-to-month", "9");
    HttpResponse<String> refused = s.post("/analyses/new", form);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("There is a problem")
        .contains("href=\"#title\"")
        .contains("Enter the analysis&#39;s title")
        .contains("href=\"#received-to-day\"")
        .contains("Rapid review received: to date must be a real date");
    assertThat(analyses.list(viewers.of("lead.sec"))).isEmpty();

    form.put("title", "COVID-19");
    form.put("received-to-day", "30");
    HttpResponse<String> created = s.post("/analyses/new", form);
    assertThat(created.statusCode()).isEqualTo(302);
    String ref = analyses.list(viewers.of("lead.sec")).get(0).ref();
    assertThat(created.headers().firstValue("Location").orElseThrow())
        .endsWith("/analyses/" + ref + "?created");
    String page = s.get("/analyses/" + ref).body();
    assertThat(page).contains("1 March 2020 to 30 September 2020").contains("5 notifications");

    // Changing the scope while scoping: the form again, filled in; the change kept.
    assertThat(s.get("/analyses/" + ref + "/scope").body())
        .contains("Change the analysis")
        .contains("value=\"COVID-19\"");
    form.put("title", "COVID-19 in 2020");
    form.put("covid", "ANY");
    assertThat(s.post("/analyses/" + ref + "/scope", form).statusCode()).isEqualTo(302);
    assertThat(analyses.get(ref, viewers.of("lead.sec")).title()).isEqualTo("COVID-19 in 2020");
    assertThat(s.get("/analyses/" + ref).body())
        .contains("Any COVID-19 factor cited")
        .contains("3 notifications");

    // The coding frame: the four COVID-19 factors in one click; a code of one's own checked.
    assertThat(s.post("/analyses/" + ref + "/frame", Map.of("action", "covid")).statusCode())
        .isEqualTo(302);
    assertThat(analyses.get(ref, viewers.of("lead.sec")).frame())
        .extracting(FrameCode::code)
        .containsExactly(
            "PARENTAL_FAMILY_STRESSORS",
            "CHILD_VULNERABILITY",
            "SCHOOL_CLOSURE",
            "COVID_SAFE_ADAPTATION");
    HttpResponse<String> badCode =
        s.post(
            "/analyses/" + ref + "/frame",
            Map.of(
                "action",
                "add",
                "code-code",
                "two words",
                "code-label",
                "",
                "code-definition",
                "x"));
    assertThat(badCode.statusCode()).isEqualTo(400);
    assertThat(badCode.body())
        .contains("The code must start with a letter")
        .contains("Enter the code&#39;s name")
        .contains("Choose how the code is coded");
    assertThat(analyses.get(ref, viewers.of("lead.sec")).frame()).hasSize(4);

    // Drawing: a number that is not one, and a control period with no size.
    Map<String, String> draw = new LinkedHashMap<>();
    draw.put("how", "size");
    draw.put("size", "three");
    draw.put("seed", "12");
    draw.put("stratify", "NONE");
    draw.put("control-size", "");
    draw.put("control-from-day", "1");
    draw.put("control-from-month", "3");
    draw.put("control-from-year", "2020");
    HttpResponse<String> badDraw = s.post("/analyses/" + ref + "/draw", draw);
    assertThat(badDraw.statusCode()).isEqualTo(400);
    assertThat(badDraw.body())
        .contains("Enter the number of cases to draw as a whole number")
        .contains("Enter the control group&#39;s size, or leave its period blank");
    assertThat(analyses.get(ref, viewers.of("lead.sec")).draw()).isNull();

    draw.put("size", "2");
    draw.put("control-size", "2");
    assertThat(s.post("/analyses/" + ref + "/draw", draw).statusCode()).isEqualTo(302);
    assertThat(analyses.cases(ref, viewers.of("lead.sec"))).hasSize(4);
    String cases = s.get("/analyses/" + ref + "/cases").body();
    assertThat(cases).contains("2 in the sample, 2 in the control group. Seed 12.");

    // Coders: double coding needs two of them.
    HttpResponse<String> oneCoder =
        s.post("/analyses/" + ref + "/assign", Map.of("coder", "member.a", "double-percent", "20"));
    assertThat(oneCoder.statusCode()).isEqualTo(400);
    assertThat(oneCoder.body()).contains("Choose at least two coders");
    assertThat(analyses.assignments(ref, viewers.of("lead.sec"))).isEmpty();
  }

  @Test
  @DisplayName(
      "a coder must choose a value for every code; the lead resolves a disagreement only as a"
          + " third person, and the results and CSV files follow")
  void codingAndResolving() throws Exception {
    Analysis a = drawnAndAssigned();
    SignedInHttp m = new SignedInHttp(port).signIn(memberA);
    HttpResponse<String> blank = m.post("/analyses/" + a.ref() + "/cases/" + refs.get(0), Map.of());
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body())
        .contains("href=\"#value-PARENTAL_FAMILY_STRESSORS\"")
        .contains("Choose a value for Parental and family stressors");
    for (String r : refs.subList(0, 3)) {
      assertThat(
              m.post(
                      "/analyses/" + a.ref() + "/cases/" + r,
                      Map.of("value-PARENTAL_FAMILY_STRESSORS", "HIGH"))
                  .statusCode())
          .isEqualTo(302);
    }
    SignedInHttp n = new SignedInHttp(port).signIn(memberB);
    for (String r : refs.subList(0, 3)) {
      n.post(
          "/analyses/" + a.ref() + "/cases/" + r,
          Map.of("value-PARENTAL_FAMILY_STRESSORS", r.equals(refs.get(0)) ? "LOW" : "HIGH"));
    }
    assertThat(n.get("/analyses/" + a.ref() + "/to-code").body())
        .contains("You have coded all 3 of your cases");

    SignedInHttp s = new SignedInHttp(port).signIn(lead);
    assertThat(s.post("/analyses/" + a.ref() + "/status", Map.of("to", "ANALYSIS")).statusCode())
        .isEqualTo(302);
    String agreement = s.get("/analyses/" + a.ref() + "/agreement").body();
    assertThat(agreement)
        .contains("Disagreements (1)")
        .contains(refs.get(0) + ": Parental and family stressors")
        .contains("66.7%");
    HttpResponse<String> noValue =
        s.post(
            "/analyses/" + a.ref() + "/resolve",
            Map.of("case", refs.get(0), "code", "PARENTAL_FAMILY_STRESSORS", "index", "1"));
    assertThat(noValue.statusCode()).isEqualTo(400);
    assertThat(noValue.body()).contains("href=\"#resolve-1\"");
    // Publishing waits for the disagreement.
    HttpResponse<String> early =
        s.post("/analyses/" + a.ref() + "/status", Map.of("to", "PUBLISHED"));
    assertThat(early.statusCode()).isEqualTo(400);
    assertThat(early.body()).contains("not yet resolved");
    assertThat(
            s.post(
                    "/analyses/" + a.ref() + "/resolve",
                    Map.of(
                        "case",
                        refs.get(0),
                        "code",
                        "PARENTAL_FAMILY_STRESSORS",
                        "index",
                        "1",
                        "value",
                        "MEDIUM"))
                .statusCode())
        .isEqualTo(302);
    assertThat(s.get("/analyses/" + a.ref() + "/agreement").body())
        .contains("Resolved by lead.sec")
        .contains("Every disagreement is resolved");

    String results = s.get("/analyses/" + a.ref() + "/results?grouping=CASE_THEME").body();
    assertThat(results)
        .contains("role=\"img\"")
        .contains("Sudden unexpected death in infancy (SUDI)");
    HttpResponse<String> csv = s.get("/analyses/" + a.ref() + "/results.csv");
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body())
        .startsWith("analysis_ref,code,value,group,grouping,cases,count,percent,ci_low,ci_high")
        .contains(a.ref() + ",PARENTAL_FAMILY_STRESSORS,HIGH,SAMPLE,ALL,3,2,66.7,");
    assertThat(s.get("/analyses/" + a.ref() + "/agreement.csv").body())
        .startsWith("analysis_ref,code,cases_double_coded,percent_agreement,kappa")
        .contains(a.ref() + ",PARENTAL_FAMILY_STRESSORS,3,66.7,");
    assertThat(s.get("/analyses/" + a.ref() + "/results?grouping=NONSENSE").statusCode())
        .isEqualTo(400);

    assertThat(s.post("/analyses/" + a.ref() + "/status", Map.of("to", "PUBLISHED")).statusCode())
        .isEqualTo(302);
    assertThat(s.get("/analyses/" + a.ref()).body()).contains("Published on 26 November 2026");
  }
}
