package uk.gov.observatory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import uk.gov.observatory.notification.NotificationRegister;

/**
 * Requests that are wrong in themselves get a problem response a client can act on, never a 500.
 */
@ApiTest
class ApiErrorsTest {

  @Autowired MockMvc mvc;
  @Autowired NotificationRegister register;

  private ResultActions postJson(String json) throws Exception {
    return mvc.perform(
        post("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON).content(json));
  }

  /** A problem document without anything internal in it. */
  private static void assertSafeProblem(MvcResult result, int status) throws Exception {
    assertThat(result.getResponse().getStatus()).isEqualTo(status);
    assertThat(result.getResponse().getContentType())
        .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    String body = result.getResponse().getContentAsString();
    assertThat(body)
        .contains("\"status\":" + status)
        .contains("\"title\"")
        .contains("\"detail\"")
        .contains("\"instance\"");
    assertThat(body)
        .doesNotContain(
            "Exception", "tools.jackson", "java.", "springframework", "\tat ", "Source:");
  }

  @Test
  void malformed_json_is_a_400_problem_saying_where() throws Exception {
    MvcResult r =
        postJson("{\"la_code\": \"E09000033\", \"children\": [ {\"gender\": }").andReturn();
    assertSafeProblem(r, 400);
    assertThat(r.getResponse().getContentAsString())
        .contains("urn:observatory:problem:malformed-request")
        .contains("The request body is not valid JSON (line 1");
    assertThat(register.count()).isZero();
  }

  @Test
  void a_missing_or_non_object_body_is_a_400_problem() throws Exception {
    assertSafeProblem(postJson("").andReturn(), 400);
    MvcResult array = postJson("[1, 2]").andReturn();
    assertSafeProblem(array, 400);
    assertThat(array.getResponse().getContentAsString()).contains("must be a JSON object");
  }

  @Test
  void a_value_of_the_wrong_json_type_is_a_400_problem_naming_the_field() throws Exception {
    Map<String, Object> body = Bodies.death();
    Bodies.child(body, 0).put("age_years", Map.of("years", 3));
    MvcResult r = postJson(Bodies.json(body)).andReturn();
    assertSafeProblem(r, 400);
    mvc.perform(
            post("/api/v1/notifications")
                .contentType(MediaType.APPLICATION_JSON)
                .content(Bodies.json(body)))
        .andExpect(jsonPath("$.errors", hasSize(1)))
        .andExpect(jsonPath("$.errors[0].field").value("children[1].age_years"))
        .andExpect(
            jsonPath("$.errors[0].reason")
                .value(
                    "has the wrong JSON type: expected a string or a number, but got an object"));

    Map<String, Object> codes = Bodies.death();
    codes.put("case_characteristics", "DOMESTIC_ABUSE");
    mvc.perform(
            post("/api/v1/notifications")
                .contentType(MediaType.APPLICATION_JSON)
                .content(Bodies.json(codes)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("case_characteristics"))
        .andExpect(jsonPath("$.errors[0].reason", containsString("expected an array")));
    assertThat(register.count()).isZero();
  }

  @Test
  void nulls_inside_lists_are_rule_violations_not_failures() throws Exception {
    String json =
        Bodies.json(Bodies.death())
            .replace(
                "\"case_characteristics\":[\"DOMESTIC_ABUSE\"",
                "\"case_characteristics\":[null,\"DOMESTIC_ABUSE\"");
    assertThat(json).contains("[null,");
    postJson(json.replaceFirst("\"children\":\\[", "\"children\":[null,"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath(
                "$.errors[*].field",
                containsInAnyOrder(
                    "case_characteristics",
                    "children[1].gender",
                    "children[1].age_years",
                    "children[2].child_seq")));
  }

  @Test
  void a_blank_child_seq_that_repeats_another_childs_is_a_422_not_a_500() throws Exception {
    // a blank child_seq means the child's position: here both children would be child 1
    Map<String, Object> body = Bodies.seriousHarm();
    Bodies.child(body, 0).put("child_seq", null);
    Bodies.child(body, 1).put("child_seq", "1");
    Bodies.child(body, 1).put("gender", "NOPE");
    postJson(Bodies.json(body))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.type").value("urn:observatory:problem:invalid-notification"))
        .andExpect(
            jsonPath(
                "$.errors[*].field",
                containsInAnyOrder("children[2].child_seq", "children[2].gender")));
    assertThat(register.count()).isZero();

    Bodies.child(body, 1).put("gender", "MALE");
    Bodies.child(body, 0).put("child_seq", "2");
    Bodies.child(body, 1).put("child_seq", "");
    postJson(Bodies.json(body))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("children[2].child_seq")));
    assertThat(register.count()).isZero();

    Bodies.child(body, 1).put("child_seq", "3");
    postJson(Bodies.json(body))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.children[*].child_seq", containsInAnyOrder(2, 3)));
  }

  @Test
  void text_with_a_nul_character_is_a_422_not_a_500() throws Exception {
    Map<String, Object> body = Bodies.death();
    Bodies.child(body, 0).put("child_name", "Test\u0000Child");
    postJson(Bodies.json(body))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("children[1].child_name"))
        .andExpect(
            jsonPath("$.errors[0].value")
                .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Test"))));
    assertThat(register.count()).isZero();
    mvc.perform(
            post("/api/v1/notifications")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "k".repeat(201))
                .content(Bodies.json(Bodies.death())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    assertThat(register.count()).isZero();
  }

  @Test
  void unknown_properties_are_a_400_problem_naming_them_and_the_allowed_ones() throws Exception {
    Map<String, Object> body = Bodies.death();
    body.put("colour", "blue");
    body.put("notification_ref", "SIN-2020-00001");
    Bodies.child(body, 0).put("nhs_number", "0000000000");
    MvcResult r = postJson(Bodies.json(body)).andReturn();
    assertSafeProblem(r, 400);
    mvc.perform(
            post("/api/v1/notifications")
                .contentType(MediaType.APPLICATION_JSON)
                .content(Bodies.json(body)))
        .andExpect(jsonPath("$.detail", containsString("colour")))
        .andExpect(
            jsonPath("$.detail", containsString("Allowed properties are la_code, incident_date")))
        .andExpect(
            jsonPath(
                "$.errors[*].field",
                containsInAnyOrder("colour", "notification_ref", "children[1].nhs_number")))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'colour')].reason")
                .value(
                    "is not a property of the data standard: allowed properties are la_code, incident_date, aware_date,"
                        + " notified_date, notification_type, death_category, harm_category, imd_decile,"
                        + " case_characteristics, domestic_abuse_pattern, csc_involvement, court_order,"
                        + " living_arrangement, covid_factors, children"))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'notification_ref')].reason")
                .value("is assigned by the register: leave it out"))
        // an unknown property's value is not echoed (it may be personal data)
        .andExpect(content().string(not(containsString("0000000000"))));
    assertThat(register.count()).isZero();
  }

  @Test
  void a_body_that_is_not_json_is_a_415_problem() throws Exception {
    MvcResult r =
        mvc.perform(
                post("/api/v1/notifications")
                    .contentType(MediaType.TEXT_PLAIN)
                    .content("la_code=E09000033"))
            .andReturn();
    assertSafeProblem(r, 415);
    MvcResult form =
        mvc.perform(
                post("/api/v1/notifications")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content("a=b"))
            .andReturn();
    assertSafeProblem(form, 415);
  }

  @Test
  void a_method_a_path_does_not_support_is_a_405_problem_with_allow() throws Exception {
    MvcResult r = mvc.perform(delete("/api/v1/notifications")).andReturn();
    assertSafeProblem(r, 405);
    assertThat(r.getResponse().getHeader("Allow")).contains("GET", "POST");
    mvc.perform(
            put("/api/v1/notifications/SIN-2020-00001")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(header().string("Allow", containsString("GET")))
        .andExpect(header().string("Allow", not(containsString("POST"))));
  }

  @Test
  void an_unknown_api_path_is_a_404_problem() throws Exception {
    for (String path :
        List.of(
            "/api/v1/nothing-here",
            "/api/v2/notifications",
            "/api",
            "/api/v1/notifications/SIN-1/children")) {
      MvcResult r = mvc.perform(get(path).accept(MediaType.APPLICATION_JSON)).andReturn();
      assertSafeProblem(r, 404);
      assertThat(r.getResponse().getContentAsString()).contains("\"instance\":\"" + path + "\"");
    }
    assertSafeProblem(mvc.perform(post("/api/v1/nothing-here")).andReturn(), 404);
  }

  @Test
  void an_unexpected_failure_is_a_500_problem_that_discloses_nothing() throws Exception {
    MvcResult r = mvc.perform(get(FailingEndpoint.PATH)).andReturn();
    assertSafeProblem(r, 500);
    assertThat(r.getResponse().getContentAsString())
        .doesNotContain(FailingEndpoint.SECRET, "IllegalState")
        .contains("unexpected error");
  }
}
