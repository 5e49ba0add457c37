package uk.gov.observatory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;

/**
 * An account for an authority's live code reaches the records under its earlier codes through the
 * API: Sheffield was E08000019 until 30 April 2025 and is E08000039 since (the same DfE code, 373).
 * A split is not followed: Northamptonshire (E10000021, ended 31 March 2021) is neither North nor
 * West Northamptonshire.
 */
@ApiTest
class AuthorityThroughItsCodesTest {

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  final JsonMapper json = JsonMapper.builder().build();

  Notification notify(String la, String incident) {
    return register.notify(Submissions.of(la, "DEATH", LocalDate.parse(incident), 1, 1));
  }

  JsonNode getJson(String path, String auth, int status) throws Exception {
    return json.readTree(
        mvc.perform(get(path).header("Authorization", auth))
            .andExpect(status().is(status))
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  @Test
  @DisplayName(
      "a Sheffield notifier (E08000039) lists and opens Sheffield's notifications under E08000019;"
          + " Barnsley's under either code and Rotherham's are 404")
  void sheffieldThroughItsCodes() throws Exception {
    Notification sheffieldBefore = notify("E08000019", "2024-06-01");
    Notification sheffieldSince = notify("E08000039", "2025-06-01");
    Notification barnsleyBefore = notify("E08000016", "2024-06-01");
    Notification barnsleySince = notify("E08000038", "2025-06-01");
    Notification rotherham = notify("E08000018", "2024-06-01");
    TestAccounts.create(accounts, "sheffield.api", Role.LA_NOTIFIER, "E08000039");
    String auth = "Bearer " + TestAccounts.token(accounts, "sheffield.api");

    JsonNode list = getJson("/api/v1/notifications?size=50", auth, 200);
    assertThat(list.get("total").asLong()).isEqualTo(2);
    assertThat(list.get("items").findValuesAsString("notification_ref"))
        .containsExactlyInAnyOrder(sheffieldBefore.ref(), sheffieldSince.ref());

    JsonNode before = getJson("/api/v1/notifications/" + sheffieldBefore.ref(), auth, 200);
    assertThat(before.get("la_code").asText()).isEqualTo("E08000019");
    getJson("/api/v1/notifications/" + sheffieldSince.ref(), auth, 200);
    for (Notification n : List.of(barnsleyBefore, barnsleySince, rotherham)) {
      getJson("/api/v1/notifications/" + n.ref(), auth, 404);
    }
    // The API's filter stays by code: E08000019 finds the notification made under that code.
    assertThat(
            getJson("/api/v1/notifications?la=E08000019", auth, 200)
                .get("items")
                .findValuesAsString("notification_ref"))
        .containsExactly(sheffieldBefore.ref());

    // And a 2024 Sheffield incident can be notified under the code in operation then.
    Map<String, Object> body =
        Bodies.of(Submissions.of("E08000019", "DEATH", LocalDate.parse("2024-09-01"), 2, 1));
    mvc.perform(
            post("/api/v1/notifications")
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content(Bodies.json(body)))
        .andExpect(status().isCreated());
  }

  @Test
  @DisplayName(
      "an account given ended Northamptonshire (E10000021) reaches its records only, not North or"
          + " West Northamptonshire's")
  void aSplitIsNotFollowed() throws Exception {
    Notification northamptonshire = notify("E10000021", "2020-06-01");
    Notification north = notify("E06000061", "2022-06-01");
    Notification west = notify("E06000062", "2022-06-01");
    accounts.add(
        "northants.archive",
        Role.LA_NOTIFIER,
        List.of("E10000021"),
        null,
        TestAccounts.PASSWORD,
        true);
    String auth = "Bearer " + TestAccounts.token(accounts, "northants.archive");

    assertThat(
            getJson("/api/v1/notifications?size=50", auth, 200)
                .get("items")
                .findValuesAsString("notification_ref"))
        .containsExactly(northamptonshire.ref());
    getJson("/api/v1/notifications/" + northamptonshire.ref(), auth, 200);
    getJson("/api/v1/notifications/" + north.ref(), auth, 404);
    getJson("/api/v1/notifications/" + west.ref(), auth, 404);
  }
}
