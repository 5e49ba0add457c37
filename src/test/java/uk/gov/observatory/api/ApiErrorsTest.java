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
                .value("must be a whole number of at most 9 digits or a string"));

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
  void nulls_inside_arrays_are_a_400_problem_naming_the_field_and_position() throws Exception {
    String json =
        Bodies.json(Bodies.death())
            .replace(
                "\"case_characteristics\":[\"DOMESTIC_ABUSE\"",
                "\"case_characteristics\":[\"DOMESTIC_ABUSE\",null");
    assertThat(json).contains(",null,");
    MvcResult r = postJson(json).andReturn();
    assertSafeProblem(r, 400);
    postJson(json)
        .andExpect(jsonPath("$.errors[0].field").value("case_characteristics[2]"))
        .andExpect(jsonPath("$.errors[0].reason", containsString("must not be null")));
    postJson(Bodies.json(Bodies.death()).replaceFirst("\"children\":\\[", "\"children\":[null,"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("children[1]"));
    assertThat(register.count()).isZero();
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
  void text_with_a_nul_or_other_control_character_is_a_400_naming_the_field() throws Exception {
    for (String bad : List.of("Test\u0000Child", "Test\u0001Child", "A\u001bB", "A\u007fB")) {
      Map<String, Object> body = Bodies.death();
      Bodies.child(body, 0).put("child_name", bad);
      MvcResult r = postJson(Bodies.json(body)).andReturn();
      assertSafeProblem(r, 400);
      postJson(Bodies.json(body))
          .andExpect(jsonPath("$.errors[0].field").value("children[1].child_name"))
          .andExpect(
              jsonPath("$.errors[0].reason", containsString("must not contain control characters")))
          // the refused text is not echoed (it may be personal data)
          .andExpect(content().string(not(containsString("Test"))));
    }
    Map<String, Object> code = Bodies.death();
    code.put("la_code", "E09000033\u0000");
    postJson(Bodies.json(code))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("la_code"));
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
                    "is not a property of the data standard: allowed properties are la_code,"
                        + " incident_date, aware_date, notified_date, notification_type,"
                        + " death_category, harm_category, imd_decile, case_characteristics,"
                        + " domestic_abuse_pattern, csc_involvement, court_order,"
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

  @Test
  void only_application_json_bodies_are_read_anything_else_is_a_415_naming_the_type()
      throws Exception {
    for (String type :
        List.of(
            "*/*",
            "application/*",
            "application/yaml",
            "text/plain",
            "text/json",
            "application/x-www-form-urlencoded",
            "application/json; charset=ISO-8859-1",
            "not a media type")) {
      MvcResult r =
          mvc.perform(
                  post("/api/v1/notifications")
                      .header("Content-Type", type)
                      .content(Bodies.json(Bodies.death())))
              .andReturn();
      assertSafeProblem(r, 415);
      assertThat(r.getResponse().getContentAsString())
          .as(type)
          .contains("application/json")
          .contains("\"field\":\"Content-Type\"");
    }
    MvcResult put =
        mvc.perform(
                put("/api/v1/notifications/SIN-2020-00001/rapid-review")
                    .header("Content-Type", "*/*")
                    .content("{\"version\":1}"))
            .andReturn();
    assertSafeProblem(put, 415);
    assertThat(register.count()).isZero();
    postJson(Bodies.json(Bodies.death())).andExpect(status().isCreated());
    mvc.perform(
            post("/api/v1/notifications")
                .header("Content-Type", "application/json; charset=UTF-8")
                .content(Bodies.json(Bodies.seriousHarm())))
        .andExpect(status().isCreated());
  }

  @Test
  void a_body_over_1_mb_is_a_413_problem_and_nothing_is_stored() throws Exception {
    Map<String, Object> body = Bodies.death();
    Bodies.child(body, 0).put("child_name", "A".repeat(RequestLimits.MAX_JSON_BYTES));
    MvcResult r = postJson(Bodies.json(body)).andReturn();
    assertSafeProblem(r, 413);
    assertThat(r.getResponse().getContentAsString()).contains("larger than 1 MB");
    assertThat(register.count()).isZero();
  }

  @Test
  void a_chunked_body_over_1_mb_is_refused_before_it_is_parsed() throws Exception {
    var request =
        new org.springframework.mock.web.MockHttpServletRequest("POST", "/api/v1/notifications") {
          @Override
          public long getContentLengthLong() {
            return -1; // Transfer-Encoding: chunked
          }

          @Override
          public int getContentLength() {
            return -1;
          }
        };
    request.setContentType("application/json");
    request.setContent(("\"" + "A".repeat(RequestLimits.MAX_JSON_BYTES + 10) + "\"").getBytes());
    var response = new org.springframework.mock.web.MockHttpServletResponse();
    var chain = new org.springframework.mock.web.MockFilterChain();
    new RequestLimits.LimitsFilter(tools.jackson.databind.json.JsonMapper.builder().build())
        .doFilter(request, response, chain);
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(chain.getRequest()).as("the request went no further").isNull();

    var small =
        new org.springframework.mock.web.MockHttpServletRequest("POST", "/api/v1/notifications") {
          @Override
          public long getContentLengthLong() {
            return -1;
          }
        };
    small.setContentType("application/json");
    small.setContent("{\"a\":1}".getBytes());
    var passed = new org.springframework.mock.web.MockFilterChain();
    new RequestLimits.LimitsFilter(tools.jackson.databind.json.JsonMapper.builder().build())
        .doFilter(small, new org.springframework.mock.web.MockHttpServletResponse(), passed);
    assertThat(passed.getRequest().getInputStream().readAllBytes())
        .asString()
        .isEqualTo("{\"a\":1}");
  }

  @Test
  void json_types_are_kept_text_is_only_a_string_and_numbers_only_where_the_standard_allows()
      throws Exception {
    for (Object notText : List.of(true, false, 1e308, 12, Map.of("a", 1), List.of("x"))) {
      Map<String, Object> body = Bodies.death();
      Bodies.child(body, 0).put("child_name", notText);
      postJson(Bodies.json(body))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("children[1].child_name"))
          .andExpect(jsonPath("$.errors[0].reason").value("must be a string"));
      Map<String, Object> la = Bodies.death();
      la.put("la_code", notText);
      postJson(Bodies.json(la))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("la_code"));
    }
    for (Object notWhole : List.of(3.5, 1e308, 1234567890L, true, "x".length() == 1 ? 3.0 : 0)) {
      Map<String, Object> body = Bodies.death();
      body.put("imd_decile", notWhole);
      postJson(Bodies.json(body))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("imd_decile"))
          .andExpect(jsonPath("$.errors[0].reason", containsString("whole number")));
    }
    assertThat(register.count()).isZero();
    Map<String, Object> numbers = Bodies.death();
    numbers.put("imd_decile", 3);
    Bodies.child(numbers, 0).put("age_years", 0);
    postJson(Bodies.json(numbers)).andExpect(status().isCreated());
  }

  @Test
  void only_ascii_digits_are_numbers() throws Exception {
    for (String decile : List.of("\u0663", "\uff13", "\u0969", "+\u0663", "+3", "-3")) {
      Map<String, Object> body = Bodies.death();
      body.put("imd_decile", decile);
      postJson(Bodies.json(body))
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[0].field").value("imd_decile"));
      Map<String, Object> age = Bodies.death();
      Bodies.child(age, 0).put("age_years", decile);
      postJson(Bodies.json(age))
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[0].field").value("children[1].age_years"));
    }
    mvc.perform(get("/api/v1/notifications").param("page", "\u0661"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("page"));
    assertThat(register.count()).isZero();
  }

  @Test
  void dates_outside_1900_to_2100_are_refused_naming_the_field_or_parameter() throws Exception {
    for (String date :
        List.of("+999999999-12-31", "-999999999-01-01", "1899-12-31", "2101-01-01", "0001-01-01")) {
      for (String parameter : List.of("from", "to")) {
        mvc.perform(get("/api/v1/notifications").param(parameter, date))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value(parameter))
            .andExpect(jsonPath("$.errors[0].reason", containsString("1900-01-01 to 2100-12-31")));
      }
      Map<String, Object> body = Bodies.death();
      body.put("incident_date", date);
      postJson(Bodies.json(body))
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItem("incident_date")));
      Map<String, Object> dob = Bodies.death();
      Bodies.child(dob, 0).put("date_of_birth", date);
      postJson(Bodies.json(dob))
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[0].field").value("children[1].date_of_birth"));
    }
    assertThat(register.count()).isZero();
  }

  @Test
  void a_direct_request_for_the_error_path_is_a_404_like_any_unknown_path() throws Exception {
    MvcResult r = mvc.perform(get("/error").accept(MediaType.APPLICATION_JSON)).andReturn();
    assertSafeProblem(r, 404);
    assertThat(r.getResponse().getContentAsString()).doesNotContain("999");
    mvc.perform(get("/error").header("X-Test-Anonymous", "1")).andExpect(status().isNotFound());
    mvc.perform(get("/error").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
  }

  @Test
  void a_page_form_over_1_mb_is_a_413_before_anything_reads_it() throws Exception {
    mvc.perform(
            post("/lcsprs")
                .header("X-Test-Anonymous", "1")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("notificationRefs=" + "A".repeat(RequestLimits.MAX_FORM_BYTES)))
        .andExpect(status().is(413));
  }

  @Test
  void a_nul_in_a_path_or_parameter_is_refused_not_a_500() throws Exception {
    for (String path :
        List.of(
            "/api/v1/notifications/SIN-2020-00001%00",
            "/api/v1/lcsprs/LCSPR%00", "/api/v1/notifications/SIN%00/rapid-review")) {
      int status =
          mvc.perform(get(java.net.URI.create(path)).accept(MediaType.APPLICATION_JSON))
              .andReturn()
              .getResponse()
              .getStatus();
      assertThat(status).as(path).isBetween(400, 499);
    }
    for (String parameter : List.of("la", "type", "sort", "order", "page", "size", "from", "to")) {
      mvc.perform(get("/api/v1/notifications").param(parameter, "x\u0000"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value(parameter));
    }
  }

  @Test
  void a_property_given_twice_is_a_400_not_settled_by_the_last() throws Exception {
    MvcResult r = postJson("{\"la_code\": \"E09000033\", \"la_code\": \"E08000035\"}").andReturn();
    assertSafeProblem(r, 400);
    assertThat(r.getResponse().getContentAsString()).contains("la_code");
    assertThat(register.count()).isZero();
  }
}
