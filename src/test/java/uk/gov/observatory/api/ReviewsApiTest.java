package uk.gov.observatory.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;

/** The reviews API: rapid review, the Panel's view, LCSPR lifecycle, worklist, and refusals. */
@ApiTest
class ReviewsApiTest {

  @Autowired MockMvc mvc;
  @Autowired NotificationRegister register;
  @Autowired Accounts accounts;

  static final String SIGNED =
      "\"signed_off_la\":\"2026-11-20\",\"signed_off_health\":\"2026-11-20\","
          + "\"signed_off_police\":\"2026-11-20\"";

  ResultActions send(MockHttpServletRequestBuilder b, String json) throws Exception {
    return mvc.perform(b.contentType(MediaType.APPLICATION_JSON).content(json));
  }

  ResultActions as(String token, MockHttpServletRequestBuilder b, String json) throws Exception {
    return mvc.perform(
        b.header("Authorization", "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  Notification westminster() {
    // Notified Wednesday 4 November 2026: due on the 15th working day after, 25 November.
    return register.notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2026, 11, 2), 2, 1));
  }

  @Test
  @DisplayName("a rapid review is saved, submitted and viewed by the Panel through the API")
  void rapidReviewLifecycle() throws Exception {
    Notification n = westminster();
    String path = "/api/v1/notifications/" + n.ref() + "/rapid-review";
    send(put(path), "{\"decision\":\"UNDECIDED\"," + SIGNED + "}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DRAFT"))
        .andExpect(jsonPath("$.version").value(1))
        .andExpect(jsonPath("$.clock.due_date").value("2026-11-25"))
        .andExpect(jsonPath("$.clock.overdue").value(true));
    send(post(path + "/submission"), "{\"version\":1,\"date\":\"2026-11-24\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SUBMITTED"))
        .andExpect(jsonPath("$.clock.on_time").value(true))
        .andExpect(jsonPath("$.clock.working_days_elapsed").value(14));
    // The Panel gives no view on an undecided review.
    send(post(path + "/panel-view"), "{\"version\":2,\"view\":\"AGREE\",\"reasons\":\"Fine.\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("panel_view"));
    // A stale version is a conflict; nothing is lost.
    send(put(path), "{\"version\":1,\"decision\":\"LCSPR\"," + SIGNED + "}")
        .andExpect(status().isConflict());
    send(put(path), "{\"version\":2,\"decision\":\"LCSPR\"," + SIGNED + "}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(3));
    send(post(path + "/panel-view"), "{\"version\":3,\"view\":\"DISAGREE\",\"reasons\":\"No.\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.panel_view").value("DISAGREE"));
    send(post(path + "/panel-view"), "{\"view\":\"MAYBE\",\"reasons\":\"No.\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.errors[0].reason").value("'MAYBE' is not allowed: one of AGREE, DISAGREE"));
    mvc.perform(get("/api/v1/notifications/" + n.ref() + "/timeline"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].event").value("Rapid review started"))
        .andExpect(jsonPath("$[1].to_state").value("SUBMITTED"));
  }

  @Test
  @DisplayName("out of reach is 404, a role without the permission 403, bad dates 422")
  void refusals() throws Exception {
    Notification n = westminster();
    String path = "/api/v1/notifications/" + n.ref() + "/rapid-review";
    TestAccounts.create(accounts, "leeds.partners", Role.PARTNERSHIP, "E08000035");
    String leeds = TestAccounts.token(accounts, "leeds.partners");
    as(leeds, put(path), "{\"decision\":\"LCSPR\"}").andExpect(status().isNotFound());
    mvc.perform(get(path).header("Authorization", "Bearer " + leeds))
        .andExpect(status().isNotFound());
    TestAccounts.create(accounts, "member.only", Role.PANEL_MEMBER);
    String member = TestAccounts.token(accounts, "member.only");
    as(member, put(path), "{\"decision\":\"LCSPR\"}").andExpect(status().isForbidden());
    TestAccounts.create(accounts, "ofsted.api", Role.INSPECTOR);
    mvc.perform(
            get("/api/v1/worklist")
                .header("Authorization", "Bearer " + TestAccounts.token(accounts, "ofsted.api")))
        .andExpect(status().isForbidden());
    send(put(path), "{\"signed_off_la\":\"20/11/2026\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("signed_off_la"));
    send(post("/api/v1/lcsprs"), "{\"notification_refs\":[],\"initiated_date\":\"2026-11-20\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.errors[0].reason").value("an LCSPR covers at least one notification"));
  }

  @Test
  @DisplayName("an LCSPR is started and moved to publication through the API")
  void lcsprLifecycle() throws Exception {
    Notification n = westminster();
    send(
            post("/api/v1/lcsprs"),
            "{\"notification_refs\":[\"" + n.ref() + "\"],\"initiated_date\":\"2026-11-05\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.lcspr_ref").value("LCSPR-2026-00001"))
        .andExpect(jsonPath("$.publication_status").value("NOT_DECIDED"));
    String t = "/api/v1/lcsprs/LCSPR-2026-00001/transitions";
    send(post(t), "{\"version\":1,\"to\":\"PUBLISHED\",\"date\":\"2026-11-20\"}")
        .andExpect(status().isUnprocessableContent());
    send(post(t), "{\"version\":1,\"to\":\"COMPLETED\",\"date\":\"2026-11-06\"}")
        .andExpect(status().isOk());
    send(post(t), "{\"version\":2,\"to\":\"PUBLISHED\",\"date\":\"2026-11-10\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("PUBLISHED"))
        .andExpect(jsonPath("$.short_notice").value(true));
    mvc.perform(get("/api/v1/lcsprs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].publication_status").value("PUBLISHED"));
    mvc.perform(get("/api/v1/worklist"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.overdue[0]").value(n.ref()));
  }

  @Test
  @DisplayName(
      "a change to an existing review or LCSPR without the version it started from is a 428"
          + " naming version, and nothing changes")
  void aChangeWithoutItsVersionIsRefused() throws Exception {
    Notification n = westminster();
    String path = "/api/v1/notifications/" + n.ref() + "/rapid-review";
    send(put(path), "{\"decision\":\"UNDECIDED\"," + SIGNED + "}").andExpect(status().isOk());
    send(put(path), "{\"decision\":\"LCSPR\",\"chronology\":\"Overwritten\"," + SIGNED + "}")
        .andExpect(status().isPreconditionRequired())
        .andExpect(jsonPath("$.type").value("urn:observatory:problem:version-required"))
        .andExpect(jsonPath("$.errors[0].field").value("version"));
    send(post(path + "/submission"), "{\"date\":\"2026-11-24\"}")
        .andExpect(status().isPreconditionRequired());
    mvc.perform(get(path))
        .andExpect(jsonPath("$.version").value(1))
        .andExpect(jsonPath("$.decision").value("UNDECIDED"))
        .andExpect(jsonPath("$.chronology").doesNotExist());
    send(post(path + "/submission"), "{\"version\":1,\"date\":\"2026-11-24\"}")
        .andExpect(status().isOk());
    send(post(path + "/panel-view"), "{\"view\":\"AGREE\",\"reasons\":\"Fine.\"}")
        .andExpect(status().isPreconditionRequired());

    Notification other = westminster();
    send(
            post("/api/v1/lcsprs"),
            "{\"notification_refs\":[\"" + other.ref() + "\"],\"initiated_date\":\"2026-11-05\"}")
        .andExpect(status().isOk());
    String t = "/api/v1/lcsprs/LCSPR-2026-00001/transitions";
    send(post(t), "{\"to\":\"COMPLETED\",\"date\":\"2026-11-06\"}")
        .andExpect(status().isPreconditionRequired())
        .andExpect(jsonPath("$.errors[0].field").value("version"));
    send(post(t), "{\"version\":9,\"to\":\"COMPLETED\",\"date\":\"2026-11-06\"}")
        .andExpect(status().isConflict());
    mvc.perform(get("/api/v1/lcsprs/LCSPR-2026-00001"))
        .andExpect(jsonPath("$.status").value("INITIATED"))
        .andExpect(jsonPath("$.version").value(1));
  }

  @Test
  @DisplayName(
      "review text is a JSON string without control characters, arrays hold no null, booleans"
          + " are true or false, dates 1900-2100: else 400/422 naming the field, nothing stored")
  void hostileReviewBodiesAreRefusedNamingTheField() throws Exception {
    Notification n = westminster();
    String path = "/api/v1/notifications/" + n.ref() + "/rapid-review";
    for (String field :
        List.of(
            "agencies_involved",
            "chronology",
            "immediate_actions",
            "learning_identified",
            "dissemination_plan",
            "decision_rationale",
            "alternative_methodology_detail")) {
      send(put(path), "{\"" + field + "\":\"a\\u0000b\"}")
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value(field))
          .andExpect(
              jsonPath("$.errors[0].reason")
                  .value(org.hamcrest.Matchers.startsWith("must not contain control characters")));
      for (String notText : List.of("true", "false", "1e+308", "12")) {
        send(put(path), "{\"" + field + "\":" + notText + "}")
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value(field))
            .andExpect(jsonPath("$.errors[0].reason").value("must be a string"));
      }
    }
    send(put(path), "{\"practice_themes\":[null]}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("practice_themes[1]"));
    send(put(path), "{\"criteria\":[\"A\",null]}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("criteria[2]"));
    for (String notBoolean : List.of("123", "0", "\"true\"", "\"yes\"", "1.5")) {
      send(put(path), "{\"ethnicity_recorded\":" + notBoolean + "}")
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("ethnicity_recorded"));
    }
    send(put(path), "{\"version\":\"1\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("version"));
    for (String date :
        List.of("+999999999-12-31", "-999999999-01-01", "1899-12-31", "2101-01-01")) {
      send(put(path), "{\"dissemination_by\":\"" + date + "\"}")
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[0].field").value("dissemination_by"))
          .andExpect(
              jsonPath("$.errors[0].reason")
                  .value(org.hamcrest.Matchers.containsString("1900-01-01 to 2100-12-31")));
    }
    mvc.perform(get(path)).andExpect(status().isNotFound());
    send(
            post("/api/v1/lcsprs"),
            "{\"notification_refs\":[\"SIN\\u0000\"],\"initiated_date\":\"2026-11-05\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("notification_refs[1]"));
    send(
            post("/api/v1/lcsprs"),
            "{\"notification_refs\":[\"" + n.ref() + "\"],\"initiated_date\":\"2026-11-05\"}")
        .andExpect(status().isOk());
    send(
            post("/api/v1/lcsprs/LCSPR-2026-00001/transitions"),
            "{\"version\":1,\"to\":\"NOT_PUBLISHING\",\"reasons\":\"x\\u0000\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reasons"));
    send(
            post("/api/v1/lcsprs/LCSPR-2026-00001/transitions"),
            "{\"version\":1,\"to\":\"COMPLETED\",\"date\":\"+999999999-12-31\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("date"));
    mvc.perform(get("/api/v1/lcsprs/LCSPR-2026-00001")).andExpect(jsonPath("$.version").value(1));
  }

  @Test
  @DisplayName("a rapid review that breaks several rules is answered with every one at once")
  void everyBrokenRuleAtOnce() throws Exception {
    Notification n = westminster();
    String path = "/api/v1/notifications/" + n.ref() + "/rapid-review";
    send(
            put(path),
            "{\"decision\":\"MAYBE\",\"criteria\":[\"NOPE\"],\"dissemination_by\":\"2026-13-01\","
                + "\"signed_off_la\":\"yesterday\",\"signed_off_police\":\"2026-02-30\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(
                    org.hamcrest.Matchers.contains(
                        "decision",
                        "criteria",
                        "dissemination_by",
                        "signed_off_la",
                        "signed_off_police")));
    mvc.perform(get(path)).andExpect(status().isNotFound());
  }
}
