package uk.gov.observatory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.audit.Actors;
import uk.gov.observatory.learning.ThematicAnalyses;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.support.AnalysisRegister;
import uk.gov.observatory.support.TestAccounts;

/**
 * The thematic analyses API (issue 17, "Command line and API ... with the same rules as the
 * pages"): create, read, draw, the sample as JSON and CSV, codings and resolutions as CSV, results
 * as JSON and CSV; a 400 problem naming the field; a 403 for a coder who tries to lead and for a
 * role that neither leads nor codes. The caller is the secretariat's api.secretariat (ApiCaller).
 */
@ApiTest
class AnalysesApiTest {

  @Autowired MockMvc mvc;
  @Autowired StandardCsv standardCsv;
  @Autowired Accounts accounts;
  @Autowired ThematicAnalyses analyses;
  @TempDir Path tmp;

  static final MediaType CSV = MediaType.parseMediaType("text/csv");

  static final String ANALYSIS =
      """
      {"ref":"TA-2020-07","title":"COVID-19 and serious incidents",
       "question":"How far did school closures matter?",
       "population":{"received_from":"2020-05-01","received_to":"2020-09-30","covid_factor":"ANY"},
       "frame":[{"code":"SCHOOL_CLOSURE","label":"Impact of school closures",
                 "definition":"School closures affected how the child was seen and supported.",
                 "scale":"PRESENCE"}]}
      """;

  @BeforeEach
  void register() throws Exception {
    AnalysisRegister.load(standardCsv, tmp.resolve("register"));
    TestAccounts.create(accounts, "coder.one", Role.PANEL_MEMBER);
    TestAccounts.create(accounts, "coder.two", Role.PANEL_MEMBER);
  }

  ResultActions json(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder b, String body)
      throws Exception {
    return mvc.perform(b.contentType(MediaType.APPLICATION_JSON).content(body));
  }

  ResultActions csv(String path, String body) throws Exception {
    return mvc.perform(post(path).contentType(CSV).content(body));
  }

  @Test
  @DisplayName(
      "an analysis is created, drawn, coded, resolved and its results read through the API, the"
          + " sample and results as JSON or CSV")
  void wholeAnalysis() throws Exception {
    json(post("/api/v1/analyses"), ANALYSIS)
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/analyses/TA-2020-07"))
        .andExpect(jsonPath("$.status").value("SCOPING"))
        .andExpect(jsonPath("$.lead").value("api.secretariat"))
        .andExpect(jsonPath("$.population.covid_factor").value("ANY"))
        .andExpect(jsonPath("$.population_count").value(10))
        .andExpect(jsonPath("$.frame[0].values[0]").value("Y"));
    mvc.perform(get("/api/v1/analyses"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].ref", hasItem("TA-2020-07")));

    json(post("/api/v1/analyses/TA-2020-07/draw"), "{\"percent\":\"100\",\"seed\":3,\"control\":4}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CODING"))
        .andExpect(jsonPath("$.draw.seed").value(3))
        .andExpect(jsonPath("$.draw.control").value(4));
    mvc.perform(get("/api/v1/analyses/TA-2020-07/sample"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(14)))
        .andExpect(jsonPath("$[0].group").value("SAMPLE"))
        .andExpect(jsonPath("$[13].group").value("CONTROL"));
    String sample =
        mvc.perform(get("/api/v1/analyses/TA-2020-07/sample").accept(CSV))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(CSV))
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> lines = sample.lines().toList();
    assertThat(lines.get(0)).isEqualTo("notification_ref,group");
    assertThat(lines).hasSize(15);

    // coder.one codes every case (Y where the case cites COVID-19); coder.two the first two, and
    // differs on the second.
    List<String> codings = new ArrayList<>();
    codings.add("analysis_ref,notification_ref,coder,code,value");
    List<String> cases = lines.stream().skip(1).map(l -> l.split(",")[0]).toList();
    for (String c : cases) {
      boolean citing = AnalysisRegister.citing(AnalysisRegister.number(c));
      codings.add("TA-2020-07," + c + ",coder.one,SCHOOL_CLOSURE," + (citing ? "Y" : "N"));
    }
    codings.add("TA-2020-07," + cases.get(0) + ",coder.two,SCHOOL_CLOSURE,Y");
    codings.add("TA-2020-07," + cases.get(1) + ",coder.two,SCHOOL_CLOSURE,N");
    csv("/api/v1/analyses/TA-2020-07/codings", String.join("\n", codings) + "\n")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.imported").value(16));

    // The lead (neither coder) resolves the disagreement: Y.
    csv(
            "/api/v1/analyses/TA-2020-07/resolutions",
            "analysis_ref,notification_ref,coder,code,value\n"
                + "TA-2020-07,"
                + cases.get(1)
                + ",api.secretariat,SCHOOL_CLOSURE,Y\n")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.imported").value(1))
        .andExpect(jsonPath("$.unresolved").value(0));

    mvc.perform(get("/api/v1/analyses/TA-2020-07/results").param("grouping", "case_theme"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.grouping").value("case_theme"))
        .andExpect(
            jsonPath(
                    "$.rows[?(@.code=='SCHOOL_CLOSURE' && @.value=='Y' && @.group=='SAMPLE'"
                        + " && @.grouping=='ALL')].count")
                .value(hasItem(10)))
        .andExpect(
            jsonPath(
                    "$.rows[?(@.code=='SCHOOL_CLOSURE' && @.value=='Y' && @.group=='CONTROL'"
                        + " && @.grouping=='ALL')].count")
                .value(hasItem(0)))
        .andExpect(jsonPath("$.agreement[0].code").value("SCHOOL_CLOSURE"))
        .andExpect(jsonPath("$.agreement[0].cases_double_coded").value(2))
        .andExpect(jsonPath("$.agreement[0].percent_agreement").value(50.0));
    String results =
        mvc.perform(get("/api/v1/analyses/TA-2020-07/results").accept(CSV))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(results.lines().findFirst().orElseThrow())
        .isEqualTo("analysis_ref,code,value,group,grouping,cases,count,percent,ci_low,ci_high");
    assertThat(results.lines())
        .contains("TA-2020-07,SCHOOL_CLOSURE,Y,SAMPLE,ALL,10,10,100.0,72.2,100.0");
    String agreement =
        mvc.perform(
                get("/api/v1/analyses/TA-2020-07/results").param("part", "agreement").accept(CSV))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(agreement.lines().findFirst().orElseThrow())
        .isEqualTo("analysis_ref,code,cases_double_coded,percent_agreement,kappa");
    assertThat(agreement.lines()).anyMatch(l -> l.startsWith("TA-2020-07,SCHOOL_CLOSURE,2,50.0,"));
  }

  @Test
  @DisplayName("bad input is a 400 problem naming the field, and nothing is stored")
  void badInput() throws Exception {
    json(
            post("/api/v1/analyses"),
            ANALYSIS.replace("\"2020-05-01\"", "\"2020-02-30\"").replace("PRESENCE", "SOMETIMES"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", hasItem("population.received_from")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("frame[1].scale")))
        .andExpect(jsonPath("$.detail", containsString("nothing was stored")));
    mvc.perform(get("/api/v1/analyses/TA-2020-07")).andExpect(status().isNotFound());

    json(post("/api/v1/analyses"), ANALYSIS).andExpect(status().isCreated());
    json(post("/api/v1/analyses/TA-2020-07/draw"), "{\"size\":3}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("seed"));
    json(post("/api/v1/analyses/TA-2020-07/draw"), "{\"size\":3,\"seed\":1}")
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/analyses/TA-2020-07/results").param("grouping", "region"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("grouping"))
        .andExpect(jsonPath("$.errors[0].reason", containsString("case_theme")));
    // A codings file with an unknown code: refused with its line, nothing stored.
    String one =
        mvc.perform(get("/api/v1/analyses/TA-2020-07/sample").accept(CSV))
            .andReturn()
            .getResponse()
            .getContentAsString()
            .lines()
            .skip(1)
            .findFirst()
            .orElseThrow()
            .split(",")[0];
    csv(
            "/api/v1/analyses/TA-2020-07/codings",
            "analysis_ref,notification_ref,coder,code,value\n"
                + "TA-2020-07,"
                + one
                + ",coder.one,SCHOOL_CLOSURE,Y\n"
                + "TA-2020-07,"
                + one
                + ",coder.one,SCHOOL_TRIPS,Y\n")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field", containsString("line 3")))
        .andExpect(jsonPath("$.errors[0].reason", containsString("SCHOOL_TRIPS")));
    assertThat(analyses.codings("TA-2020-07", Viewer.system(Actors.SYSTEM))).isEmpty();
    // A body that is neither JSON nor CSV: 415.
    mvc.perform(
            post("/api/v1/analyses/TA-2020-07/codings")
                .contentType(MediaType.TEXT_PLAIN)
                .content("x"))
        .andExpect(status().isUnsupportedMediaType());
  }

  @Test
  @DisplayName(
      "a Panel member who codes may not create an analysis (403), and a notifier may not reach"
          + " analyses at all (403)")
  void forbidden() throws Exception {
    String coder = TestAccounts.token(accounts, "coder.one");
    mvc.perform(
            post("/api/v1/analyses")
                .header("Authorization", "Bearer " + coder)
                .contentType(MediaType.APPLICATION_JSON)
                .content(ANALYSIS))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    TestAccounts.create(accounts, "notifier.leeds", Role.LA_NOTIFIER, AnalysisRegister.LEEDS);
    String notifier = TestAccounts.token(accounts, "notifier.leeds");
    mvc.perform(get("/api/v1/analyses").header("Authorization", "Bearer " + notifier))
        .andExpect(status().isForbidden());
    // Nothing was created by the coder.
    mvc.perform(get("/api/v1/analyses/TA-2020-07")).andExpect(status().isNotFound());
  }
}
